package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;

/**
 * The unlocked reads of one slot made earlier in the current pass.
 *
 * @param snaps the snapshots those reads produced (several after a merge of paths)
 * @param line the line of the earliest of them, for messages
 * @param blocks the CFG blocks holding the reads, to end the pass at a loop's back edge
 */
public record ReadRecord(ImmutableSet<SnapId> snaps, int line, ImmutableSet<Long> blocks) {

  public ReadRecord merge(ReadRecord other) {
    return new ReadRecord(
        ImmutableSet.<SnapId>builder().addAll(snaps).addAll(other.snaps).build(),
        Math.min(line, other.line),
        ImmutableSet.<Long>builder().addAll(blocks).addAll(other.blocks).build());
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof ReadRecord r
            && line == r.line
            && Objects.equals(snaps, r.snaps)
            && Objects.equals(blocks, r.blocks));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(snaps);
    h = 31 * h + line;
    h = 31 * h + Objects.hashCode(blocks);
    return h;
  }
}

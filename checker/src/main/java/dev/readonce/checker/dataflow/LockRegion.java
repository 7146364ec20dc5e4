package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.sun.source.tree.Tree;
import org.jspecify.annotations.Nullable;

/**
 * A held lock of a slot, from the point it was taken.
 *
 * @param slot the slot (or, with an any-index step, all slots of an array) the lock covers
 * @param line the line where the lock was taken
 * @param monitor the {@code synchronized} statement, for a monitor (released at its end); null
 *     for a {@code Lock}
 * @param validated the pre-lock snapshots re-validated against the slot under this lock
 * @param lowerTable whether the lock is the lower table's lock, taken through a snapshot of the
 *     slot ({@code pte_lockptr(mm, &pmdval)}): it then also covers the slots of the table that
 *     snapshot points to, once re-validated
 */
public record LockRegion(
    SlotKey slot,
    int line,
    @Nullable Tree monitor,
    ImmutableSet<SnapId> validated,
    boolean lowerTable) {

  /** A lock just taken: nothing re-validated under it yet. */
  public static LockRegion taken(
      SlotKey slot, int line, @Nullable Tree monitor, boolean lowerTable) {
    return new LockRegion(slot, line, monitor, ImmutableSet.of(), lowerTable);
  }

  public LockRegion validate(SnapId snap) {
    return new LockRegion(
        slot, line, monitor, ImmutableSet.<SnapId>builder().addAll(validated).add(snap).build(),
        lowerTable);
  }

  /** The same region, its slot named by another key (after a rebase of the slot's path). */
  public LockRegion withSlot(SlotKey key) {
    return new LockRegion(key, line, monitor, validated, lowerTable);
  }

  /** Held on both paths: only what was re-validated on both counts as re-validated. */
  public LockRegion merge(LockRegion other) {
    return new LockRegion(
        slot,
        Math.max(line, other.line),
        monitor,
        ImmutableSet.copyOf(Sets.intersection(validated, other.validated)),
        lowerTable && other.lowerTable);
  }
}

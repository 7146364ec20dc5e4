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
 * @param reported the pre-lock snapshots already reported as used without re-validation
 */
public record LockRegion(
    SlotKey slot,
    int line,
    @Nullable Tree monitor,
    ImmutableSet<SnapId> validated,
    ImmutableSet<SnapId> reported) {

  public LockRegion validate(SnapId snap) {
    return new LockRegion(
        slot, line, monitor, ImmutableSet.<SnapId>builder().addAll(validated).add(snap).build(),
        reported);
  }

  public LockRegion report(SnapId snap) {
    return new LockRegion(
        slot, line, monitor, validated,
        ImmutableSet.<SnapId>builder().addAll(reported).add(snap).build());
  }

  /** Held on both paths: only what was re-validated on both counts as re-validated. */
  public LockRegion merge(LockRegion other) {
    return new LockRegion(
        slot,
        Math.max(line, other.line),
        monitor,
        ImmutableSet.copyOf(Sets.intersection(validated, other.validated)),
        ImmutableSet.copyOf(Sets.union(reported, other.reported)));
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.sun.source.tree.Tree;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A held lock of a slot, from the point it was taken.
 *
 * @param slot the slot (or, with an any-index step, all slots of an array) the lock covers
 * @param line the line where the lock was taken
 * @param monitor the {@code synchronized} statement, for a monitor (released at its end); null for
 *     a {@code Lock}
 * @param validated the pre-lock snapshots re-validated against the slot under this lock
 * @param lowerTable whether the lock is the lower table's lock, taken through a snapshot of the
 *     slot ({@code pte_lockptr(mm, &pmdval)}): it then also covers the slots of the table that
 *     snapshot points to, once re-validated
 * @param mode exclusive (writers' lock), shared (a read lock) or an optimistic read window
 * @param origin the call that took the lock ({@code tryWriteLock()}: a zero stamp releases every
 *     region it took); null for monitors and declared locks
 * @param window for an optimistic window, the snapshots read in it, which {@code
 *     StampedLock.validate} re-validates or shows stale
 */
public record LockRegion(
    SlotKey slot,
    int line,
    @Nullable Tree monitor,
    ImmutableSet<SnapId> validated,
    boolean lowerTable,
    Mode mode,
    @Nullable Tree origin,
    ImmutableSet<SnapId> window) {

  /** How a lock is held. */
  public enum Mode {
    /** The writers' lock: reads under it are stable and stores are allowed. */
    EXCLUSIVE,
    /** A read lock: writers are excluded, so reads are stable, but it does not allow stores. */
    SHARED,
    /**
     * A {@code StampedLock} optimistic read: nothing is held; reads in the window are a snapshot
     * that {@code validate(stamp)} re-validates.
     */
    OPTIMISTIC
  }

  /** A lock just taken: nothing re-validated under it yet. */
  public static LockRegion taken(
      SlotKey slot, int line, @Nullable Tree monitor, boolean lowerTable) {
    return new LockRegion(
        slot,
        line,
        monitor,
        ImmutableSet.of(),
        lowerTable,
        Mode.EXCLUSIVE,
        null,
        ImmutableSet.of());
  }

  /** A lock of the given mode taken by a call. */
  public static LockRegion taken(SlotKey slot, int line, Mode mode, Tree origin) {
    return new LockRegion(
        slot, line, null, ImmutableSet.of(), false, mode, origin, ImmutableSet.of());
  }

  public LockRegion validate(SnapId snap) {
    return new LockRegion(
        slot,
        line,
        monitor,
        ImmutableSet.<SnapId>builder().addAll(validated).add(snap).build(),
        lowerTable,
        mode,
        origin,
        window);
  }

  /** An optimistic window that has also seen the given read. */
  public LockRegion withWindowRead(SnapId snap) {
    return new LockRegion(
        slot,
        line,
        monitor,
        validated,
        lowerTable,
        mode,
        origin,
        ImmutableSet.<SnapId>builder().addAll(window).add(snap).build());
  }

  /** Whether the region makes reads of its slots stable (a real lock, not an optimistic read). */
  public boolean held() {
    return mode != Mode.OPTIMISTIC;
  }

  /** The same region, its slot named by another key (after a rebase of the slot's path). */
  public LockRegion withSlot(SlotKey key) {
    return new LockRegion(key, line, monitor, validated, lowerTable, mode, origin, window);
  }

  /** Held on both paths: only what was re-validated on both counts as re-validated. */
  public LockRegion merge(LockRegion other) {
    return new LockRegion(
        slot,
        Math.max(line, other.line),
        monitor,
        ImmutableSet.copyOf(Sets.intersection(validated, other.validated)),
        lowerTable && other.lowerTable,
        mode.compareTo(other.mode) >= 0 ? mode : other.mode, // the weaker of the two
        origin == other.origin ? origin : null,
        ImmutableSet.<SnapId>builder().addAll(window).addAll(other.window).build());
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof LockRegion l
            && line == l.line
            && lowerTable == l.lowerTable
            && mode == l.mode
            && Objects.equals(slot, l.slot)
            && Objects.equals(monitor, l.monitor)
            && Objects.equals(validated, l.validated)
            && Objects.equals(origin, l.origin)
            && Objects.equals(window, l.window));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(slot);
    h = 31 * h + line;
    h = 31 * h + Objects.hashCode(monitor);
    h = 31 * h + Objects.hashCode(validated);
    h = 31 * h + Boolean.hashCode(lowerTable);
    h = 31 * h + Objects.hashCode(mode);
    h = 31 * h + Objects.hashCode(origin);
    h = 31 * h + Objects.hashCode(window);
    return h;
  }
}

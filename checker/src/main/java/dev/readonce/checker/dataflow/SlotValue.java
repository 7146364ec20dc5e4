package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import dev.readonce.checker.model.SlotDecl;
import java.util.Objects;
import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;
import org.jspecify.annotations.Nullable;

/**
 * What the analysis knows about one value. The lattice, per component:
 *
 * <pre>
 *   snaps:      {} ⊑ {s1} ⊑ {s1, s2} ...        (which snapshots it may be; join = union)
 *   lockOf:     null (not a lock) | k (a held lock of slot k); join keeps k only if equal
 *   container:  null | decl (a reference to an array or object whose elements are slots)
 *   coveredBy:  null | k (a handle into the lower table of slot k, whose lower-table lock
 *               covers it while held); join keeps k only if equal
 *   path:       null (unknown) | p (the memory the value was read from, by an access path);
 *               join keeps p only if equal
 * </pre>
 *
 * <p>The path travels with the value, so every node that passes a value on (an assignment used as
 * an expression, a cast, a conversion, a ternary, a temporary the CFG introduces for {@code i++}
 * or a {@code switch}) passes its path on without a rule per shape. {@code null} is the one
 * "unknown" value: a slot without a path is not tracked (see {@code docs/engine.md}).
 *
 * @param snaps the snapshots the value may be
 * @param lockOf the slot whose held lock this value is, as returned by a lock method
 * @param container the slot declaration when the value is a container of slots
 * @param coveredBy the slot whose held lower-table lock covers this handle's slots
 * @param path the access path naming the value's memory, or null when none does
 */
public record SlotValue(
    ImmutableSet<SnapId> snaps,
    @Nullable SlotKey lockOf,
    @Nullable SlotDecl container,
    @Nullable SlotKey coveredBy,
    @Nullable AccessPath path)
    implements AbstractValue<SlotValue> {

  public static final SlotValue NOTHING = new SlotValue(ImmutableSet.of(), null, null, null);

  /** A value with no path. */
  public SlotValue(
      ImmutableSet<SnapId> snaps,
      @Nullable SlotKey lockOf,
      @Nullable SlotDecl container,
      @Nullable SlotKey coveredBy) {
    this(snaps, lockOf, container, coveredBy, null);
  }

  /** A value about which nothing is known but the path it was read from. */
  public static SlotValue at(@Nullable AccessPath path) {
    return path == null ? NOTHING : new SlotValue(ImmutableSet.of(), null, null, null, path);
  }

  /** This value, read from the given path (null: from no trackable path). */
  public SlotValue withPath(@Nullable AccessPath newPath) {
    return Objects.equals(path, newPath)
        ? this
        : new SlotValue(snaps, lockOf, container, coveredBy, newPath);
  }

  public static SlotValue snapshot(SnapId snap) {
    return new SlotValue(ImmutableSet.of(snap), null, null, null);
  }

  public static SlotValue snapshots(ImmutableSet<SnapId> snaps) {
    return new SlotValue(snaps, null, null, null);
  }

  public static SlotValue lock(SlotKey slot) {
    return new SlotValue(ImmutableSet.of(), slot, null, null);
  }

  public static SlotValue container(SlotDecl decl) {
    return new SlotValue(ImmutableSet.of(), null, decl, null);
  }

  public static SlotValue coveredBy(SlotKey slot) {
    return new SlotValue(ImmutableSet.of(), null, null, slot);
  }

  public boolean isNothing() {
    return snaps.isEmpty()
        && lockOf == null
        && container == null
        && coveredBy == null
        && path == null;
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // identity first: joins mostly meet the same objects
  public SlotValue leastUpperBound(SlotValue other) {
    if (this == other) {
      return this;
    }
    // A set that already holds the other's is kept as it is (same members, same order), not
    // copied: a local accumulating snapshots (`acc ^= f(s)`) meets its earlier self at each join.
    ImmutableSet<SnapId> joined =
        snaps == other.snaps || snaps.containsAll(other.snaps)
            ? snaps
            : ImmutableSet.<SnapId>builder().addAll(snaps).addAll(other.snaps).build();
    return new SlotValue(
        joined,
        lockOf != null && lockOf.equals(other.lockOf) ? lockOf : null,
        container != null && container.equals(other.container) ? container : null,
        coveredBy != null && coveredBy.equals(other.coveredBy) ? coveredBy : null,
        path != null && path.equals(other.path) ? path : null);
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof SlotValue s
            && Objects.equals(snaps, s.snaps)
            && Objects.equals(lockOf, s.lockOf)
            && Objects.equals(container, s.container)
            && Objects.equals(coveredBy, s.coveredBy)
            && Objects.equals(path, s.path));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(snaps);
    h = 31 * h + Objects.hashCode(lockOf);
    h = 31 * h + Objects.hashCode(container);
    h = 31 * h + Objects.hashCode(coveredBy);
    h = 31 * h + Objects.hashCode(path);
    return h;
  }
}

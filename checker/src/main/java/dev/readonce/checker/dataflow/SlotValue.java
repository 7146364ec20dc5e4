package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import dev.readonce.checker.model.SlotDecl;
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
 * </pre>
 *
 * @param snaps the snapshots the value may be
 * @param lockOf the slot whose held lock this value is, as returned by a lock method
 * @param container the slot declaration when the value is a container of slots
 * @param coveredBy the slot whose held lower-table lock covers this handle's slots
 */
public record SlotValue(
    ImmutableSet<SnapId> snaps,
    @Nullable SlotKey lockOf,
    @Nullable SlotDecl container,
    @Nullable SlotKey coveredBy)
    implements AbstractValue<SlotValue> {

  public static final SlotValue NOTHING = new SlotValue(ImmutableSet.of(), null, null, null);

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
    return snaps.isEmpty() && lockOf == null && container == null && coveredBy == null;
  }

  @Override
  public SlotValue leastUpperBound(SlotValue other) {
    return new SlotValue(
        ImmutableSet.<SnapId>builder().addAll(snaps).addAll(other.snaps).build(),
        lockOf != null && lockOf.equals(other.lockOf) ? lockOf : null,
        container != null && container.equals(other.container) ? container : null,
        coveredBy != null && coveredBy.equals(other.coveredBy) ? coveredBy : null);
  }
}

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
 * </pre>
 *
 * @param snaps the snapshots the value may be
 * @param lockOf the slot whose held lock this value is, as returned by a lock method
 * @param container the slot declaration when the value is a container of slots
 */
public record SlotValue(
    ImmutableSet<SnapId> snaps, @Nullable SlotKey lockOf, @Nullable SlotDecl container)
    implements AbstractValue<SlotValue> {

  public static final SlotValue NOTHING = new SlotValue(ImmutableSet.of(), null, null);

  public static SlotValue snapshot(SnapId snap) {
    return new SlotValue(ImmutableSet.of(snap), null, null);
  }

  public static SlotValue lock(SlotKey slot) {
    return new SlotValue(ImmutableSet.of(), slot, null);
  }

  public static SlotValue container(SlotDecl decl) {
    return new SlotValue(ImmutableSet.of(), null, decl);
  }

  public boolean isNothing() {
    return snaps.isEmpty() && lockOf == null && container == null;
  }

  @Override
  public SlotValue leastUpperBound(SlotValue other) {
    return new SlotValue(
        ImmutableSet.<SnapId>builder().addAll(snaps).addAll(other.snaps).build(),
        lockOf != null && lockOf.equals(other.lockOf) ? lockOf : null,
        container != null && container.equals(other.container) ? container : null);
  }
}

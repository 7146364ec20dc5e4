package dev.readonce.checker.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a declaration says about a slot: its lock, whether it is stable once it holds a pointer,
 * and, for an array or {@code Atomic*} field, whether the field's reference is the slot rather than
 * its elements.
 *
 * @param lock the slot's lock
 * @param stableAfterPointer whether a pointer-checked snapshot may be descended without the lock
 * @param reference whether the field itself is the slot even when it holds a container (an array
 *     replaced wholesale under the lock and read lock-free): its elements are then not slots
 */
public record SlotDecl(LockSpec lock, boolean stableAfterPointer, boolean reference) {

  /** A slot whose container field, if any, holds the slots as its elements. */
  public SlotDecl(LockSpec lock, boolean stableAfterPointer) {
    this(lock, stableAfterPointer, false);
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this
        || (o instanceof SlotDecl s
            && stableAfterPointer == s.stableAfterPointer
            && reference == s.reference
            && Objects.equals(lock, s.lock));
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(lock);
    h = 31 * h + Boolean.hashCode(stableAfterPointer);
    h = 31 * h + Boolean.hashCode(reference);
    return h;
  }
}

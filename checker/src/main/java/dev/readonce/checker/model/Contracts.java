package dev.readonce.checker.model;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.annotations.PointerTest.Shows;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The facts the analysis needs about declarations: which fields are slots, which methods read,
 * lock, re-check, test, descend from or modify them, and which parameters are snapshots.
 *
 * <p>Implemented from the annotations in source and class files and from declarations files for
 * code that cannot be annotated; the analysis sees one merged view.
 */
public interface Contracts {

  /** The slot declaration of a field that is a slot or a container of slots. */
  Optional<SlotDecl> slotField(VarSymbol field);

  /** The accessor declaration of a method that reads one slot. */
  Optional<AccessorDecl> accessor(MethodSymbol method);

  /** Whether the instances of a class are handles of slots stable after a pointer. */
  boolean stableHandleType(TypeSymbol type);

  /** The parameters designating the slot whose lock the method takes. */
  Optional<SlotParams> locksSlot(MethodSymbol method);

  /** Whether the method re-validates a snapshot against its slot. */
  boolean revalidates(MethodSymbol method);

  /** The index of the snapshot parameter a descend method follows. */
  OptionalInt descends(MethodSymbol method);

  /** The state a pointer test reports by returning true. */
  Optional<Shows> pointerTest(MethodSymbol method);

  /** The slot a method may modify, and whether it needs the lock held. */
  Optional<ModifiesDecl> modifies(MethodSymbol method);

  /**
   * The parameters designating the slot of a snapshot parameter ({@code @Snapshot("pudp")}),
   * looked up on the method and every method it overrides; empty if the parameter is not a
   * snapshot.
   */
  Optional<SlotParams> snapshotParam(MethodSymbol method, int index);

  /**
   * Whether the caller holds the slot's lock for the whole call of a method with this snapshot
   * parameter ({@code @Snapshot(lockHeld = true)}, as {@code pte_entry} is called).
   */
  default boolean snapshotLockHeld(MethodSymbol method, int index) {
    return false;
  }

  /**
   * Whether the caller holds, for the whole call, the lock of the slot a handle parameter
   * designates ({@code @LockHeld}), looked up on the method and every method it overrides.
   */
  default boolean handleLockHeld(MethodSymbol method, int index) {
    return false;
  }

  /**
   * The array parameter of {@code method} whose re-validated slot lock covers stores into the
   * elements of its array parameter {@code index} ({@code @FilledUnderLockOf}); empty when that
   * parameter has no such contract. Only the method's own contract: it is about its body.
   */
  default OptionalInt filledUnderLockOf(MethodSymbol method, int index) {
    return OptionalInt.empty();
  }

  /**
   * Whether these are audit mode's contracts (every racy field a slot, its lock unknown), where
   * some rules use the looser reading that unannotated code calls for (see AuditContracts).
   */
  default boolean audit() {
    return false;
  }

  /**
   * Audit mode: whether every call of this (private) method in its unit is made with a lock held,
   * so that its body runs under a lock whose identity is unknown.
   */
  default boolean calledUnderLock(MethodSymbol method) {
    return false;
  }

  /**
   * Audit mode: the fields of its own object (or class) a method of the unit stores, plainly or
   * through a handle, so that a call of it on {@code this} changes them on this thread.
   */
  default com.google.common.collect.ImmutableSet<VarSymbol> fieldsWrittenBy(MethodSymbol method) {
    return com.google.common.collect.ImmutableSet.of();
  }

  /**
   * Audit mode: whether a (private) method runs only while its object is being built (called on
   * {@code this} from constructors only), so that its stores into {@code this} are not yet shared.
   */
  default boolean constructorHelper(MethodSymbol method) {
    return false;
  }

  /**
   * The named locks a method's callers hold, or that it takes or releases ({@code @Holding},
   * {@code @AcquiresLock}, {@code @ReleasesLock}).
   */
  default MethodLocks methodLocks(MethodSymbol method) {
    return MethodLocks.NONE;
  }

  /**
   * The racy hints a method reads and the hint parameters it validates ({@code @RacyHint}, {@code
   * @ValidatesHint}).
   */
  default HintContract hints(MethodSymbol method) {
    return HintContract.NONE;
  }

  /**
   * The slot fields a method is declared a single writer of ({@code @SingleWriter}): fields of its
   * class, empty when it is none's.
   */
  default com.google.common.collect.ImmutableSet<VarSymbol> singleWriterOf(MethodSymbol method) {
    return com.google.common.collect.ImmutableSet.of();
  }

  /**
   * The methods declared single writers of a slot field; empty when the slot has no single writer
   * (and may be written anywhere its lock is held).
   */
  default com.google.common.collect.ImmutableSet<MethodSymbol> singleWriters(VarSymbol field) {
    return com.google.common.collect.ImmutableSet.of();
  }

  /**
   * Whether the symbol carries any ReadOnce contract (a cheap test for the fast path: code that
   * mentions no such symbol cannot touch a slot).
   */
  boolean hasContract(com.sun.tools.javac.code.Symbol symbol);
}

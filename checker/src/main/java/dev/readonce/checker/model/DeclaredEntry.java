package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import dev.readonce.annotations.PointerTest.Shows;

/**
 * One well-formed line of a declarations file: a contract stated about one member, in the same
 * terms the annotations state it. Each kind corresponds to one annotation use.
 */
public sealed interface DeclaredEntry {

  /** Where the entry was written, for messages. */
  DeclaredOrigin origin();

  /** The member the contract is about. */
  DeclaredMember member();

  /** {@code slot}: a field that is a slot or a container of slots ({@code @ReadOnce} field). */
  record Slot(DeclaredOrigin origin, DeclaredMember member, SlotDecl decl)
      implements DeclaredEntry {}

  /** {@code accessor}: a method that reads one slot ({@code @ReadOnce} method). */
  record Accessor(DeclaredOrigin origin, DeclaredMember member, AccessorDecl decl)
      implements DeclaredEntry {}

  /** {@code stable-handle}: a class of slot handles ({@code @StableAfterPointer} class). */
  record StableHandle(DeclaredOrigin origin, DeclaredMember member) implements DeclaredEntry {}

  /** {@code locks-slot}: a method that takes a slot's lock ({@code @LocksSlot}). */
  record LocksSlot(DeclaredOrigin origin, DeclaredMember member, SlotParams slot)
      implements DeclaredEntry {}

  /** {@code revalidates}: a re-check of a snapshot against its slot ({@code @Revalidates}). */
  record Revalidates(DeclaredOrigin origin, DeclaredMember member) implements DeclaredEntry {}

  /** {@code descends}: a descent from a snapshot parameter ({@code @Descends}). */
  record Descends(DeclaredOrigin origin, DeclaredMember member, int snapshot)
      implements DeclaredEntry {}

  /** {@code pointer-test}: a test of a snapshot ({@code @PointerTest}). */
  record PointerTest(DeclaredOrigin origin, DeclaredMember member, Shows shows)
      implements DeclaredEntry {}

  /** {@code modifies-slot}: a method that may change a slot ({@code @ModifiesSlot}). */
  record ModifiesSlot(DeclaredOrigin origin, DeclaredMember member, ModifiesDecl decl)
      implements DeclaredEntry {}

  /** {@code lock-held}: a handle parameter whose lock the caller holds ({@code @LockHeld}). */
  record LockHeld(DeclaredOrigin origin, DeclaredMember member, int parameter)
      implements DeclaredEntry {}

  /**
   * {@code filled-under-lock-of}: an array parameter whose stores are covered by the re-validated
   * lock of a slot of another array parameter ({@code @FilledUnderLockOf}).
   */
  record FilledUnderLockOf(DeclaredOrigin origin, DeclaredMember member, int parameter, int of)
      implements DeclaredEntry {}

  /** {@code snapshot}: a snapshot parameter ({@code @Snapshot} on a parameter). */
  record Snapshot(DeclaredOrigin origin, DeclaredMember member, int parameter, SlotParams slot)
      implements DeclaredEntry {}

  /**
   * {@code single-writer}: a method of the single writer of the named slots, fields of its class
   * ({@code @SingleWriter}).
   */
  record SingleWriter(DeclaredOrigin origin, DeclaredMember member, ImmutableList<String> slots)
      implements DeclaredEntry {}

  /**
   * {@code holding}, {@code acquires-lock}, {@code releases-lock}: named locks a method's callers
   * hold, or that it takes or releases ({@code @Holding}, {@code @AcquiresLock}, {@code
   * @ReleasesLock}).
   */
  record LockNames(
      DeclaredOrigin origin, DeclaredMember member, Use use, ImmutableList<String> locks)
      implements DeclaredEntry {

    /** Which of the three contracts the entry states. */
    public enum Use {
      HOLDING,
      ACQUIRES,
      RELEASES
    }
  }

  /**
   * {@code racy-hint} ({@code parameter} -1: the method reads {@code field} as a hint) and {@code
   * validates-hint} (the parameter takes a hint of {@code field} and validates it): {@code
   * @RacyHint} and {@code @ValidatesHint}.
   */
  record Hint(DeclaredOrigin origin, DeclaredMember member, int parameter, String field)
      implements DeclaredEntry {}
}

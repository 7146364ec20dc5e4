package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This parameter (or local variable) holds the caller's one snapshot of a slot, and the method
 * must decide on it instead of reading the slot again; {@link #value()} names the parameter that
 * is the slot's handle, if the method also receives it.
 *
 * <pre>{@code
 * interface MmWalkOps {
 *   // `pud` is what the walker read and decided on; `pudp` is there for locking and re-checking.
 *   int pudEntry(@Snapshot("pudp") long pud, PudRef pudp, long addr, long next, MmWalk walk);
 * }
 * }</pre>
 *
 * <p>The contract is inherited: every override, lambda and method reference implementing the
 * method treats the parameter as a snapshot, so reading {@code pudp} again is a second read.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER, ElementType.LOCAL_VARIABLE})
public @interface Snapshot {

  /**
   * The name of the parameter that is the handle of the slot this snapshot was read from; empty
   * when the method does not receive the handle.
   */
  String value() default "";

  /**
   * Whether the caller holds the slot's lock for the whole call, as the page walker holds the PTE
   * table's lock around {@code pte_entry}: the snapshot was read under that lock, reads of the slot
   * in the method are stable, and the method may store to the slot with methods that {@link
   * ModifiesSlot#requiresLock() require its lock}. Lock-free writers (compare-and-set, such as
   * hardware accessed/dirty updates) may still change the slot, so a read-modify-write must re-read
   * it atomically rather than rebuild it from the snapshot.
   *
   * <pre>{@code
   * interface PteEntry<P> {
   *   int pteEntry(@Snapshot(value = "ptep", lockHeld = true) long pte, PteRef ptep,
   *                long addr, long next, MmWalk<P> walk);
   * }
   * }</pre>
   */
  boolean lockHeld() default false;
}

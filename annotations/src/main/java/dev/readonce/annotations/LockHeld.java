package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The caller holds, for the whole call, the lock of the slot this parameter designates (a slot
 * handle), so the method reads the slot stably and may store to it with methods that {@link
 * ModifiesSlot#requiresLock() require its lock}.
 *
 * <pre>{@code
 * // v5.10's wp_pte(pte_t *pte, ...): the walker calls it with the PTE table's lock held.
 * static int wpPte(@LockHeld PteRef pte, long addr, long end, MmWalk<WpWalk> walk) {
 *   long ptent = pte.deref();                        // a locked read: stable
 *   if (pteWrite(ptent)) {
 *     long old = ptepModifyProtStart(pte);           // a store that needs the lock
 *     ptepModifyProtCommit(pte, old, pteWrprotect(old));
 *   }
 *   return 0;
 * }
 * }</pre>
 *
 * <p>It is the handle's counterpart of {@link Snapshot#lockHeld()}, for a method that receives only
 * the handle and reads the slot itself. Like {@link Snapshot}, it applies to the method it is
 * written on, and, written on an interface or superclass method, to every override, lambda and
 * method reference implementing it. The checker takes the caller's word for it: it does not check
 * that callers hold the lock.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface LockHeld {}

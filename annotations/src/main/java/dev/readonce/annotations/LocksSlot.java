package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method takes the lock of the slot designated by the parameter named {@link #value()} and
 * returns it held, as a {@link java.util.concurrent.locks.Lock} the caller releases with {@code
 * unlock()}; a {@code null} result means the lock was not taken.
 *
 * <pre>{@code
 * @LocksSlot("pudp")
 * static Lock pudTransHugeLock(PudRef pudp, VmArea vma) {     // pud_trans_huge_lock()
 *   Lock ptl = spinLock(pudLockptr(vma.mm(), pudp));
 *   long pud = pudp.get();                                    // under the lock: stable
 *   if (pudTransHuge(pud) || pudDevmap(pud)) return ptl;      // locked, and a huge entry is there
 *   ptl.unlock();
 *   return null;                                              // not taken
 * }
 * }</pre>
 *
 * <p>The named parameter may also be a {@link Snapshot} of a slot that points to a lower table,
 * rather than a slot handle. The method then takes the lock that snapshot designates: the lock of
 * the lower table, which guards every slot of that table and which every writer holds when it
 * unlinks that table from the slot (the kernel's {@code pte_lockptr(mm, &pmdval)}, the split PTE
 * lock that PTE-table retraction also takes). It pins the slot only while the slot still holds
 * the snapshot, so the caller re-validates ({@link Revalidates}) before it descends; slots reached
 * through {@link Descends} from that snapshot while the lock is held are read and written under
 * their lock:
 *
 * <pre>{@code
 * @LocksSlot("pmdval")
 * static Lock pteLock(MmStruct mm, @Snapshot long pmdval) { ... }
 *
 * Lock ptl = pteLock(mm, pmdval);        // __pte_offset_map_lock()
 * if (!pmdSame(pmdp, pmdval)) { ptl.unlock(); walk.action = Action.AGAIN; return 0; }
 * PteRef ptep = pteOffset(mm, pmdval, addr);   // under its lock
 * }</pre>
 *
 * <p>Facts learned from an unlocked snapshot do not survive the call: the caller must re-validate
 * (see {@link Revalidates}) before acting on them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LocksSlot {

  /** The name of the parameter that designates the slot; empty means the receiver. */
  String value() default "";
}

package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method takes the lock of the slot designated by the parameters named in {@link #value()} and
 * returns it held, as a {@link java.util.concurrent.locks.Lock} the caller releases with {@code
 * unlock()}; a {@code null} result means the lock was not taken.
 *
 * <pre>{@code
 * @LocksSlot("pudp")
 * static Lock pudTransHugeLock(PudRef pudp, VmArea vma) {
 *   Lock ptl = pudLockptr(vma.mm, pudp);
 *   ptl.lock();
 *   if (pudTransHuge(pudp.get())) return ptl;   // locked, and a huge entry is there
 *   ptl.unlock();
 *   return null;                                // not taken
 * }
 * }</pre>
 *
 * <p>Facts learned from an unlocked snapshot do not survive the call: the caller must re-validate
 * (see {@link Revalidates}) before acting on them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LocksSlot {

  /**
   * The names of the parameters that designate the slot: one handle ({@code "pudp"}) or an array
   * and an index ({@code {"tab", "i"}}); empty means the receiver.
   */
  String[] value() default {};
}

package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method may change the slot designated by the parameters named in {@link #value()} (a split,
 * a zap, a populate, or a plain store), so any snapshot of that slot taken before the call is stale
 * and re-reading it into the same snapshot variable is a refresh, not a second read.
 *
 * <pre>{@code
 * @ModifiesSlot("pudp")
 * static void splitHugePud(VmArea vma, PudRef pudp, long addr) { ... }   // takes the lock itself
 *
 * @ModifiesSlot(requiresLock = true)
 * void set(long value) { ENTRY.setRelease(table, index, value); }        // set_pud_at
 * }</pre>
 *
 * <p>After {@code splitHugePud(vma, pudp, addr); pud = pudp.get();} the new {@code pud} is a fresh
 * snapshot: no fact known before the split holds for it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ModifiesSlot {

  /**
   * The names of the parameters that designate the slot: one handle ({@code "pudp"}) or an array
   * and an index ({@code {"tab", "i"}}); empty means the receiver.
   */
  String[] value() default {};

  /**
   * Whether callers must already hold the slot's lock: true for a store primitive such as {@code
   * set_pud_at}, false (the default) for an operation that takes the lock itself, such as a split.
   */
  boolean requiresLock() default false;
}

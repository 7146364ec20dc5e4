package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This parameter (or local variable) holds the caller's one snapshot of a slot, and the method
 * must decide on it instead of reading the slot again; {@link #value()} names the parameters that
 * designate the slot, if the method also receives them.
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
   * The names of the parameters that designate the slot this snapshot was read from (one handle,
   * or an array and an index); empty when the method does not receive them.
   */
  String[] value() default {};
}

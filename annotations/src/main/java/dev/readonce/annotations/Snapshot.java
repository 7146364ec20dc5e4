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

  /** The name of the parameter that is the handle of the slot this snapshot was read from; empty when the method does not receive the handle. */
  String value() default "";
}

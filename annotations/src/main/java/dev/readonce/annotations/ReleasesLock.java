package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method releases the named locks, which its caller holds: after a call, the slots those
 * locks guard are no longer locked. See {@link AcquiresLock} for an example.
 *
 * <p>Names as for {@link Holding}. Inside the method the locks count as held at entry; the body
 * is checked: a method that can return normally still holding a named lock is an {@code
 * UnlockedSlotWrite} finding at its declaration. The counterpart of Error Prone's
 * {@code @UnlockMethod}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ReleasesLock {

  /** The locks the method releases: {@code "this"} or names of fields of the method's class. */
  String[] value();
}

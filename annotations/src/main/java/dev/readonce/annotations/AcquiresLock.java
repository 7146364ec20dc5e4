package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method takes the named locks and returns with them held: after a call, the slots those
 * locks guard are locked until a {@link ReleasesLock} method (or the locks' own {@code unlock()})
 * releases them.
 *
 * <pre>{@code
 * @AcquiresLock({"putLock", "takeLock"})
 * void fullyLock() { putLock.lock(); takeLock.lock(); }       // LinkedBlockingQueue
 *
 * @ReleasesLock({"takeLock", "putLock"})
 * void fullyUnlock() { takeLock.unlock(); putLock.unlock(); }
 *
 * fullyLock();
 * try { return head.next; } finally { fullyUnlock(); }        // head: lock = "takeLock"
 * }</pre>
 *
 * <p>Names as for {@link Holding}: {@code "this"} or fields of the method's class. The body is
 * checked: a method that can return normally without holding a named lock is an {@code
 * UnlockedSlotWrite} finding at its declaration (its callers would write without the lock). The
 * counterpart of the Checker Framework's {@code @EnsuresLockHeld} and Error Prone's
 * {@code @LockMethod}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AcquiresLock {

  /** The locks the method takes: {@code "this"} or names of fields of the method's class. */
  String[] value();
}

package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In this method, a store into an element of this array parameter counts as locked exactly while
 * the method holds the lock of a slot of the named array parameter, re-validated against its
 * snapshot and not yet released.
 *
 * <pre>{@code
 * // ConcurrentHashMap.transfer: the new table's bins i and i + n are reached by other threads only
 * // through the ForwardingNode that this thread puts into the old bin tab[i], under its lock.
 * void transfer(Node<K, V>[] tab, @FilledUnderLockOf("tab") Node<K, V>[] nextTab) {
 *   ...
 *   Node<K, V> f = tabAt(tab, i);
 *   synchronized (f) {                         // the old bin's lock
 *     if (tabAt(tab, i) == f) {                // re-validated: this thread owns bin i
 *       setTabAt(nextTab, i, ln);              // OK
 *       setTabAt(nextTab, i + n, hn);          // OK
 *       setTabAt(tab, i, fwd);                 // publishes both
 *     }
 *     setTabAt(nextTab, i, ln);                // ERROR: the old bin was not re-checked
 *   }
 *   setTabAt(nextTab, i, ln);                  // ERROR: no lock of a bin of tab is held
 * }
 * }</pre>
 *
 * <p>The value names a parameter of the same method; both parameters are arrays. It states a
 * discipline in which the array being filled is reached by other threads only through the slots of
 * the other one, so whoever owns a slot of the other array (holds its lock and has re-checked that
 * it still holds the locked value) owns the elements that slot will publish. The checker verifies
 * the lock and its re-check at each store; it does not verify which slot of the other array
 * corresponds to the stored index ({@code i} and {@code i + n} under the lock of bin {@code i}),
 * nor that a later store publishes the elements: those are the caller's word. Reads of the array
 * are not affected. It applies to the body of the method it is written on, not to lambdas or
 * classes inside it, nor to overrides.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface FilledUnderLockOf {

  /** The array parameter whose slot's lock, re-validated, covers stores into this array. */
  String value();
}

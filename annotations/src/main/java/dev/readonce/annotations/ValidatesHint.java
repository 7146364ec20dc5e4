package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This parameter takes a hint of the named slot ({@link RacyHint}): the method, run holding the
 * slot's lock, tests the hint and falls back to the slot's current value when the test fails, so
 * its caller may hand it an unvalidated hint under the lock.
 *
 * <pre>{@code
 * @Holding("takeLock")
 * Node<E> findPred(Node<E> p, @ValidatesHint("head") Node<E> ancestor) {   // LinkedBlockingQueue
 *   if (ancestor.item == null)   // a removed node is no longer an ancestor of p:
 *     ancestor = head;           // start from the slot itself
 *   for (Node<E> q; (q = ancestor.next) != p; )
 *     ancestor = q;
 *   return ancestor;
 * }
 * }</pre>
 *
 * <p>Unlike {@link Revalidates} (which returns whether the slot still holds a snapshot), a
 * validator does not report a mismatch; it repairs the hint. The body is checked for what can be
 * checked: it runs holding the slot's lock (a {@link Holding} contract or a {@code synchronized}
 * method whose monitor is that lock), and it assigns the slot to the parameter under a test of the
 * parameter ({@code if (<test of ancestor>) ancestor = head;}). That the test tells a stale hint
 * from a good one, and that whatever the method computes from a good hint is right, is the author's
 * claim: the checker does not verify it. The name is a slot field of the method's class or of an
 * enclosing class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface ValidatesHint {

  /** The slot field whose hint this parameter takes. */
  String value();
}

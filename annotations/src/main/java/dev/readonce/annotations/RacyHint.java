package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In this method, a read of the named slot fields without their lock is deliberate and gives only a
 * hint: it may decide conditions and sizes, and under the slot's lock it is used only through a
 * {@link ValidatesHint} parameter or after a re-check against the slot.
 *
 * <pre>{@code
 * @ReadOnce(lock = "takeLock") Node<E> head;
 *
 * @RacyHint("head")
 * private boolean bulkRemove(Predicate<? super E> filter) {   // LinkedBlockingQueue.bulkRemove
 *   Node<E> p = null, ancestor = head;                         // OK: a hint, read without the lock
 *   ...
 *   fullyLock();
 *   try {
 *     ancestor = findPred(q, ancestor);                        // OK: findPred validates it
 *     unlink(q, ancestor);
 *   } finally { fullyUnlock(); }
 * }
 * }</pre>
 *
 * <p>A name is a slot field of the method's class or of an enclosing class (the spliterator of a
 * queue reads its queue's {@code head}). The contract is checked: an unlocked read of the slot is
 * no {@code PlainSlotRead} or {@code UnlockedReread} here, but the hint is reported ({@code
 * MissingRevalidation}) where it is used under the slot's lock without validation, and wherever it
 * is stored into a field or an array, returned, handed to a method (other than a {@link
 * ValidatesHint} parameter), made the receiver of a call that returns an object, or locked: a hint
 * stays in this method's locals and decides only tests.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface RacyHint {

  /** The slot fields whose unlocked reads in this method are hints. */
  String[] value();
}

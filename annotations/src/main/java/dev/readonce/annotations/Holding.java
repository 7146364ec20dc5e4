package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every caller of this method holds the named locks for the whole call, so inside it the slots
 * those locks guard are read and written under their lock.
 *
 * <pre>{@code
 * @ReadOnce(lock = "putLock") Node<E> last;
 *
 * @Holding("putLock")
 * private void enqueue(Node<E> node) {   // LinkedBlockingQueue.enqueue
 *   last = last.next = node;             // a locked read and a locked store
 * }
 *
 * putLock.lock();
 * try { enqueue(node); } finally { putLock.unlock(); }   // OK
 * enqueue(node);                                         // ERROR: putLock is not held here
 * }</pre>
 *
 * <p>A name is {@code "this"} (the receiver's monitor, as in {@code synchronized (this)}) or a
 * field declared in the method's class: its monitor, a {@link java.util.concurrent.locks.Lock}, or
 * the write lock of a read-write lock. The locks are held exclusively: a read lock does not satisfy
 * the contract. A lock is known by the slots it guards (the fields declared {@code @ReadOnce(lock =
 * ...)} with it, and the receiver slot of a parameterless accessor declared with it): at entry they
 * count as locked; a lock that guards no slot has nothing to check.
 *
 * <p>The contract is checked, not taken on trust: calling the method where a named lock is not
 * held is an {@code UnlockedSlotWrite} finding at the call (as for a store primitive declared
 * {@link ModifiesSlot#requiresLock()}). It applies to the method it is written on (as the Checker
 * Framework's {@code @Holding} and Error Prone's {@code @GuardedBy} on a method do).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Holding {

  /** The locks every caller holds: {@code "this"} or names of fields of the method's class. */
  String[] value();
}

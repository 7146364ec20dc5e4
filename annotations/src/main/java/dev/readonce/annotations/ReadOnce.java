package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field, the field is a shared slot (or an array, or an {@code Atomic*Array}, whose elements
 * are slots, unless {@link #reference()} makes the field itself the slot) that writers change only
 * while holding the slot's lock and that readers without the lock must read once, atomically, into
 * a snapshot per pass; on a method, the method is an accessor that performs one atomic read of the
 * slot named by its receiver and arguments.
 *
 * <p>A field:
 *
 * <pre>{@code
 * final class Table {
 *   // Writers hold `lock`; readers take one opaque/volatile read per pass.
 *   @ReadOnce(lock = "lock") final long[] entries = new long[512];
 *   final ReentrantLock lock = new ReentrantLock();
 * }
 * }</pre>
 *
 * <p>An accessor, the Java spelling of {@code READ_ONCE(*pudp)}; every call is one read of the slot
 * that {@code this} designates:
 *
 * <pre>{@code
 * @ReadOnce
 * long get() { return (long) ENTRY.getAcquire(table, index); }   // or getOpaque
 * }</pre>
 *
 * <p>An accessor whose read is not atomic, such as a plain dereference kept for old code, says so
 * with {@code atomic = false}; its callers then get the plain-read finding, not its body.
 *
 * <p>Two reads of the same slot in one pass (the same access path: receiver plus index) are two
 * reads; reads while holding the slot's lock are stable and never count.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ReadOnce {

  /**
   * Which lock writers of this slot hold, when it can be named from the field's class.
   *
   * <ul>
   *   <li>{@code ""} (the default): the lock is taken only through methods annotated {@link
   *       LocksSlot};
   *   <li>the name of a field of the same object (or a static field of the same class), which is
   *       one of:
   *       <ul>
   *         <li>any object: its monitor, {@code synchronized (lock) { ... }};
   *         <li>a {@link java.util.concurrent.locks.Lock}: {@code lock()}, {@code
   *             lockInterruptibly()}, the true branch of {@code tryLock()}, until {@code unlock()};
   *         <li>a {@link java.util.concurrent.locks.ReadWriteLock}: writers hold {@code
   *             writeLock()}; {@code readLock()} is a reader's lock, under which reads are stable
   *             but stores are unlocked stores;
   *         <li>a {@link java.util.concurrent.locks.StampedLock}: {@code writeLock()} (and a
   *             non-zero {@code tryWriteLock()}) is the writers' lock, {@code readLock()} a
   *             reader's lock, until {@code unlockWrite}/{@code unlockRead}/{@code unlock(stamp)};
   *             reads after {@code tryOptimisticRead()} form one snapshot, which a true {@code
   *             validate(stamp)} re-validates and a false one shows stale (retry, or take a real
   *             lock);
   *       </ul>
   *       The code may reach the lock through fields and through getters whose source returns
   *       the field ({@code pudp.table().ptl.lock()}, {@code t.lock().lock()} with {@code Lock
   *       lock() { return ptl; }}). Where the object owning the lock cannot be named (a getter
   *       from a class file, an interface method), the lock covers no slot with a known path;
   *   <li>{@code "this"}: the monitor of the object that holds the field ({@code synchronized}
   *       methods and {@code synchronized (this)});
   *   <li>{@link #HELD_VALUE}: the monitor of the object the slot holds, as in {@code
   *       ConcurrentHashMap}, which locks a bin by {@code synchronized (f)} on the head node {@code
   *       f} it read from the bin.
   * </ul>
   *
   * <p>A name that is none of these (no such field) is a compile-time error. On an accessor, it
   * describes the lock of the slot the accessor reads.
   */
  String lock() default "";

  /**
   * Whether the field's reference itself is the slot, rather than the elements of the array or
   * {@code Atomic*} object it holds. For a field replaced wholesale under the lock and read
   * lock-free (copy-on-write: an array copied, changed and published by one store):
   *
   * <pre>{@code
   * @ReadOnce(lock = "this", reference = true) volatile Listener[] listeners = new Listener[0];
   *
   * synchronized void add(Listener l) {            // writers replace the array under the lock
   *   Listener[] next = Arrays.copyOf(listeners, listeners.length + 1);
   *   next[next.length - 1] = l;
   *   listeners = next;
   * }
   *
   * void fire() {
   *   Listener[] ls = listeners;                  // one read of the slot: a consistent array
   *   for (int i = 0; i < ls.length; i++) ls[i].fire();
   * }
   * }</pre>
   *
   * <p>The elements are then not slots (they are never changed once published); reading the field
   * twice in one pass ({@code i < listeners.length} then {@code listeners[i]}) is two reads of one
   * slot. Meaningless, and ignored, on a field that is not an array or {@code Atomic*}, which is
   * its own slot anyway, and on accessors.
   */
  boolean reference() default false;

  /**
   * Whether the read is atomic (opaque, acquire or volatile). Only meaningful on accessors: {@code
   * false} declares a plain read, the Java spelling of the pre-{@code READ_ONCE} {@code *pudp}.
   */
  boolean atomic() default true;

  /**
   * The value of {@link #lock()} meaning: the slot's lock is the monitor of the object the slot
   * currently holds (lock the snapshot, then re-check that the slot still holds it).
   */
  String HELD_VALUE = "<held value>";
}

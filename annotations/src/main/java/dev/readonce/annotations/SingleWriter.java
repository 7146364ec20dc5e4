package dev.readonce.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This method is part of the single writer of the named slots: its calls (on one object) are
 * serialized with those of every other method so annotated, so inside it the slots are read
 * without their lock (the thread reads its own writes), and no other code may write them.
 *
 * <pre>{@code
 * // RxJava's BehaviorSubject: the Observer contract serializes onNext, onError and onComplete.
 * @ReadOnce(lock = "lock") long index;                 // readers take lock.readLock()
 *
 * @SingleWriter("index")
 * public void onNext(T t) {
 *   ...
 *   setCurrent(o);
 *   for (BehaviorDisposable<T> bs : observers.get()) {
 *     bs.emitNext(o, index);     // OK: "relaxed read okay since this is the only mutator thread"
 *   }
 * }
 *
 * @SingleWriter("index")
 * void setCurrent(Object o) {
 *   writeLock.lock();
 *   index++;                     // the write still holds the lock: it serves the readers
 *   value.lazySet(o);
 *   writeLock.unlock();
 * }
 *
 * long emitFirst() { return index; }   // ERROR (PlainSlotRead): not a writer, no lock
 * void reset() { setCurrent(null); }   // ERROR (UnlockedSlotWrite): a writer called from outside
 * }</pre>
 *
 * <p>The contract sits on the methods, not on the slot, because it is a property of their callers
 * (who serialize the calls), like {@link Holding}; the set of a slot's writers is exactly the
 * methods that name it, so the checker can check the rest of the code against it. Each name is an
 * instance field of the method's class (for a static method, a static field) that is a slot
 * ({@link ReadOnce} on the field).
 *
 * <p>Checked, in each compilation unit: every write of a named slot ({@code =}, {@code ++}, {@code
 * set}, compare-and-set, a modifier call) is in a method declared its writer, on {@code this} (not
 * on another object, not in a lambda or anonymous class); every call of such a method is made on
 * {@code this} from another writer of all its slots; a write outside is an {@code
 * UnlockedSlotWrite}, even under the lock (the writer's unlocked reads would race with it). Writes
 * still need the slot's lock where it has one. A constructor may write and call freely (its object
 * is not shared yet). An unlocked read of the slot in any other method is still a {@code
 * PlainSlotRead}.
 *
 * <p>Not checked: that the callers outside the compilation unit really serialize their calls of
 * the writer's entry points (the Reactive Streams / ReactiveX rule that {@code onNext}, {@code
 * onError} and {@code onComplete} are called one at a time). That is the contract this annotation
 * states.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface SingleWriter {

  /** The slots this method writes as part of their single writer: fields of its class. */
  String[] value();
}

package dev.readonce.checker.dataflow;

import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.SlotParams;
import org.jspecify.annotations.Nullable;

/**
 * What a method invocation does to slots, as far as the analysis is concerned. One invocation is
 * exactly one of these.
 */
public sealed interface Call {

  /**
   * One read of a slot.
   *
   * @param slot the slot read, or null when its path cannot be tracked
   * @param atomic whether the read is atomic
   * @param stable whether the slot is stable after a pointer
   * @param lock how the slot's lock is named
   */
  record Read(@Nullable SlotKey slot, boolean atomic, boolean stable, LockSpec lock)
      implements Call {}

  /**
   * A store into a slot that needs the slot's lock.
   *
   * @param slot the slot written, or null when its path cannot be tracked
   * @param lock how the slot's lock is named
   */
  record Write(@Nullable SlotKey slot, LockSpec lock) implements Call {}

  /**
   * An atomic read-modify-write (compare-and-set and friends): fine without the lock.
   *
   * @param slot the slot updated, or null when its path cannot be tracked
   * @param name the method's name ({@code compareAndSet}, {@code getAndIncrement}, ...)
   */
  record AtomicUpdate(@Nullable SlotKey slot, String name) implements Call {}

  /**
   * A method that takes a slot's lock and returns it held (or null).
   *
   * @param slot the slot whose lock it takes, or null when untrackable
   * @param params the parameters designating the slot
   */
  record LockSlot(@Nullable SlotKey slot, SlotParams params) implements Call {}

  /**
   * An operation of a {@code java.util.concurrent.locks} lock on the lock its receiver designates
   * (through a read or write view, such as {@code rw.writeLock()}, when there is one).
   *
   * @param kind what the operation does
   * @param mode the lock mode it takes (for a view, the view's mode replaces it)
   */
  record LockOp(Kind kind, LockRegion.Mode mode) implements Call {
    /** The lock operations. */
    public enum Kind {
      /**
       * {@code lock()}, {@code lockInterruptibly()}, {@code StampedLock.writeLock()/readLock()}.
       */
      LOCK,
      /** {@code unlock()}, {@code StampedLock.unlockWrite/unlockRead/unlock(stamp)}. */
      UNLOCK,
      /** {@code tryLock()}: held on the true branch. */
      TRY_LOCK,
      /** {@code StampedLock.tryWriteLock()/tryReadLock()}: held while the stamp is not zero. */
      TRY_STAMP,
      /** {@code StampedLock.tryOptimisticRead()}: opens an optimistic read window. */
      OPTIMISTIC,
      /** {@code StampedLock.validate(stamp)}: true re-validates the window's reads. */
      VALIDATE
    }
  }

  /** A re-validation predicate over a snapshot and its slot. */
  record Revalidate() implements Call {}

  /**
   * A test of a snapshot.
   *
   * @param shows what a true result shows
   * @param argument which argument is tested (-1: the receiver)
   */
  record Test(Shows shows, int argument) implements Call {}

  /**
   * A descent from a snapshot to a lower table.
   *
   * @param argument which argument is the snapshot
   */
  record Descend(int argument) implements Call {}

  /**
   * A method that may change a slot and takes its lock itself.
   *
   * @param slot the slot changed, or null when untrackable
   */
  record Modify(@Nullable SlotKey slot) implements Call {}

  /** Any other call. */
  record Other() implements Call {}
}

package dev.readonce.walker.mm;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The TLBs of the model's CPUs, as far as the page tables are concerned: flushing a range waits for
 * hardware page walks in flight ({@link Mmu}), which is what makes it safe to free a page table
 * that the hardware may still be walking (the kernel's TLB shootdown IPI, {@code
 * tlb_remove_table()}).
 *
 * <p>The most recent flushes are recorded so that tests can see what a writer flushed.
 */
public final class Tlb {

  /** A flushed range of virtual addresses, {@code [start, end)}. */
  public record Range(long start, long end) {}

  private static final int KEPT = 64;

  private final ReentrantReadWriteLock hardwareWalks = new ReentrantReadWriteLock();
  private final ArrayDeque<Range> recent = new ArrayDeque<>();
  private long flushCount;

  /**
   * Models {@code flush_tlb_range()}: records the range, then waits until no hardware walk that
   * started before the flush is still running.
   */
  public void flushRange(long start, long end) {
    // Taking the write side waits for every hardware walk, which holds the read side.
    hardwareWalks.writeLock().lock();
    try {
      synchronized (recent) {
        if (recent.size() == KEPT) {
          recent.removeFirst();
        }
        recent.addLast(new Range(start, end));
        flushCount++;
      }
    } finally {
      hardwareWalks.writeLock().unlock();
    }
  }

  /** The most recent flushes, oldest first. */
  public List<Range> recentFlushes() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** How many flushes there have been. */
  public long flushCount() {
    synchronized (recent) {
      return flushCount;
    }
  }

  void beginHardwareWalk() {
    hardwareWalks.readLock().lock();
  }

  void endHardwareWalk() {
    hardwareWalks.readLock().unlock();
  }
}

package dev.readonce.bench.javac;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures one compilation two ways: wall time, and its cost — the CPU time of the compiling thread
 * (javac compiles on the calling thread) plus the garbage-collection time of the JVM meanwhile. The
 * cost does not count time the thread waited for a core, so it stays comparable when other
 * processes load the machine; the wall time is what a user waits.
 */
public final class Clock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long wall;
  private final long cpu;
  private final long gc;

  private Clock() {
    this.wall = System.nanoTime();
    this.cpu = THREADS.getCurrentThreadCpuTime();
    this.gc = gcNanos();
  }

  /** The two measures of one compilation, in nanoseconds. */
  public record Times(long wallNanos, long costNanos) {}

  public static Clock start() {
    return new Clock();
  }

  /** The times since {@link #start()}; call on the same thread. */
  public Times stop() {
    long wallNow = System.nanoTime();
    long cpuNow = THREADS.getCurrentThreadCpuTime();
    long gcNow = gcNanos();
    return new Times(wallNow - wall, (cpuNow - cpu) + (gcNow - gc));
  }

  private static long gcNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis * 1_000_000;
  }
}

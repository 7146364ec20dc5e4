package dev.readonce.bench.javac;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures one compilation three ways: wall time; the CPU time of the whole JVM process (every
 * thread: javac's, the JIT compilers', the garbage collector's), which is what a cold compilation
 * pays for the JIT and does not count time spent waiting for a core; and the older "cost" — the
 * compiling thread's CPU time plus GC time — which leaves the JIT threads out.
 */
public final class Clock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long wall;
  private final long cpu;
  private final long gc;
  private final long process;

  private Clock() {
    this.wall = System.nanoTime();
    this.cpu = THREADS.getCurrentThreadCpuTime();
    this.gc = gcNanos();
    this.process = OS.getProcessCpuTime();
  }

  /** The measures of one compilation, in nanoseconds. */
  public record Times(long wallNanos, long costNanos, long processCpuNanos) {

    /** The times of this compilation and {@code other} run one after the other. */
    public Times plus(Times other) {
      return new Times(
          wallNanos + other.wallNanos,
          costNanos + other.costNanos,
          processCpuNanos + other.processCpuNanos);
    }
  }

  public static Clock start() {
    return new Clock();
  }

  /** The times since {@link #start()}; call on the same thread. */
  public Times stop() {
    long wallNow = System.nanoTime();
    long cpuNow = THREADS.getCurrentThreadCpuTime();
    long gcNow = gcNanos();
    long processNow = OS.getProcessCpuTime();
    return new Times(wallNow - wall, (cpuNow - cpu) + (gcNow - gc), processNow - process);
  }

  private static long gcNanos() {
    long millis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, gc.getCollectionTime());
    }
    return millis * 1_000_000;
  }
}

package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Clock;

/** Which time of a compilation a statistic is over (see {@link Clock}). */
public enum Measure {
  /** Wall time: what the user waits. */
  WALL("wall"),
  /** CPU time of the whole process, JIT and GC threads included: robust to other load. */
  CPU("CPU (process)"),
  /** CPU time of the compiling thread plus GC time: leaves out the JIT's threads. */
  COST("cost (compiling thread CPU + GC)");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** This measure of one compilation, in nanoseconds. */
  public long of(Clock.Times t) {
    return switch (this) {
      case WALL -> t.wallNanos();
      case CPU -> t.processCpuNanos();
      case COST -> t.costNanos();
    };
  }
}

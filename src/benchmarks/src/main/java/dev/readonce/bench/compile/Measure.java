package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Clock;

/** Which time of a compilation a statistic is over (see {@link Clock}). */
public enum Measure {
  /** CPU time of the compiling thread plus GC time: robust to other load on the machine. */
  COST("cost (CPU + GC)"),
  /** Wall time. */
  WALL("wall");

  private final String label;

  Measure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** This measure of one compilation, in nanoseconds. */
  public long of(Clock.Times t) {
    return this == COST ? t.costNanos() : t.wallNanos();
  }
}

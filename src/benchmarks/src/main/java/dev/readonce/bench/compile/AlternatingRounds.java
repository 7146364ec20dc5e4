package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Clock;
import dev.readonce.bench.javac.Compilation;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.JavacRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one corpus in every configuration, round after round, rotating the order each round (so
 * no configuration always runs first, right after a GC or while the JIT is busy), and keeps the
 * wall times of the rounds after the warm-up ones.
 */
public final class AlternatingRounds {

  private final JavacRunner javac;
  private final PrintStream log;

  public AlternatingRounds(JavacRunner javac, PrintStream log) {
    this.javac = javac;
    this.log = log;
  }

  /** The measured rounds: the times of each configuration, one per round, in round order. */
  public record Samples(Map<Configuration, List<Clock.Times>> times, long readOnceFindings) {

    /** The samples of one configuration in one measure, in nanoseconds. */
    public List<Long> nanos(Configuration c, Measure m) {
      return times.get(c).stream().map(m::of).toList();
    }

    /** The median in milliseconds. */
    public double medianMillis(Configuration c, Measure m) {
      return Stats.median(nanos(c, m)) / 1e6;
    }

    /** The median over rounds of {@code a / b} measured in the same round. */
    public double pairedRatio(Configuration a, Configuration b, Measure m) {
      return Stats.median(ratios(a, b, m));
    }

    /** The per-round ratios {@code a / b}, in round order. */
    public List<Double> ratios(Configuration a, Configuration b, Measure m) {
      List<Long> x = nanos(a, m);
      List<Long> y = nanos(b, m);
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < x.size(); i++) {
        ratios.add((double) x.get(i) / y.get(i));
      }
      return ratios;
    }

    /** The ratio of the medians. */
    public double medianRatio(Configuration a, Configuration b, Measure m) {
      return medianMillis(a, m) / medianMillis(b, m);
    }
  }

  /** Runs {@code warmup + rounds} rounds of {@code configurations} on {@code corpus}. */
  public Samples run(Corpus corpus, List<Configuration> configurations, int warmup, int rounds)
      throws IOException {
    return run(corpus, List.of(corpus), configurations, warmup, rounds);
  }

  /**
   * Runs {@code warmup + rounds} rounds of {@code configurations} on a corpus built as several
   * compilations, like the modules of a build: in each round, each configuration compiles every one
   * of {@code compilations} in turn, and its times for the round are their sums (so a ratio of two
   * configurations is the ratio of the sums). {@code corpus} names the whole.
   */
  public Samples run(
      Corpus corpus,
      List<Corpus> compilations,
      List<Configuration> configurations,
      int warmup,
      int rounds)
      throws IOException {
    if (compilations.isEmpty()) {
      throw new IllegalArgumentException(corpus.name() + " has no compilation");
    }
    Map<Configuration, List<Clock.Times>> measured = new EnumMap<>(Configuration.class);
    configurations.forEach(c -> measured.put(c, new ArrayList<>()));
    long readOnceFindings = 0;
    for (int round = 0; round < warmup + rounds; round++) {
      StringBuilder line = new StringBuilder();
      line.append(
          String.format(
              "  %s round %d%s:", corpus.name(), round + 1, round < warmup ? " (warm-up)" : ""));
      for (int k = 0; k < configurations.size(); k++) {
        Configuration c = configurations.get((round + k) % configurations.size());
        Clock.Times time = null;
        long findings = 0;
        for (Corpus compilation : compilations) {
          System.gc();
          Compilation done = javac.compile(compilation, c.options());
          time = time == null ? done.time() : time.plus(done.time());
          findings += done.countsByCheck().values().stream().mapToLong(Long::longValue).sum();
        }
        if (round >= warmup) {
          measured.get(c).add(time);
        }
        if (c == Configuration.EP_READONCE) {
          readOnceFindings = findings;
        }
        line.append(
            String.format(
                " %s %.0f ms (CPU %.0f);",
                c.name(), time.wallNanos() / 1e6, time.processCpuNanos() / 1e6));
      }
      log.println(line);
    }
    return new Samples(measured, readOnceFindings);
  }
}

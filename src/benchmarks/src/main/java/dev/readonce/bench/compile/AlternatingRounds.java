package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Compilation;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;
import dev.readonce.bench.javac.InProcessJavac;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one corpus in every configuration, round after round, rotating the order each round
 * (so no configuration always runs first, right after a GC or while the JIT is busy), and keeps
 * the wall times of the rounds after the warm-up ones.
 */
public final class AlternatingRounds {

  private final InProcessJavac javac;
  private final PrintStream log;

  public AlternatingRounds(InProcessJavac javac, PrintStream log) {
    this.javac = javac;
    this.log = log;
  }

  /** The measured rounds: one wall time (ns) per configuration per round, in round order. */
  public record Samples(Map<Configuration, List<Long>> nanos) {

    /** The median wall time in milliseconds. */
    public double medianMillis(Configuration c) {
      return Stats.median(nanos.get(c)) / 1e6;
    }

    /** The median over rounds of {@code a / b} measured in the same round. */
    public double pairedRatio(Configuration a, Configuration b) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < nanos.get(a).size(); i++) {
        ratios.add((double) nanos.get(a).get(i) / nanos.get(b).get(i));
      }
      return Stats.median(ratios);
    }

    /** The ratio of the medians. */
    public double medianRatio(Configuration a, Configuration b) {
      return medianMillis(a) / medianMillis(b);
    }
  }

  /** Runs {@code warmup + rounds} rounds of {@code configurations} on {@code corpus}. */
  public Samples run(Corpus corpus, List<Configuration> configurations, int warmup, int rounds)
      throws IOException {
    Map<Configuration, List<Long>> measured = new EnumMap<>(Configuration.class);
    configurations.forEach(c -> measured.put(c, new ArrayList<>()));
    for (int round = 0; round < warmup + rounds; round++) {
      StringBuilder line = new StringBuilder();
      line.append(String.format("  %s round %d%s:", corpus.name(), round + 1,
          round < warmup ? " (warm-up)" : ""));
      for (int k = 0; k < configurations.size(); k++) {
        Configuration c = configurations.get((round + k) % configurations.size());
        System.gc();
        Compilation done = javac.compile(corpus, c.options());
        if (round >= warmup) {
          measured.get(c).add(done.nanos());
        }
        line.append(String.format(" %s %.0f ms;", c.name(), done.nanos() / 1e6));
      }
      log.println(line);
    }
    return new Samples(measured);
  }
}

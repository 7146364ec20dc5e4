package dev.readonce.bench.compile;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;

/** Formats the compile-overhead result of one corpus as Markdown tables and a verdict. */
final class OverheadReport {

  private OverheadReport() {}

  static String format(Corpus corpus, Samples s, double targetPercent, int warmup, int rounds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "### %s — %d files, %d lines; %d measured rounds after %d warm-up%n",
            corpus.name(), corpus.sources().size(), corpus.lines(), rounds, warmup));
    for (Measure m : Measure.values()) {
      out.append(String.format("%n%s:%n%n", m.label()));
      out.append(
          "| configuration | median (ms) | min (ms) | max (ms) | vs javac | vs EP (no checks) |\n");
      out.append("|---|---:|---:|---:|---:|---:|\n");
      for (Configuration c : s.times().keySet()) {
        out.append(
            String.format(
                "| %s | %.0f | %.0f | %.0f | %.3f | %.3f |%n",
                c.label(),
                s.medianMillis(c, m),
                Stats.min(s.nanos(c, m)) / 1e6,
                Stats.max(s.nanos(c, m)) / 1e6,
                s.pairedRatio(c, Configuration.PLAIN, m),
                s.pairedRatio(c, Configuration.EP_NO_CHECKS, m)));
      }
    }
    out.append("\n");
    for (Measure m : Measure.values()) {
      double paired =
          (s.pairedRatio(Configuration.EP_READONCE, Configuration.EP_NO_CHECKS, m) - 1) * 100;
      double ofMedians =
          (s.medianRatio(Configuration.EP_READONCE, Configuration.EP_NO_CHECKS, m) - 1) * 100;
      out.append(
          String.format(
              "ReadOnce over Error Prone with no checks, %s: %+.1f%% (median of per-round ratios; "
                  + "ratio of medians %+.1f%%); target at most %+.0f%%: %s%n",
              m.label(),
              paired,
              ofMedians,
              targetPercent,
              paired <= targetPercent ? "MET" : "MISSED"));
    }
    return out.toString();
  }
}

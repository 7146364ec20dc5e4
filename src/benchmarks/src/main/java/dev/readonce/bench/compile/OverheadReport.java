package dev.readonce.bench.compile;

import dev.readonce.bench.compile.AlternatingRounds.Samples;
import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;
import java.util.List;

/** Formats the compile-overhead result of one corpus as Markdown tables and a verdict. */
final class OverheadReport {

  private OverheadReport() {}

  /**
   * The overhead of the checks over Error Prone with every check off, in one measure.
   *
   * @param mode warm or cold
   * @param corpus the corpus name
   * @param measure the measure
   * @param medianPercent the median of the per-round ratios, as a percentage over 1
   * @param interval the 95% confidence interval of that median, in percent
   * @param minPercent the smallest per-round ratio, in percent
   * @param maxPercent the largest
   * @param rounds the number of measured rounds
   * @param targetPercent the target, or NaN when the corpus has none
   * @param addedMillis the median of the per-round differences: what the checks add, in ms
   */
  record Overhead(
      String mode,
      String corpus,
      Measure measure,
      double medianPercent,
      Stats.Interval interval,
      double minPercent,
      double maxPercent,
      int rounds,
      double targetPercent,
      double addedMillis) {

    /** One tab-separated line, read back by {@link OverheadSummary}. */
    String line() {
      return String.join(
          "\t",
          mode,
          corpus,
          measure.name(),
          fmt(medianPercent),
          fmt(interval.low()),
          fmt(interval.high()),
          fmt(interval.coverage()),
          fmt(minPercent),
          fmt(maxPercent),
          Integer.toString(rounds),
          fmt(targetPercent),
          fmt(addedMillis));
    }

    static Overhead parse(String line) {
      String[] f = line.split("\t", -1);
      return new Overhead(
          f[0],
          f[1],
          Measure.valueOf(f[2]),
          Double.parseDouble(f[3]),
          new Stats.Interval(
              Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])),
          Double.parseDouble(f[7]),
          Double.parseDouble(f[8]),
          Integer.parseInt(f[9]),
          Double.parseDouble(f[10]),
          Double.parseDouble(f[11]));
    }

    private static String fmt(double d) {
      return Double.toString(d);
    }
  }

  static Overhead overhead(
      String mode, Corpus corpus, Samples s, Measure m, double targetPercent) {
    List<Double> ratios = s.ratios(Configuration.EP_READONCE, Configuration.EP_NO_CHECKS, m);
    Stats.Interval ci = Stats.medianInterval(ratios, 0.95);
    List<Long> on = s.nanos(Configuration.EP_READONCE, m);
    List<Long> off = s.nanos(Configuration.EP_NO_CHECKS, m);
    List<Long> added = new java.util.ArrayList<>();
    for (int i = 0; i < on.size(); i++) {
      added.add(on.get(i) - off.get(i));
    }
    return new Overhead(
        mode,
        corpus.name(),
        m,
        (Stats.median(ratios) - 1) * 100,
        new Stats.Interval((ci.low() - 1) * 100, (ci.high() - 1) * 100, ci.coverage()),
        (Stats.min(ratios) - 1) * 100,
        (Stats.max(ratios) - 1) * 100,
        ratios.size(),
        targetPercent,
        Stats.median(added) / 1e6);
  }

  static String format(
      String mode, Corpus corpus, Samples s, double targetPercent, int warmup, int rounds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "### %s, %s — %d files, %d lines; %d measured rounds after %d warm-up; %d ReadOnce"
                + " findings%n",
            corpus.name(),
            mode,
            corpus.sources().size(),
            corpus.lines(),
            rounds,
            warmup,
            s.readOnceFindings()));
    for (Measure m : Measure.values()) {
      out.append(String.format("%n%s:%n%n", m.label()));
      out.append("| configuration | median (ms) | min (ms) | max (ms) | vs EP (no checks) |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      for (Configuration c : s.times().keySet()) {
        out.append(
            String.format(
                "| %s | %.0f | %.0f | %.0f | %.3f |%n",
                c.label(),
                s.medianMillis(c, m),
                Stats.min(s.nanos(c, m)) / 1e6,
                Stats.max(s.nanos(c, m)) / 1e6,
                s.pairedRatio(c, Configuration.EP_NO_CHECKS, m)));
      }
    }
    out.append("\n");
    for (Measure m : Measure.values()) {
      Overhead o = overhead(mode, corpus, s, m, targetPercent);
      out.append(
          String.format(
              "ReadOnce over EP (no checks), %s, %s: %+.1f%% (median of %d per-round ratios;"
                  + " %.0f%% CI %+.1f%% … %+.1f%%; range %+.1f%% … %+.1f%%; adds %.0f ms);"
                  + " %s%n",
              mode,
              m.label(),
              o.medianPercent(),
              o.rounds(),
              o.interval().coverage() * 100,
              o.interval().low(),
              o.interval().high(),
              o.minPercent(),
              o.maxPercent(),
              o.addedMillis(),
              Double.isNaN(targetPercent)
                  ? "no target"
                  : String.format(
                      "target %+.0f%%: %s",
                      targetPercent, o.medianPercent() <= targetPercent ? "MET" : "MISSED")));
    }
    return out.toString();
  }
}

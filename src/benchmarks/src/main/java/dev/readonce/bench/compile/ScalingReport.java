package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Configuration;
import dev.readonce.bench.javac.Corpus;
import java.util.ArrayList;
import java.util.List;

/** Formats the scaling result: the table, the fits and the verdicts. */
final class ScalingReport {

  /** Issue 11's bound on the analysis of a 2,000-line method (the design's was 1 s). */
  private static final double LIMIT_2000_LINES_MS = 500;

  /** Issue 11's bound on the exponent of analysis time against method size. */
  private static final double LIMIT_EXPONENT = 1.1;

  private ScalingReport() {}

  /** {@code nanos[size][0]} without the checks, {@code [size][1]} with them. */
  static String format(
      int[] sizes, List<Corpus> corpora, long[][][] nanos, int warmup, int rounds) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "### Analysis time against method size — %d measured rounds after %d warm-up%n%n",
            rounds, warmup));
    out.append(
        "| N reads | method lines | EP, no checks (ms) | EP + ReadOnce (ms) "
            + "| analysis (ms, paired median) | analysis per read (µs) |\n");
    out.append("|---:|---:|---:|---:|---:|---:|\n");
    double[] x = new double[sizes.length];
    double[] y = new double[sizes.length];
    double at2000 = Double.NaN;
    long lines2000 = 0;
    for (int i = 0; i < sizes.length; i++) {
      List<Long> off = new ArrayList<>();
      List<Long> on = new ArrayList<>();
      List<Long> delta = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        off.add(nanos[i][0][r]);
        on.add(nanos[i][1][r]);
        delta.add(nanos[i][1][r] - nanos[i][0][r]);
      }
      double d = Stats.median(delta) / 1e6;
      long lines = corpora.get(i).lines();
      x[i] = sizes[i];
      y[i] = d;
      if (lines >= 1900 && Double.isNaN(at2000)) {
        at2000 = d;
        lines2000 = lines;
      }
      out.append(
          String.format(
              "| %d | %d | %.1f | %.1f | %.1f | %.0f |%n",
              sizes[i],
              lines,
              Stats.median(off) / 1e6,
              Stats.median(on) / 1e6,
              d,
              d * 1000 / sizes[i]));
    }
    Stats.Fit line = Stats.linear(x, y);
    Stats.Fit power = Stats.powerLaw(x, y);
    out.append(
        String.format(
            "%nLinear fit: analysis ≈ %.2f ms + %.1f µs × N (R² = %.3f).%n",
            line.intercept(), line.slope() * 1000, line.r2()));
    out.append(
        String.format(
            "Power-law fit: analysis ∝ N^%.2f (1 = linear, 2 = quadratic; limit %.1f): %s.%n",
            power.slope(),
            LIMIT_EXPONENT,
            power.slope() <= LIMIT_EXPONENT ? "MET" : "SUPERLINEAR, MISSED"));
    if (!Double.isNaN(at2000)) {
      out.append(
          String.format(
              "The %d-line method: %.0f ms of analysis (limit %.0f ms): %s.%n",
              lines2000,
              at2000,
              LIMIT_2000_LINES_MS,
              at2000 < LIMIT_2000_LINES_MS ? "MET" : "MISSED"));
    }
    return out.toString();
  }

  /**
   * The floor's table: per N, the time the floor configurations add over Error Prone with no checks
   * (paired medians, like the analysis), their share of the analysis, and their fitted exponents.
   * {@code nanos[size][c]} is configuration {@code configs.get(c)}; 0 and 1 are no checks and the
   * analysis.
   */
  static String floor(
      int[] sizes, List<Corpus> corpora, long[][][] nanos, List<Configuration> configs) {
    int extra = configs.size() - 2;
    StringBuilder out = new StringBuilder();
    out.append("### The floor against method size (ms over EP with no checks, paired medians)\n\n");
    out.append("| N reads | method lines | analysis (ReadOnce) |");
    for (int c = 2; c < configs.size(); c++) {
      out.append(" ").append(configs.get(c).label()).append(" | share of the analysis |");
    }
    out.append("\n|---:|---:|---:|");
    out.append("---:|---:|".repeat(extra));
    out.append("\n");
    double[] x = new double[sizes.length];
    double[][] y = new double[configs.size()][sizes.length];
    int at2000 = -1;
    for (int i = 0; i < sizes.length; i++) {
      x[i] = sizes[i];
      for (int c = 1; c < configs.size(); c++) {
        List<Long> delta = new ArrayList<>();
        for (int r = 0; r < nanos[i][c].length; r++) {
          delta.add(nanos[i][c][r] - nanos[i][0][r]);
        }
        y[c][i] = Stats.median(delta) / 1e6;
      }
      long lines = corpora.get(i).lines();
      if (lines >= 1900 && at2000 < 0) {
        at2000 = i;
      }
      out.append(String.format("| %d | %d | %.1f |", sizes[i], lines, y[1][i]));
      for (int c = 2; c < configs.size(); c++) {
        out.append(String.format(" %.1f | %.0f%% |", y[c][i], 100 * y[c][i] / y[1][i]));
      }
      out.append("\n");
    }
    out.append("\n");
    for (int c = 1; c < configs.size(); c++) {
      Stats.Fit power = Stats.powerLaw(x, y[c]);
      Stats.Fit line = Stats.linear(x, y[c]);
      out.append(
          String.format(
              "%s: ∝ N^%.2f (power law); %.2f ms + %.1f µs × N (R² = %.3f)%s.%n",
              c == 1 ? "analysis (ReadOnce)" : configs.get(c).label(),
              power.slope(),
              line.intercept(),
              line.slope() * 1000,
              line.r2(),
              at2000 < 0
                  ? ""
                  : String.format(
                      "; %d-line method: %.0f ms (%.0f%% of the analysis)",
                      corpora.get(at2000).lines(),
                      y[c][at2000],
                      100 * y[c][at2000] / y[1][at2000])));
    }
    return out.toString();
  }
}

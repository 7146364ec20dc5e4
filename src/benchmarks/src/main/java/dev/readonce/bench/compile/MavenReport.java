package dev.readonce.bench.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summarizes the real {@code mvn compile} rounds of {@code maven/compare.sh} (one line per round
 * and configuration: round, off|on, wall ms, CPU ms): the medians, the median of the per-round
 * ratios on / off with its confidence interval, and the median of the per-round differences — what
 * the checks add to a build, which is what the compile benchmark's cold figure should reproduce.
 *
 * <p>Usage: {@code MavenReport SAMPLES_TSV LABEL}.
 */
public final class MavenReport {

  private MavenReport() {}

  public static void main(String[] argv) throws IOException {
    Map<Integer, long[]> off = new TreeMap<>();
    Map<Integer, long[]> on = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(argv[0]), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length < 4) {
        continue;
      }
      long[] times = {Long.parseLong(f[2]), Long.parseLong(f[3])};
      (f[1].equals("on") ? on : off).put(Integer.parseInt(f[0]), times);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "### Real `mvn compile` of %s: %d rounds, every check off vs the ReadOnce checks%n%n",
            argv.length > 1 ? argv[1] : "the corpus", on.size()));
    out.append(
        "| measure | EP, no checks (ms) | EP + ReadOnce (ms) | ratio (median of rounds) | 95% CI"
            + " | added (ms, median of rounds) |\n");
    out.append("|---|---:|---:|---:|---|---:|\n");
    String[] names = {"wall", "CPU (user + sys)"};
    for (int m = 0; m < 2; m++) {
      List<Long> a = new ArrayList<>();
      List<Long> b = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Long> added = new ArrayList<>();
      for (int round : on.keySet()) {
        if (!off.containsKey(round)) {
          continue;
        }
        long x = off.get(round)[m];
        long y = on.get(round)[m];
        a.add(x);
        b.add(y);
        ratios.add((double) y / x);
        added.add(y - x);
      }
      Stats.Interval ci = Stats.medianInterval(ratios, 0.95);
      out.append(
          String.format(
              "| %s | %.0f | %.0f | %+.1f%% | %+.1f … %+.1f%% | %+.0f |%n",
              names[m],
              Stats.median(a),
              Stats.median(b),
              (Stats.median(ratios) - 1) * 100,
              (ci.low() - 1) * 100,
              (ci.high() - 1) * 100,
              Stats.median(added)));
    }
    System.out.print(out);
  }
}

package dev.readonce.bench.compile;

import dev.readonce.bench.compile.OverheadReport.Overhead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints the targets table of the compile-overhead benchmark from the results of its warm and cold
 * runs (one tab-separated line per mode, corpus and measure): per corpus, the warm and cold
 * overhead of the checks over Error Prone with every check off, in wall and CPU time, each with its
 * confidence interval, against the target.
 *
 * <p>Usage: {@code OverheadSummary RESULTS_FILE [LOAD_BEFORE LOAD_AFTER]}.
 */
public final class OverheadSummary {

  private OverheadSummary() {}

  public static void main(String[] argv) throws IOException {
    List<Overhead> all = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(argv[0]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        all.add(Overhead.parse(line));
      }
    }
    Map<String, Map<String, Overhead>> byCorpus = new LinkedHashMap<>();
    for (Overhead o : all) {
      byCorpus
          .computeIfAbsent(o.corpus(), c -> new LinkedHashMap<>())
          .put(o.mode() + "/" + o.measure(), o);
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "## ReadOnce over Error Prone with every check off (median of per-round ratios)\n\n");
    out.append(
        "| corpus | mode | rounds | wall | wall 95% CI | wall range | adds (wall ms) | CPU |"
            + " CPU 95% CI | target | verdict (wall; CPU) |\n");
    out.append("|---|---|---:|---:|---|---|---:|---:|---|---:|---|\n");
    for (var corpus : byCorpus.entrySet()) {
      for (String mode : List.of("warm", "cold", "fresh")) {
        Overhead wall = corpus.getValue().get(mode + "/" + Measure.WALL);
        Overhead cpu = corpus.getValue().get(mode + "/" + Measure.CPU);
        if (wall == null || cpu == null) {
          continue;
        }
        out.append(
            String.format(
                "| %s | %s | %d | %+.1f%% | %+.1f … %+.1f%% | %+.1f … %+.1f%% | %.0f | %+.1f%% |"
                    + " %+.1f … %+.1f%% | %s | %s; %s |%n",
                corpus.getKey(),
                mode,
                wall.rounds(),
                wall.medianPercent(),
                wall.interval().low(),
                wall.interval().high(),
                wall.minPercent(),
                wall.maxPercent(),
                wall.addedMillis(),
                cpu.medianPercent(),
                cpu.interval().low(),
                cpu.interval().high(),
                Double.isNaN(wall.targetPercent())
                    ? "no target"
                    : String.format("≤ %+.0f%%", wall.targetPercent()),
                verdict(wall),
                verdict(cpu)));
      }
    }
    if (argv.length >= 3) {
      out.append(
          String.format(
              "%nLoad average (1 min) before the runs: %s; after: %s (2 cores).%n",
              argv[1], argv[2]));
    }
    System.out.print(out);
  }

  /** Met, missed, or within noise: the target inside the confidence interval. */
  private static String verdict(Overhead o) {
    if (Double.isNaN(o.targetPercent())) {
      return "n/a";
    }
    if (o.interval().high() <= o.targetPercent()) {
      return "met";
    }
    if (o.medianPercent() <= o.targetPercent()) {
      return "met (median; CI reaches " + String.format("%+.1f%%", o.interval().high()) + ")";
    }
    if (o.interval().low() <= o.targetPercent()) {
      return "missed (median; CI reaches down to target)";
    }
    return "missed";
  }
}

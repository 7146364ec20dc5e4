package dev.readonce.bench.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the floor table of the compile-overhead benchmark (run with {@code --configs
 * EP_NO_CHECKS,EP_READONCE,EP_FLOOR}) from the floor results of its warm, cold and fresh runs.
 *
 * <p>Usage: {@code FloorSummary FLOOR_RESULTS_FILE [LOAD_BEFORE LOAD_AFTER]}.
 */
public final class FloorSummary {

  private FloorSummary() {}

  public static void main(String[] argv) throws IOException {
    List<FloorReport> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(argv[0]), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        rows.add(FloorReport.parse(line));
      }
    }
    // Per corpus, each mode's CPU then wall row: the CPU figure is the one to read on a shared
    // machine.
    List<FloorReport> ordered = new ArrayList<>();
    List<String> corpora = rows.stream().map(FloorReport::corpus).distinct().toList();
    for (String corpus : corpora) {
      for (String mode : List.of("warm", "cold", "fresh")) {
        for (Measure m : List.of(Measure.CPU, Measure.WALL)) {
          rows.stream()
              .filter(r -> r.corpus().equals(corpus) && r.mode().equals(mode) && r.measure() == m)
              .forEach(ordered::add);
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "## The floor: the Checker Framework's CFGs and fixpoint alone (medians of per-round"
            + " ratios, 95% CI)\n\n");
    out.append(FloorReport.table(ordered));
    if (argv.length >= 3) {
      out.append(
          String.format(
              "%nLoad average (1 min) before the runs: %s; after: %s (2 cores).%n",
              argv[1], argv[2]));
    }
    System.out.print(out);
  }
}

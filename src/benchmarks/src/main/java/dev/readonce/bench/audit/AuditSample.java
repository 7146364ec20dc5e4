package dev.readonce.bench.audit;

import dev.readonce.bench.javac.Checks;
import dev.readonce.bench.javac.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The audit's outputs: the count table, and the triage sample with the code around each finding.
 */
final class AuditSample {

  private static final int CONTEXT_LINES = 6;

  private AuditSample() {}

  /**
   * Up to {@code n} findings chosen at random with a fixed seed (the same run, the same sample).
   */
  static <T> List<T> pick(List<T> findings, int n, long seed) {
    List<T> shuffled = new ArrayList<>(findings);
    Collections.shuffle(shuffled, new Random(seed));
    return shuffled.subList(0, Math.min(n, shuffled.size()));
  }

  static String relative(Path root, Finding f) {
    String file =
        f.file().startsWith(root.toString())
            ? root.relativize(Path.of(f.file())).toString()
            : f.file();
    return file + ":" + f.line() + " [" + f.check() + "] " + f.message().replace('\n', ' ');
  }

  private static final java.util.regex.Pattern LINE =
      java.util.regex.Pattern.compile("^(.*?):(\\d+) \\[(\\w+)\\] (.*)$");

  /** Reads back the lines {@link #relative} wrote. */
  static List<Finding> parse(Path root, List<String> lines) {
    List<Finding> out = new ArrayList<>();
    for (String line : lines) {
      java.util.regex.Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("not a findings line: " + line);
      }
      out.add(
          new Finding(
              javax.tools.Diagnostic.Kind.WARNING,
              m.group(3),
              root.resolve(m.group(1)).toString(),
              Long.parseLong(m.group(2)),
              m.group(4)));
    }
    return out;
  }

  static String countsTable(Map<String, Map<String, Long>> counts) {
    StringBuilder out = new StringBuilder("| library |");
    Checks.NAMES.forEach(n -> out.append(' ').append(n).append(" |"));
    out.append(" total |\n|---|");
    Checks.NAMES.forEach(n -> out.append("---:|"));
    out.append("---:|\n");
    counts.forEach(
        (library, byCheck) -> {
          out.append("| ").append(library).append(" |");
          long total = 0;
          for (String n : Checks.NAMES) {
            long c = byCheck.getOrDefault(n, 0L);
            total += c;
            out.append(' ').append(c).append(" |");
          }
          out.append(' ').append(total).append(" |\n");
        });
    return out.toString();
  }

  static String render(List<Audit.Sampled> sample) throws IOException {
    StringBuilder out = new StringBuilder("# Audit triage sample\n\n");
    int i = 1;
    for (Audit.Sampled s : sample) {
      Finding f = s.finding();
      out.append(String.format("## %d. %s — %s%n%n", i++, s.library(), relative(s.root(), f)));
      List<String> lines = Files.readAllLines(Path.of(f.file()), StandardCharsets.UTF_8);
      int from = (int) Math.max(1, f.line() - CONTEXT_LINES);
      int to = (int) Math.min(lines.size(), f.line() + 2);
      out.append("```java\n");
      for (int l = from; l <= to; l++) {
        out.append(String.format("%5d%s %s%n", l, l == f.line() ? ">" : " ", lines.get(l - 1)));
      }
      out.append("```\n\n");
    }
    return out.toString();
  }
}

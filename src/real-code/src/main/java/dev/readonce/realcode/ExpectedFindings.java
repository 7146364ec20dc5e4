package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked-in findings on the corpus originals ({@code corpus/expected-findings.txt}), each with
 * its cause ({@code corpus/causes.txt}).
 *
 * @param entries the listed findings, in file order
 * @param causes cause id to its kind and reason
 */
public record ExpectedFindings(List<Entry> entries, Map<String, Cause> causes) {

  /**
   * One listed finding.
   *
   * @param key {@code <file>:<line> <Rule>}, as {@link Finding#key()}
   * @param cause its cause id
   * @param line where it is listed
   */
  public record Entry(String key, String cause, int line) {}

  /**
   * Why findings remain.
   *
   * @param id its id
   * @param kind {@code engine} or {@code vocabulary}
   * @param reason one line
   */
  public record Cause(String id, String kind, String reason) {}

  /** Reads both files; a malformed line or an unknown cause fails with its file and line. */
  public static ExpectedFindings read(Path corpus) throws IOException {
    Path causesFile = corpus.resolve("causes.txt");
    Map<String, Cause> causes = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(causesFile, UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+", 3);
      if (parts.length < 3 || !(parts[1].equals("engine") || parts[1].equals("vocabulary"))) {
        throw new IllegalArgumentException(
            causesFile + ":" + (i + 1) + ": expected '<id> engine|vocabulary <reason>'");
      }
      causes.put(parts[0], new Cause(parts[0], parts[1], parts[2]));
    }
    Path file = corpus.resolve("expected-findings.txt");
    List<Entry> entries = new ArrayList<>();
    lines = Files.readAllLines(file, UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("\\s+", -1);
      if (parts.length != 3 || !parts[0].matches(".+\\.java:\\d+")) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected '<file>:<line> <Rule>  <cause>', found: " + l);
      }
      if (!CheckRunner.RULES.contains(parts[1])) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": unknown rule " + parts[1]);
      }
      if (!causes.containsKey(parts[2])) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": unknown cause " + parts[2] + " (not in causes.txt)");
      }
      entries.add(new Entry(parts[0] + " " + parts[1], parts[2], i + 1));
    }
    return new ExpectedFindings(List.copyOf(entries), Map.copyOf(causes));
  }

  /** The listed findings of one file. */
  public List<Entry> of(String file) {
    return entries.stream().filter(e -> e.key().startsWith(file + ":")).toList();
  }
}

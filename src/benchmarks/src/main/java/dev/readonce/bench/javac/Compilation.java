package dev.readonce.bench.javac;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One finished compilation.
 *
 * @param corpus the corpus name
 * @param time the times of {@code JavacTask.call()}
 * @param findings every diagnostic reported
 */
public record Compilation(String corpus, Clock.Times time, List<Finding> findings) {

  public Compilation {
    findings = List.copyOf(findings);
  }

  /** The wall time in nanoseconds. */
  public long nanos() {
    return time.wallNanos();
  }

  /** The number of errors. */
  public long errors() {
    return findings.stream().filter(Finding::isError).count();
  }

  /** The findings of each Error Prone check, by check name (sorted). */
  public Map<String, Long> countsByCheck() {
    Map<String, Long> counts = new TreeMap<>();
    for (Finding f : findings) {
      if (!f.check().isEmpty()) {
        counts.merge(f.check(), 1L, Long::sum);
      }
    }
    return counts;
  }
}

package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a report writer needs: the findings in a stable order (path, line, column, rule) and
 * where they were found.
 *
 * @param toolVersion the gate's version
 * @param repoRoot the repository root, which relative paths are relative to
 * @param findings every finding, failing or not
 */
record Report(String toolVersion, URI repoRoot, ImmutableList<ReportedFinding> findings) {

  static final Comparator<ReportedFinding> ORDER =
      Comparator.comparing(ReportedFinding::path)
          .thenComparingInt(ReportedFinding::line)
          .thenComparingInt(ReportedFinding::column)
          .thenComparing(ReportedFinding::rule);

  static Report of(String toolVersion, URI repoRoot, List<ReportedFinding> findings) {
    return new Report(
        toolVersion,
        repoRoot,
        findings.stream().sorted(ORDER).collect(ImmutableList.toImmutableList()));
  }

  long failing() {
    return findings.stream().filter(ReportedFinding::failsGate).count();
  }

  long count(Status status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }
}

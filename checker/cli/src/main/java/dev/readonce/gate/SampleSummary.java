package dev.readonce.gate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What {@code readonce} without arguments prints about the bundled sample walker: one line per
 * package (files, findings, findings per check), each followed by its findings.
 */
final class SampleSummary {

  private SampleSummary() {}

  /**
   * @param sources the checked files, relative to the repository root
   * @param report the findings
   */
  static String render(List<String> sources, Report report) {
    Map<String, Long> files =
        sources.stream()
            .collect(
                Collectors.groupingBy(
                    SampleSummary::packageOf, TreeMap::new, Collectors.counting()));
    Map<String, List<ReportedFinding>> findings =
        report.findings().stream().collect(Collectors.groupingBy(f -> packageOf(f.path())));
    int width = files.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder text = new StringBuilder();
    text.append(GateVersion.TOOL_NAME)
        .append(' ')
        .append(report.toolVersion())
        .append(": the bundled sample walker (")
        .append(String.join(", ", BundledSample.ROOTS))
        .append("), ")
        .append(plural(sources.size(), "file"))
        .append(" in ")
        .append(plural(files.size(), "package"))
        .append("\n\n");
    for (Map.Entry<String, Long> pkg : files.entrySet()) {
      List<ReportedFinding> here = findings.getOrDefault(pkg.getKey(), List.of());
      text.append(
          String.format("%-" + width + "s  %8s  ", pkg.getKey(), plural(pkg.getValue(), "file")));
      text.append(
          here.isEmpty() ? "no findings" : plural(here.size(), "finding") + ": " + perRule(here));
      text.append('\n');
      for (ReportedFinding f : here) {
        text.append("    ")
            .append(f.path())
            .append(':')
            .append(f.line())
            .append(':')
            .append(f.column())
            .append(": [")
            .append(f.rule())
            .append("] ")
            .append(f.message())
            .append('\n');
      }
    }
    long withFindings = files.keySet().stream().filter(findings::containsKey).count();
    text.append('\n')
        .append(plural(report.findings().size(), "finding"))
        .append(" in ")
        .append(withFindings)
        .append(" of ")
        .append(plural(files.size(), "package"))
        .append(". Check your own code with: readonce [--classpath CP] PATH...\n");
    return text.toString();
  }

  /** The package of a file under the sample's source root, from its directory. */
  static String packageOf(String path) {
    String relative = path;
    for (String root : BundledSample.ROOTS) {
      if (path.startsWith(root + "/")) {
        relative = path.substring(root.length() + 1);
      }
    }
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "(default package)" : relative.substring(0, slash).replace('/', '.');
  }

  private static String perRule(List<ReportedFinding> findings) {
    Map<String, Long> counts =
        findings.stream()
            .collect(Collectors.groupingBy(ReportedFinding::rule, Collectors.counting()));
    return RuleInfo.ALL.stream()
        .map(RuleInfo::name)
        .filter(counts::containsKey)
        .map(name -> name + " " + counts.get(name))
        .collect(Collectors.joining(", "));
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

package dev.readonce.gate;

/**
 * Plain text, the shape compilers use so editors and {@code errorformat} can jump to it: {@code
 * path:line:col: [Check] message} for each failing finding, and the same with {@code note:} and the
 * reason appended for a finding that does not fail the gate.
 */
final class TextReport implements ReportWriter {

  @Override
  public String render(Report report) {
    StringBuilder text = new StringBuilder();
    for (ReportedFinding f : report.findings()) {
      text.append(f.fileName())
          .append(':')
          .append(f.line())
          .append(':')
          .append(f.column())
          .append(": ");
      if (!f.failsGate()) {
        text.append("note: ");
      }
      // One finding a line, whatever the message holds.
      text.append('[')
          .append(f.rule())
          .append("] ")
          .append(f.message().replaceAll("\\s*\\R\\s*", " "));
      if (!f.failsGate()) {
        text.append(" (").append(reason(f.status())).append(')');
      }
      text.append('\n');
    }
    return text.toString();
  }

  static String reason(Status status) {
    return switch (status) {
      case BASELINED -> "accepted in the baseline";
      case OUTSIDE_CHANGE -> "not on a line this change adds or modifies";
      case NEW -> "new";
    };
  }
}

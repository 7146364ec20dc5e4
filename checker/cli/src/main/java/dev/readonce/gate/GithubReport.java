package dev.readonce.gate;

/**
 * GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
 * {@code ::error file=…,line=…,col=…,title=ReadOnce <Check>::message} for a failing finding, {@code
 * ::notice …} for one that does not fail the gate. Values are escaped as the runner expects ({@code
 * %}, CR and LF everywhere; also {@code :} and {@code ,} in properties).
 */
final class GithubReport implements ReportWriter {

  @Override
  public String render(Report report) {
    StringBuilder text = new StringBuilder();
    for (ReportedFinding f : report.findings()) {
      String message =
          f.failsGate() ? f.message() : f.message() + " (" + TextReport.reason(f.status()) + ")";
      text.append("::")
          .append(f.failsGate() ? "error" : "notice")
          .append(" file=")
          .append(property(f.fileName()))
          .append(",line=")
          .append(f.line())
          .append(",col=")
          .append(f.column())
          .append(",title=")
          .append(property(GateVersion.TOOL_NAME + " " + f.rule()))
          .append("::")
          .append(data(message))
          .append('\n');
    }
    return text.toString();
  }

  /** Escapes a command's message. */
  static String data(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a command property's value. */
  static String property(String value) {
    return data(value).replace(":", "%3A").replace(",", "%2C");
  }
}

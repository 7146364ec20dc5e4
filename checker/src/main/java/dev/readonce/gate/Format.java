package dev.readonce.gate;

import java.util.Locale;

/** The report formats, by the names {@code --format} takes. */
enum Format {
  /** {@code path:line:col: [Check] message}, one finding a line. */
  TEXT,
  /** SARIF 2.1.0, as GitHub code scanning uploads it. */
  SARIF,
  /** GitHub Actions workflow commands ({@code ::error file=…::message}): annotations on a PR. */
  GITHUB,
  /** The gate's own JSON (documented in the README). */
  JSON,
  /** Checkstyle XML, which reviewdog and many CI plugins read. */
  CHECKSTYLE;

  ReportWriter writer() {
    return switch (this) {
      case TEXT -> new TextReport();
      case SARIF -> new SarifReport();
      case GITHUB -> new GithubReport();
      case JSON -> new JsonReport();
      case CHECKSTYLE -> new CheckstyleReport();
    };
  }

  /** The lower-case name users type, which picocli also lists in {@code --help}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

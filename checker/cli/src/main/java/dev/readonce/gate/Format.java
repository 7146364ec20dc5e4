package dev.readonce.gate;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

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

  /** The lower-case name users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format a name (in any case) stands for. */
  static Optional<Format> named(String name) {
    return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Format::toString).collect(Collectors.joining(", "));
  }

  /** Lets picocli take and list the lower-case names. */
  static final class Names implements Iterable<String>, ITypeConverter<Format> {

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(values()).map(Format::toString).iterator();
    }

    @Override
    public Format convert(String value) {
      return named(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected one of " + names() + " but was '" + value + "'"));
    }
  }
}

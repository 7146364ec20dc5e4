package dev.readonce.bench.javac;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;

/**
 * One diagnostic javac reported, reduced to what the tables and the audit need.
 *
 * @param kind error, warning, note
 * @param check the Error Prone check name ({@code [Name] message}), or empty for javac's own
 * @param file the source file, or empty
 * @param line the line, or 0
 * @param message the message without the check prefix
 */
public record Finding(Diagnostic.Kind kind, String check, String file, long line, String message) {

  private static final Pattern CHECK = Pattern.compile("^\\[(\\w+)\\] ", Pattern.DOTALL);

  static Finding of(Diagnostic<? extends javax.tools.JavaFileObject> d) {
    String message = d.getMessage(java.util.Locale.ROOT);
    String check = "";
    Matcher m = CHECK.matcher(message);
    if (m.find()) {
      check = m.group(1);
      message = message.substring(m.end());
    }
    String file = d.getSource() == null ? "" : d.getSource().getName();
    return new Finding(d.getKind(), check, file, Math.max(0, d.getLineNumber()), message);
  }

  /** Whether this diagnostic is an error (a compile error, or Error Prone's crash report). */
  public boolean isError() {
    return kind == Diagnostic.Kind.ERROR;
  }

  @Override
  public String toString() {
    return kind
        + " "
        + file
        + ":"
        + line
        + (check.isEmpty() ? "" : " [" + check + "]")
        + " "
        + message;
  }
}

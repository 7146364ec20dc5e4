package dev.readonce.checker.model;

/**
 * Something wrong with a declarations file, found while reading it or while resolving its members
 * in a compilation.
 *
 * @param origin the file and line
 * @param severity whether it fails the compilation
 * @param message what is wrong, and what was expected
 */
public record DeclaredProblem(DeclaredOrigin origin, Severity severity, String message) {

  /** How a problem surfaces in javac. */
  public enum Severity {
    /** Fails the compilation; the ReadOnce checks report nothing else in it. */
    ERROR,
    /** The entry is ignored; the compilation goes on. */
    WARNING
  }

  public static DeclaredProblem error(DeclaredOrigin origin, String message) {
    return new DeclaredProblem(origin, Severity.ERROR, message);
  }

  public static DeclaredProblem warning(DeclaredOrigin origin, String message) {
    return new DeclaredProblem(origin, Severity.WARNING, message);
  }

  /** {@code file:line: message}, the form compilers use. */
  @Override
  public String toString() {
    return origin + ": " + message;
  }
}

package dev.readonce.realcode;

/**
 * One ReadOnce diagnostic on a corpus class.
 *
 * @param rule the check's name
 * @param file the file's name relative to its source root
 * @param line 1-based line
 * @param column 1-based column
 * @param message the first line of the message
 */
public record Finding(String rule, String file, int line, int column, String message) {

  /** How the expected-findings list names it: {@code <file>:<line> <rule>}. */
  public String key() {
    return file + ":" + line + " " + rule;
  }
}

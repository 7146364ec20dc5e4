package dev.readonce.checker.model;

/**
 * A place in a declarations file.
 *
 * @param file the file's path as the user passed it
 * @param line the 1-based line, or 0 for the file as a whole
 */
public record DeclaredOrigin(String file, int line) {

  /** {@code file:line}, or just {@code file} for the whole file. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}

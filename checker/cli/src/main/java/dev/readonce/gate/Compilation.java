package dev.readonce.gate;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one run of javac under the ReadOnce checks produced.
 *
 * @param findings the checks' diagnostics
 * @param compilerErrors errors that are not findings: the sources do not compile, or a checker flag
 *     (such as a declarations file) is wrong
 * @param crashes a check threw (a bug in ReadOnce)
 * @param warnings warnings of the checker itself (javac's own lints are off)
 */
record Compilation(
    ImmutableList<Finding> findings,
    ImmutableList<Problem> compilerErrors,
    ImmutableList<Problem> crashes,
    ImmutableList<Problem> warnings) {

  /**
   * A diagnostic that is not a finding.
   *
   * @param file the source file it is in, if any (a declarations problem has none)
   * @param line its line, or 0
   * @param column its column, or 0
   * @param message the first line of javac's message
   */
  record Problem(Optional<Path> file, long line, long column, String message) {}
}

package dev.readonce.lsp;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;

/**
 * What the server knows of the project a file belongs to.
 *
 * @param root the directory of its {@code pom.xml} or {@code .readonce-lsp.json}
 * @param sourceRoots where javac finds the project's other sources
 * @param classpath what the sources compile against
 * @param options javac options and Error Prone flags of the project's build (language level, {@code
 *     -Xep:...} severities, {@code -XepOpt:ReadOnce:...})
 * @param problems what could not be resolved, each said once to the user
 */
record Project(
    Path root,
    ImmutableList<Path> sourceRoots,
    ImmutableList<Path> classpath,
    ImmutableList<String> options,
    ImmutableList<String> problems) {

  /** A file with no project around it: checked alone, against the JDK and the annotations. */
  static Project alone(Path directory, String problem) {
    return new Project(
        directory,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(problem));
  }
}

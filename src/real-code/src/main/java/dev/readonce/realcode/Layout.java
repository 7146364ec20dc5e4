package dev.readonce.realcode;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the corpus's inputs and outputs are, as the build passes them (system properties).
 *
 * @param jdkSources Temurin 25's {@code lib/src.zip}
 * @param corpus this module's committed {@code corpus} directory (declarations, edits, shims,
 *     expected findings, recorded score)
 * @param upstream the unpacked sources jars, one directory per library
 * @param upstreamLib the jars the library sources compile against
 * @param work scratch space for prepared sources and mutants
 * @param checkerDeclarations the checker's test declarations ({@code checker:} files)
 */
public record Layout(
    Path jdkSources,
    Path corpus,
    Path upstream,
    Path upstreamLib,
    Path work,
    Path checkerDeclarations) {

  /** The layout the build configured; fails when a property is missing. */
  public static Layout fromSystemProperties() {
    return new Layout(
        path("realcode.jdk.src"),
        path("realcode.corpus"),
        path("realcode.upstream"),
        path("realcode.upstream.lib"),
        path("realcode.work"),
        path("realcode.checker.decls"));
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + property
              + " is not set (the module's surefire configuration sets it)");
    }
    return Path.of(value);
  }

  /** Fails loudly when the JDK source archive is missing: the corpus is never skipped. */
  public void requireJdkSources() {
    if (!Files.isRegularFile(jdkSources)) {
      throw new IllegalStateException(
          jdkSources
              + " is missing: the real-code corpus takes ConcurrentHashMap and its other JDK"
              + " classes from Temurin 25's lib/src.zip (install temurin-25-jdk, or pass"
              + " -Drealcode.jdk.src=<path to a JDK 25 src.zip>)");
    }
  }
}

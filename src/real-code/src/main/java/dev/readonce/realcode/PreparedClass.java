package dev.readonce.realcode;

import java.nio.file.Path;
import java.util.List;

/**
 * A corpus class extracted, edited and ready to compile.
 *
 * @param corpusClass the class
 * @param original its source as compiled (after the edits)
 * @param shims the shim sources compiled beside it (relative to the source root)
 * @param options javac options particular to the class (the JDK's patched module)
 * @param classpath what it compiles against
 * @param declarations the declarations files
 */
public record PreparedClass(
    CorpusClass corpusClass,
    String original,
    List<ShimSource> shims,
    List<String> options,
    List<Path> classpath,
    List<Path> declarations) {

  /**
   * A shim's source.
   *
   * @param relativePath its path under the source root
   * @param text its content
   */
  public record ShimSource(String relativePath, String text) {}
}

package dev.readonce.bench.javac;

import java.nio.file.Path;
import java.util.List;

/**
 * A set of sources compiled together, and the class path they compile against.
 *
 * @param name the name printed in result tables
 * @param sources the {@code .java} files
 * @param classpath the compile class path
 */
public record Corpus(String name, List<Path> sources, List<Path> classpath) {

  public Corpus {
    sources = List.copyOf(sources);
    classpath = List.copyOf(classpath);
  }

  /** The number of source lines, for the tables. */
  public long lines() {
    long n = 0;
    for (Path p : sources) {
      try (var lines = java.nio.file.Files.lines(p, java.nio.charset.StandardCharsets.UTF_8)) {
        n += lines.count();
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        throw new IllegalStateException("cannot read " + p, e);
      }
    }
    return n;
  }
}

package dev.readonce.bench.javac;

import java.nio.file.Path;
import java.util.List;

/**
 * A set of sources compiled together, and the class path they compile against.
 *
 * @param name the name printed in result tables
 * @param sources the {@code .java} files
 * @param classpath the compile class path
 * @param javacOptions further javac options this corpus needs (the real {@code
 *     ConcurrentHashMap} is compiled into {@code java.base} with {@code --patch-module})
 * @param errorProneOptions further Error Prone options (a declarations file), given in every Error
 *     Prone configuration so that the configurations differ only in the checks
 */
public record Corpus(
    String name,
    List<Path> sources,
    List<Path> classpath,
    List<String> javacOptions,
    List<String> errorProneOptions) {

  public Corpus {
    sources = List.copyOf(sources);
    classpath = List.copyOf(classpath);
    javacOptions = List.copyOf(javacOptions);
    errorProneOptions = List.copyOf(errorProneOptions);
  }

  public Corpus(String name, List<Path> sources, List<Path> classpath) {
    this(name, sources, classpath, List.of(), List.of());
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

package dev.readonce.bench.compile;

import dev.readonce.bench.javac.Corpus;
import dev.readonce.realcode.CorpusClass;
import dev.readonce.realcode.Layout;
import dev.readonce.realcode.PreparedClass;
import dev.readonce.realcode.Preparer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real-code corpus of {@code src/real-code}: its six published classes (the JDK's {@code
 * ConcurrentHashMap}, {@code CopyOnWriteArrayList} and {@code LinkedBlockingQueue}, Guava's {@code
 * Striped}, RxJava's {@code BehaviorSubject}, Netty's {@code DefaultPromise}), each prepared by
 * that module's {@link Preparer} (edits, shims, class path, declarations) and compiled as its
 * findings test compiles it, one compilation per class (each needs its own options, as the modules
 * of a build do).
 */
final class RealCodeCorpus {

  private RealCodeCorpus() {}

  /**
   * The corpus.
   *
   * @param whole every class's sources, as the tables name and count them
   * @param classes one compilation per class, in the order of the real-code docs page
   */
  record Compilations(Corpus whole, List<Corpus> classes) {}

  /**
   * Prepares the classes under {@code work/real-code}.
   *
   * @param module the {@code src/real-code} module, built (its build unpacks the libraries' sources
   *     and jars into its {@code target})
   * @param jdkSources a JDK 25 {@code lib/src.zip}
   * @param checkerDeclarations the checker's test declarations ({@code checker:} files)
   */
  static Compilations create(Path module, Path jdkSources, Path checkerDeclarations, Path work)
      throws IOException {
    Path upstream = module.resolve("target/upstream");
    Path upstreamLib = module.resolve("target/upstream-lib");
    if (!Files.isDirectory(upstream) || !Files.isDirectory(upstreamLib)) {
      throw new IOException(
          upstream
              + " or "
              + upstreamLib
              + " is missing: the real-code module's build unpacks the libraries' sources and"
              + " jars there (run `mvn -Pbench package -DskipTests` first, as run.sh does)");
    }
    Layout layout =
        new Layout(
            jdkSources,
            module.resolve("corpus"),
            upstream,
            upstreamLib,
            work.resolve("real-code"),
            checkerDeclarations);
    layout.requireJdkSources();
    Preparer preparer = new Preparer(layout);
    List<Corpus> classes = new ArrayList<>();
    List<Path> all = new ArrayList<>();
    for (CorpusClass c : dev.readonce.realcode.Corpus.classes()) {
      PreparedClass prepared = preparer.prepare(c);
      Path root = layout.work().resolve(c.simpleName());
      deleteTree(root);
      List<Path> sources = prepared.write(prepared.original(), root);
      all.addAll(sources);
      classes.add(
          new Corpus(
              "real-code " + c.name(),
              sources,
              prepared.classpath(),
              prepared.javacOptions(root),
              PreparedClass.declarationsOption(prepared.declarations())));
    }
    Corpus whole =
        new Corpus(
            "real-code (" + classes.size() + " classes, one compilation each)", all, List.of());
    return new Compilations(whole, classes);
  }

  /** Removes an earlier run's sources, so the patched module holds exactly this run's files. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

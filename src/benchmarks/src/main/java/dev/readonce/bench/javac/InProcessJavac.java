package dev.readonce.bench.javac;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a corpus with the JDK's javac in this JVM ({@code javax.tools}), so that successive
 * compilations share loaded and JIT-compiled classes. Error Prone and the ReadOnce checker are on
 * this JVM's class path; javac finds the plugin and the checks through its service loader.
 */
public final class InProcessJavac implements JavacRunner {

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private final Path scratch;
  private final String pluginPath;

  /**
   * @param scratch where class files go (a fresh directory per compilation, then deleted)
   */
  public InProcessJavac(Path scratch) {
    this(scratch, checkerJar());
  }

  /**
   * @param scratch where class files go
   * @param processorPath the processor path javac loads Error Prone and the checks from, in a
   *     class loader of its own per compilation (see {@code ColdCompiles})
   */
  public InProcessJavac(Path scratch, String processorPath) {
    this.scratch = scratch;
    this.pluginPath = processorPath;
  }

  /**
   * Error Prone loads plugin checks only through the annotation processor path, so the checker's
   * jar is given as that path (in every configuration, so the options differ only in Error
   * Prone's). Its class loader delegates to this JVM's, so the classes are loaded once.
   */
  private static String checkerJar() {
    try {
      return Path.of(
              Class.forName("dev.readonce.checker.UnlockedReread")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI())
          .toString();
    } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
      throw new IllegalStateException("the ReadOnce checker is not on the class path", e);
    }
  }

  /**
   * Compiles {@code corpus} with {@code options} added to the common ones, and returns its times
   * and diagnostics. Throws if javac reports an error: a benchmark of a failed compilation, or an
   * audit in which the checker crashed, must not pass quietly.
   */
  @Override
  public Compilation compile(Corpus corpus, List<String> options) throws IOException {
    Path out = Files.createTempDirectory(scratch, "classes");
    List<Finding> findings = new ArrayList<>();
    List<String> all = arguments(corpus, options, out, pluginPath);
    Clock.Times time;
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(corpus.sources());
      Clock clock = Clock.start();
      ok = javac.getTask(null, files, d -> findings.add(Finding.of(d)), all, null, units).call();
      time = clock.stop();
    } finally {
      delete(out);
    }
    Compilation result = new Compilation(corpus.name(), time, findings);
    if (!ok || result.errors() > 0) {
      throw new CompilationFailed(corpus, options, result);
    }
    return result;
  }

  /** The javac options of one compilation (without the sources). */
  static List<String> arguments(
      Corpus corpus, List<String> options, Path out, String pluginPath) {
    List<String> all = new ArrayList<>();
    all.add("-d");
    all.add(out.toString());
    all.add("-classpath");
    all.add(corpus.classpath().stream().map(Path::toString).collect(Collectors.joining(":")));
    // No annotation processing: the harness's own class path holds processors that the corpora
    // do not use. Warnings are not limited to javac's default 100 (the audit counts them all).
    all.addAll(
        List.of(
            "-processorpath",
            pluginPath,
            "-proc:none",
            "-encoding",
            "UTF-8",
            "-Xmaxwarns",
            "1000000",
            "-Xmaxerrs",
            "1000000",
            "-XDsuppressNotes"));
    all.addAll(corpus.javacOptions());
    for (String option : options) {
      // Error Prone takes its own options inside the -Xplugin argument.
      all.add(
          option.startsWith("-Xplugin:ErrorProne") && !corpus.errorProneOptions().isEmpty()
              ? option + " " + String.join(" ", corpus.errorProneOptions())
              : option);
    }
    return all;
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A compilation that reported errors: the corpus, the options and the first errors. */
  public static final class CompilationFailed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CompilationFailed(Corpus corpus, List<String> options, Compilation result) {
      super(
          "javac failed on "
              + corpus.name()
              + " with "
              + options
              + " ("
              + result.errors()
              + " errors):\n  "
              + result.findings().stream()
                  .filter(Finding::isError)
                  .limit(10)
                  .map(Finding::toString)
                  .collect(Collectors.joining("\n  ")));
    }
  }
}

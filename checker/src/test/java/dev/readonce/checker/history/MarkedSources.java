package dev.readonce.checker.history;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles real source trees with the ReadOnce checks and compares their findings with the
 * {@code // expect: Check[, Check]} markers written beside the lines they judge, both ways.
 */
final class MarkedSources {

  static final ImmutableList<String> CHECKS =
      ImmutableList.of(
          "UnlockedReread",
          "PlainSlotRead",
          "SnapshotNotPassed",
          "MissingRevalidation",
          "DescentWithoutPointerCheck",
          "UnlockedSlotWrite");

  private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*([A-Za-z, ]+)");

  /**
   * A finding the checker is known to report although the code is right: kept in the comparison
   * (so it is noticed when it goes away) and counted separately, as the checker's measured
   * imprecision.
   */
  private static final Pattern FALSE_POSITIVE =
      Pattern.compile("//\\s*false-positive:\\s*([A-Za-z, ]+)");
  private static final Pattern CHECK_NAME = Pattern.compile("^\\[(\\w+)\\]");

  private MarkedSources() {}

  /** One finding or one expectation: a check at a line of a file (relative path). */
  record Mark(String file, long line, String check) implements Comparable<Mark> {
    @Override
    public int compareTo(Mark o) {
      int c = file.compareTo(o.file);
      if (c != 0) {
        return c;
      }
      c = Long.compare(line, o.line);
      return c != 0 ? c : check.compareTo(o.check);
    }

    @Override
    public String toString() {
      return file + ":" + line + " " + check;
    }
  }

  /** The {@code // expect:} markers in the files, with paths relative to {@code base}. */
  static ImmutableSortedSet<Mark> markers(Path base, List<Path> files) {
    return marks(base, files, MARKER);
  }

  /**
   * A violation the checker is known to miss: asserted absent from the findings (so an improvement
   * is noticed) and counted as the checker's measured misses.
   */
  private static final Pattern FALSE_NEGATIVE =
      Pattern.compile("//\\s*false-negative:\\s*([A-Za-z, ]+)");

  /** The {@code // false-negative:} markers in the files, with paths relative to {@code base}. */
  static ImmutableSortedSet<Mark> falseNegatives(Path base, List<Path> files) {
    return marks(base, files, FALSE_NEGATIVE);
  }

  /** The {@code // false-positive:} markers in the files, with paths relative to {@code base}. */
  static ImmutableSortedSet<Mark> falsePositives(Path base, List<Path> files) {
    return marks(base, files, FALSE_POSITIVE);
  }

  private static ImmutableSortedSet<Mark> marks(Path base, List<Path> files, Pattern marker) {
    TreeSet<Mark> out = new TreeSet<>();
    for (Path file : files) {
      List<String> lines = read(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = marker.matcher(lines.get(i));
        if (m.find()) {
          for (String check : com.google.common.base.Splitter.on(',').split(m.group(1))) {
            String name = check.strip();
            if (!name.isEmpty()) {
              if (!CHECKS.contains(name)) {
                throw new AssertionError(file + ":" + (i + 1) + ": unknown check '" + name + "'");
              }
              out.add(new Mark(base.relativize(file).toString(), i + 1, name));
            }
          }
        }
      }
    }
    return ImmutableSortedSet.copyOf(out);
  }

  /**
   * Compiles the files with every ReadOnce check at WARN (so one run reports all of them) and
   * returns the findings; fails on any compilation error.
   */
  static ImmutableSortedSet<Mark> findings(Path base, List<Path> files) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    // Class files are a by-product of the compilation; deleted below, whatever happens.
    Path classes = tempDir();
    try {
      return findings(base, files, javac, diagnostics, classpath, classes);
    } finally {
      deleteRecursively(classes);
    }
  }

  private static ImmutableSortedSet<Mark> findings(
      Path base,
      List<Path> files,
      JavaCompiler javac,
      DiagnosticCollector<JavaFileObject> diagnostics,
      String classpath,
      Path classes) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-classpath", classpath,
            "-processorpath", classpath,
            "-proc:none",
            // javac drops diagnostics after the 100th by default.
            "-Xmaxwarns", String.valueOf(Integer.MAX_VALUE),
            "-Xmaxerrs", String.valueOf(Integer.MAX_VALUE),
            "-d", classes.toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW"));
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (String check : CHECKS) {
      plugin.append(" -Xep:").append(check).append(":WARN");
    }
    options.add(plugin.toString());
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      Iterable<? extends JavaFileObject> units =
          fm.getJavaFileObjectsFromPaths(files);
      Boolean ok = javac.getTask(out, fm, diagnostics, options, null, units).call();
      TreeSet<Mark> found = new TreeSet<>();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String message = d.getMessage(Locale.ROOT);
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add(d.toString());
          continue;
        }
        Matcher name = CHECK_NAME.matcher(message);
        if (d.getSource() != null && name.find() && CHECKS.contains(name.group(1))) {
          Path file = Path.of(d.getSource().toUri());
          found.add(new Mark(base.relativize(file).toString(), d.getLineNumber(), name.group(1)));
        }
      }
      if (!Boolean.TRUE.equals(ok) || !errors.isEmpty()) {
        throw new AssertionError("compilation failed:\n" + String.join("\n", errors) + out);
      }
      return ImmutableSortedSet.copyOf(found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> javaFiles(Path... roots) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("readonce-marked");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

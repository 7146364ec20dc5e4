package dev.readonce.checker.metamorphic;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.util.JavacTask;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.SnapshotNotPassed;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Compiles many small units in one in-process javac run under Error Prone with only the seven
 * ReadOnce checks, each unit in its own package so that units with the same class names can share
 * one run. A unit that does not compile is reported as such and the others are compiled again
 * without it, so one bad unit cannot hide the others' findings.
 */
public final class VariantCompiler {

  /** The seven checks, each a rule the verdicts are keyed by. */
  public static final List<Class<? extends BugChecker>> CHECKS =
      List.of(
          UnlockedReread.class,
          PlainSlotRead.class,
          SnapshotNotPassed.class,
          MissingRevalidation.class,
          DescentWithoutPointerCheck.class,
          UnlockedSlotWrite.class,
          UnknownContractName.class);

  private static final Pattern CHECK_MESSAGE = Pattern.compile("^\\[([^\\]]+)\\] ");
  private static final String FINDING = "compiler.err.error.prone";
  private static final String CRASH = "compiler.err.error.prone.crash";

  /**
   * What to compile as one unit.
   *
   * @param pkg the package the unit's files are put in
   * @param judged the files whose findings count
   * @param shared files the judged ones compile against
   */
  public record Unit(String pkg, List<SourceFile> judged, List<SourceFile> shared) {}

  /**
   * A finding (or, with rule {@code CRASH:<check>}, a check's crash) in a judged file.
   *
   * @param file the file name
   * @param line 1-based line in the compiled text ({@link #text} of the file)
   * @param column 1-based column
   * @param rule the check's name
   * @param message the first line of the message
   */
  public record Found(String file, int line, int column, String rule, String message) {}

  /**
   * What one unit's compilation gave.
   *
   * @param found the findings in judged files
   * @param errors compiler errors; non-empty means the unit did not compile
   */
  public record Outcome(List<Found> found, List<String> errors) {}

  private final Path root;
  private final List<Class<? extends BugChecker>> checks;

  /** Writes units under {@code root} (a fresh directory per run is the caller's business). */
  public VariantCompiler(Path root) {
    this(root, CHECKS);
  }

  /**
   * The same, with Error Prone running the checks in the given order (which decides whose edit
   * patch mode keeps when two fixes overlap).
   */
  public VariantCompiler(Path root, List<Class<? extends BugChecker>> checks) {
    this.root = root;
    this.checks = List.copyOf(checks);
  }

  /** The text a file of a unit is compiled as: its package, then the file's text. */
  public static String text(Unit unit, SourceFile file) {
    return "package " + unit.pkg() + ";\n" + file.text();
  }

  /** Where a unit's file is written. */
  public Path path(Unit unit, SourceFile file) {
    return root.resolve(unit.pkg()).resolve(file.name());
  }

  /** Compiles the units, writing their files first; {@code extraOptions} go to Error Prone. */
  public Map<String, Outcome> compile(List<Unit> units, List<String> extraOptions) {
    units.forEach(this::write);
    return compileWritten(units, extraOptions);
  }

  /** Compiles units already on disk (as {@link #compile} or a patch left them). */
  public Map<String, Outcome> compileWritten(List<Unit> units, List<String> extraOptions) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    List<Unit> left = new ArrayList<>(units);
    while (!left.isEmpty()) {
      Map<String, List<Found>> found = new LinkedHashMap<>();
      Map<String, List<String>> errors = new LinkedHashMap<>();
      run(left, extraOptions, found, errors);
      if (errors.isEmpty()) {
        for (Unit u : left) {
          out.put(u.pkg(), new Outcome(found.getOrDefault(u.pkg(), List.of()), List.of()));
        }
        break;
      }
      for (Map.Entry<String, List<String>> e : errors.entrySet()) {
        out.put(e.getKey(), new Outcome(List.of(), e.getValue()));
      }
      Set<String> bad = new HashSet<>(errors.keySet());
      if (bad.contains("")) {
        throw new IllegalStateException("javac failed outside any unit: " + errors.get(""));
      }
      left.removeIf(u -> bad.contains(u.pkg()));
    }
    return out;
  }

  private void write(Unit unit) {
    try {
      for (SourceFile f : concat(unit.shared(), unit.judged())) {
        Path p = path(unit, f);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text(unit, f), UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write unit " + unit.pkg() + " under " + root, e);
    }
  }

  private void run(
      List<Unit> units,
      List<String> extraOptions,
      Map<String, List<Found>> found,
      Map<String, List<String>> errors) {
    BaseErrorProneJavaCompiler compiler =
        new BaseErrorProneJavaCompiler(
            ScannerSupplier.fromBugCheckerClasses(ImmutableList.copyOf(checks)));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<Path, String[]> owner = new LinkedHashMap<>();
    Set<Path> judged = new HashSet<>();
    for (Unit u : units) {
      for (SourceFile f : concat(u.shared(), u.judged())) {
        owner.put(path(u, f).toAbsolutePath().normalize(), new String[] {u.pkg(), f.name()});
      }
      u.judged().forEach(f -> judged.add(path(u, f).toAbsolutePath().normalize()));
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath());
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  new StringWriter(),
                  files,
                  diagnostics,
                  options(extraOptions, root.resolve("classes")),
                  null,
                  files.getJavaFileObjectsFromPaths(owner.keySet()));
      if (extraOptions.isEmpty()) {
        task.analyze();
      } else {
        // Patch mode writes its edits when the whole compilation ends, which analyze() never
        // reaches; so run it to the end, with class files going to a scratch directory.
        task.call();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Path file =
          d.getSource() == null
              ? null
              : Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
      String[] where = file == null ? null : owner.get(file);
      String message = d.getMessage(Locale.ROOT);
      String first = message.lines().findFirst().orElse("");
      Matcher m = CHECK_MESSAGE.matcher(first);
      boolean finding = FINDING.equals(d.getCode()) && m.find();
      boolean crash = CRASH.equals(d.getCode());
      if ((finding || crash) && where != null) {
        if (judged.contains(file)) {
          String rule = finding ? m.group(1) : "CRASH";
          found
              .computeIfAbsent(where[0], k -> new ArrayList<>())
              .add(
                  new Found(
                      where[1],
                      (int) d.getLineNumber(),
                      (int) Math.max(1, d.getColumnNumber()),
                      rule,
                      crash ? crashSummary(message) : first));
        }
        continue;
      }
      errors
          .computeIfAbsent(where == null ? "" : where[0], k -> new ArrayList<>())
          .add((where == null ? "" : where[1] + ":" + d.getLineNumber() + ": ") + first);
    }
  }

  private static String crashSummary(String message) {
    return message.lines().limit(3).collect(Collectors.joining(" | "));
  }

  private List<String> options(List<String> extra, Path classes) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-proc:none",
            "-implicit:none",
            "-encoding",
            "UTF-8",
            "-Xlint:none",
            "-nowarn",
            "-Xmaxerrs",
            "100000",
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "-XepDisableAllChecks"));
    for (Class<? extends BugChecker> check : checks) {
      options.add("-Xep:" + check.getSimpleName() + ":ERROR");
    }
    if (!extra.isEmpty()) {
      options.add("-d");
      options.add(classes.toString());
    }
    options.addAll(extra);
    return options;
  }

  private static List<Path> classPath() {
    return Pattern.compile(java.io.File.pathSeparator)
        .splitAsStream(System.getProperty("java.class.path"))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList();
  }

  private static List<SourceFile> concat(List<SourceFile> a, List<SourceFile> b) {
    List<SourceFile> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

package dev.readonce.realcode;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.util.JavacTask;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.SnapshotNotPassed;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Compiles one corpus class in-process with javac and Error Prone, only the six ReadOnce checks on,
 * at ERROR (as the review gate does), and collects their findings. Analysis only: no class file is
 * written. One runner compiles many sources in one JVM.
 */
public final class CheckRunner {

  /** The six checks. */
  public static final List<Class<? extends BugChecker>> CHECKS =
      List.of(
          UnlockedReread.class,
          PlainSlotRead.class,
          SnapshotNotPassed.class,
          MissingRevalidation.class,
          DescentWithoutPointerCheck.class,
          UnlockedSlotWrite.class);

  /** The check names, as Error Prone reports them. */
  public static final List<String> RULES =
      CHECKS.stream().map(Class::getSimpleName).collect(Collectors.toUnmodifiableList());

  private static final String FINDING_CODE = "compiler.err.error.prone";
  private static final Pattern CHECK_MESSAGE = Pattern.compile("^\\[([^\\]]+)\\] (.*)$");

  private final ScannerSupplier scanners;

  public CheckRunner() {
    this.scanners = ScannerSupplier.fromBugCheckerClasses(CHECKS);
  }

  /**
   * Writes {@code source} as the class's file under {@code root} (with its shims) and compiles it.
   */
  public CheckResult run(PreparedClass prepared, String source, Path root) throws IOException {
    List<Path> sources = prepared.write(source, root);
    return compile(
        sources, prepared.classpath(), prepared.javacOptions(root), prepared.declarations(), root);
  }

  /**
   * Compiles the sources under the six checks with the declarations, reporting paths under root.
   */
  public CheckResult compile(
      List<Path> sources,
      List<Path> classpath,
      List<String> extraOptions,
      List<Path> declarations,
      Path root)
      throws IOException {
    BaseErrorProneJavaCompiler compiler = new BaseErrorProneJavaCompiler(scanners);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  new StringWriter(),
                  files,
                  diagnostics,
                  options(extraOptions, declarations),
                  null,
                  files.getJavaFileObjectsFromPaths(sources));
      try {
        task.analyze();
      } catch (RuntimeException | Error e) {
        // A check that throws aborts the whole compilation: report it as an error (never as
        // "no findings").
        List<String> errors = new ArrayList<>(sort(diagnostics.getDiagnostics(), root).errors());
        errors.add(root.relativize(sources.get(0)) + ": crash: " + firstLine(String.valueOf(e)));
        return new CheckResult(List.of(), List.copyOf(errors));
      }
    }
    return sort(diagnostics.getDiagnostics(), root);
  }

  private static List<String> options(List<String> extraOptions, List<Path> declarations) {
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of("-proc:none", "-implicit:none", "-encoding", "UTF-8", "-Xlint:none", "-nowarn"));
    options.addAll(List.of("-Xmaxerrs", "100000", "-Xmaxwarns", "100000"));
    options.addAll(List.of("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW"));
    options.addAll(extraOptions);
    options.add("-XepDisableAllChecks");
    for (String rule : RULES) {
      options.add("-Xep:" + rule + ":ERROR");
    }
    options.addAll(PreparedClass.declarationsOption(declarations));
    return options;
  }

  private static CheckResult sort(
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Path root) {
    List<Finding> findings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String message = d.getMessage(Locale.ROOT);
      String first = message.lines().findFirst().orElse("").strip();
      String file = d.getSource() == null ? "<none>" : relative(root, d.getSource());
      Matcher m = CHECK_MESSAGE.matcher(first);
      if (FINDING_CODE.equals(d.getCode()) && m.matches() && RULES.contains(m.group(1))) {
        findings.add(
            new Finding(
                m.group(1), file, (int) d.getLineNumber(), (int) d.getColumnNumber(), m.group(2)));
      } else {
        errors.add(file + ":" + d.getLineNumber() + ": " + first);
      }
    }
    return new CheckResult(List.copyOf(findings), List.copyOf(errors));
  }

  private static String firstLine(String s) {
    return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(s);
  }

  private static String relative(Path root, JavaFileObject source) {
    Path p = Path.of(source.toUri());
    return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
  }
}

package dev.readonce.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BaseErrorProneJavaCompiler;
import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.InvalidCommandLineOptionException;
import com.google.errorprone.ReadOnceDescriptionTap;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.scanner.ScannerSupplier;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTaskImpl;
import com.sun.tools.javac.api.JavacTool;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * Compiles sources in-process with javac under Error Prone, running the given checks, and stops
 * after analysis: no class file is written and nothing of the analysed code is loaded or run. Every
 * search path is set explicitly: left unset, javac would fall back to this JVM's own class path
 * (the ReadOnce jar) for classes, sources and processors.
 */
public final class ReadOnceJavac {

  private ReadOnceJavac() {}

  /**
   * Runs one compilation.
   *
   * @throws IllegalArgumentException for an option javac or Error Prone rejects
   * @throws IOException if the file manager cannot be set up
   */
  public static AnalysisResult compile(
      AnalysisRequest request, List<Class<? extends BugChecker>> checks) throws IOException {
    ErrorProneOptions errorProne;
    try {
      errorProne = ErrorProneOptions.processArgs(request.options());
    } catch (InvalidCommandLineOptionException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    JavacTool javac = JavacTool.create();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<CheckFinding> findings = new ArrayList<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, request.classpath());
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, request.sourcepath());
      files.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
      List<JavaFileObject> units = new ArrayList<>();
      for (Path source : request.sources()) {
        String text = request.unsaved().get(source);
        if (text == null) {
          files.getJavaFileObjects(source).forEach(units::add);
        } else {
          units.add(new Unsaved(source.toUri(), text));
        }
      }
      JavacTask task =
          javac.getTask(
              new StringWriter(), files, diagnostics, errorProne.getRemainingArgs(), null, units);
      task.addTaskListener(new StopOnInterrupt());
      var context = ((BasicJavacTask) task).getContext();
      BaseErrorProneJavaCompiler.setupMessageBundle(context);
      task.addTaskListener(
          ReadOnceDescriptionTap.analyzer(
              ScannerSupplier.fromBugCheckerClasses(checks),
              errorProne,
              context,
              (description, unit) -> findings.add(finding(description, unit))));
      if (request.sourcepath().isEmpty()) {
        task.analyze();
      } else {
        // Only the given files: classes javac reads from the source path are entered for their
        // signatures but not attributed, flowed or checked (a plain analyze() would do all of
        // that for every source file they pull in, seconds on a walker-sized project).
        JavacTaskImpl impl = (JavacTaskImpl) task;
        impl.analyze(impl.enter(impl.parse()));
      }
    }
    return new AnalysisResult(
        ImmutableList.copyOf(diagnostics.getDiagnostics()), ImmutableList.copyOf(findings));
  }

  private static CheckFinding finding(Description description, JCCompilationUnit unit) {
    DiagnosticPosition position = description.position;
    EndPosTable ends = unit.endPositions;
    int start = position.getStartPosition();
    int end = ends == null ? start : Math.max(start, position.getEndPosition(ends));
    int reported = position.getPreferredPosition();
    ImmutableList.Builder<SuggestedEdit> fixes = ImmutableList.builder();
    for (Fix fix : description.fixes) {
      if (!fix.isEmpty() && ends != null) {
        fixes.add(edits(fix, unit, ends));
      }
    }
    return new CheckFinding(
        description.checkName,
        Path.of(unit.getSourceFile().toUri()),
        start,
        end,
        Math.toIntExact(unit.getLineMap().getLineNumber(reported)),
        Math.toIntExact(unit.getLineMap().getColumnNumber(reported)),
        firstLine(description.getRawMessage()),
        description.getLink() == null ? "" : description.getLink(),
        description.severity().name(),
        fixes.build());
  }

  private static SuggestedEdit edits(Fix fix, JCCompilationUnit unit, EndPosTable ends) {
    List<TextEdit> edits = new ArrayList<>();
    for (Replacement r : fix.getReplacements(ends)) {
      edits.add(new TextEdit(r.startPosition(), r.endPosition(), r.replaceWith()));
    }
    if (!fix.getImportsToAdd().isEmpty()) {
      int at = importPosition(unit, ends);
      StringBuilder imports = new StringBuilder();
      for (String statement : fix.getImportsToAdd()) {
        imports.append(at == 0 ? "" : "\n").append(statement).append(';');
      }
      edits.add(new TextEdit(at, at, at == 0 ? imports + "\n" : imports.toString()));
    }
    edits.sort(Comparator.comparingInt(TextEdit::start));
    String title = fix.getShortDescription();
    return new SuggestedEdit(
        title == null || title.isBlank() ? "Apply the suggested fix" : title,
        ImmutableList.copyOf(edits));
  }

  /** Just after the last import, else after the package declaration, else the file's start. */
  private static int importPosition(JCCompilationUnit unit, EndPosTable ends) {
    List<? extends ImportTree> imports = unit.getImports();
    if (!imports.isEmpty()) {
      return ((JCTree) imports.get(imports.size() - 1)).getEndPosition(ends);
    }
    if (unit.getPackage() != null) {
      return ((JCTree) unit.getPackage()).getEndPosition(ends);
    }
    return 0;
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  /** A source file's editor contents, under the file's own URI. */
  private static final class Unsaved extends SimpleJavaFileObject {
    private final String text;

    Unsaved(URI uri, String text) {
      super(uri, Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}

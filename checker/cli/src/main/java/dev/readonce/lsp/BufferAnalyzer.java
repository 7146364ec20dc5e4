package dev.readonce.lsp;

import com.google.common.collect.ImmutableList;
import dev.readonce.analysis.AnalysisRequest;
import dev.readonce.analysis.AnalysisResult;
import dev.readonce.analysis.CheckDocs;
import dev.readonce.analysis.CheckFinding;
import dev.readonce.analysis.ReadOnceChecks;
import dev.readonce.analysis.ReadOnceJavac;
import dev.readonce.checker.ReadOnceConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.tools.JavaFileObject;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Compiles one document's unsaved text with the ReadOnce checks in its project (the project's other
 * sources on the source path, its class path and flags) and turns what javac said about that
 * document into LSP diagnostics: the findings, at their exact range, and the compiler's own errors,
 * so half-typed code shows why it is not checked.
 */
final class BufferAnalyzer implements Analysis {

  /** javac's codes for Error Prone's diagnostics; findings come from the descriptions instead. */
  private static final String FINDING_CODE = "compiler.err.error.prone";

  private static final String CRASH_CODE = "compiler.err.error.prone.crash";

  private final Path annotations;
  private final Path docsCache;
  private final Optional<String> docsUrl;

  BufferAnalyzer(Path annotations, Path docsCache, Optional<String> docsUrl) {
    this.annotations = annotations;
    this.docsCache = docsCache;
    this.docsUrl = docsUrl;
  }

  @Override
  public Analyzed analyze(
      Project project, Path file, int version, String text, Consumer<String> problems)
      throws IOException {
    List<Path> classpath = new ArrayList<>(project.classpath());
    classpath.add(annotations);
    AnalysisResult result =
        ReadOnceJavac.compile(
            new AnalysisRequest(
                List.of(file),
                Map.of(file, text),
                project.sourceRoots(),
                classpath,
                options(project)),
            ReadOnceChecks.all());
    LineIndex lines = new LineIndex(text);
    ImmutableList.Builder<Analyzed.Entry> entries = ImmutableList.builder();
    boolean compileErrors = false;
    List<javax.tools.Diagnostic<? extends JavaFileObject>> crashes = new ArrayList<>();
    for (javax.tools.Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
      boolean here = d.getSource() != null && sameFile(d.getSource().toUri(), file);
      if (d.getSource() == null && d.getKind() != javax.tools.Diagnostic.Kind.NOTE) {
        // About the project, not the text: a declarations file, a flag.
        problems.accept(firstLine(d.getMessage(Locale.ROOT)));
        continue;
      }
      if (!here || d.getKind() != javax.tools.Diagnostic.Kind.ERROR) {
        continue;
      }
      if (CRASH_CODE.equals(d.getCode())) {
        crashes.add(d);
      } else if (!FINDING_CODE.equals(d.getCode())) {
        compileErrors = true;
        entries.add(new Analyzed.Entry(compilerError(d, lines), Optional.empty()));
      }
    }
    // A check that trips over code javac already rejected says nothing useful about it.
    if (!compileErrors) {
      for (javax.tools.Diagnostic<? extends JavaFileObject> crash : crashes) {
        Diagnostic diagnostic = compilerError(crash, lines);
        diagnostic.setSource("ReadOnce");
        diagnostic.setMessage(
            "ReadOnce internal error (please report it): "
                + firstLine(crash.getMessage(Locale.ROOT)));
        entries.add(new Analyzed.Entry(diagnostic, Optional.empty()));
      }
    }
    for (CheckFinding finding : result.findings()) {
      if (finding.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
        entries.add(new Analyzed.Entry(diagnostic(finding, lines), Optional.of(finding)));
      }
    }
    return new Analyzed(version, lines, entries.build());
  }

  private ImmutableList<String> options(Project project) {
    ImmutableList.Builder<String> options = ImmutableList.builder();
    options.add("-proc:none", "-implicit:none", "-encoding", "UTF-8", "-Xlint:none");
    options.add("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW");
    options.add("-XepDisableAllChecks");
    for (String check : ReadOnceChecks.names()) {
      options.add("-Xep:" + check);
    }
    // The project's flags come after, so its severities win; flags for checks that are not
    // ReadOnce's (the build runs all of Error Prone) must not stop the compilation.
    options.add("-XepIgnoreUnknownCheckNames");
    docsUrl.ifPresent(url -> options.add("-XepOpt:" + ReadOnceConfig.DOCS_BASE_URL + "=" + url));
    options.addAll(project.options());
    return options.build();
  }

  private Diagnostic diagnostic(CheckFinding finding, LineIndex lines) {
    Diagnostic d = new Diagnostic();
    d.setRange(lines.range(finding.start(), finding.end()));
    d.setMessage(finding.message());
    d.setSource("ReadOnce");
    d.setCode(Either.forLeft(finding.check()));
    d.setSeverity(
        switch (finding.severity()) {
          case "ERROR" -> DiagnosticSeverity.Error;
          case "WARNING" -> DiagnosticSeverity.Warning;
          default -> DiagnosticSeverity.Information;
        });
    href(finding).ifPresent(href -> d.setCodeDescription(new DiagnosticCodeDescription(href)));
    return d;
  }

  /** The finding's link when it is a URL; otherwise the page copied out of the jar. */
  private Optional<String> href(CheckFinding finding) {
    try {
      URI link = URI.create(finding.link());
      if (link.isAbsolute()) {
        return Optional.of(link.toString());
      }
    } catch (IllegalArgumentException e) {
      // Not a URI: fall back to the local copy.
    }
    return CheckDocs.localLink(docsCache, finding.check());
  }

  private static Diagnostic compilerError(
      javax.tools.Diagnostic<? extends JavaFileObject> d, LineIndex lines) {
    long position = d.getPosition();
    long start = d.getStartPosition() >= 0 ? d.getStartPosition() : position;
    long end = d.getEndPosition() >= 0 ? d.getEndPosition() : start;
    Diagnostic diagnostic = new Diagnostic();
    diagnostic.setRange(lines.range((int) Math.max(0, start), (int) Math.max(0, end)));
    diagnostic.setMessage(d.getMessage(Locale.ROOT));
    diagnostic.setSource("javac");
    if (d.getCode() != null) {
      diagnostic.setCode(Either.forLeft(d.getCode()));
    }
    diagnostic.setSeverity(DiagnosticSeverity.Error);
    return diagnostic;
  }

  private static boolean sameFile(URI uri, Path file) {
    try {
      return Path.of(uri).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }
}

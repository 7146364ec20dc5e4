package dev.readonce.gate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.util.JavacTask;
import dev.readonce.analysis.AnalysisRequest;
import dev.readonce.analysis.AnalysisResult;
import dev.readonce.analysis.ReadOnceJavac;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.gate.Compilation.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles sources in-process under Error Prone with only the ReadOnce checks, at ERROR (the front
 * ends' one compile path, {@link ReadOnceJavac}), and sorts javac's diagnostics into findings,
 * compiler errors and check crashes.
 *
 * <p>It analyses only: no annotation processor of the analysed project runs ({@code -proc:none},
 * and the processor path is empty so no other Error Prone plugin is picked up either), no class
 * file is written ({@link JavacTask#analyze()} stops after flow analysis), and nothing of the
 * analysed code is loaded or run.
 */
final class CompilationRunner {

  /** Error Prone reports a check's diagnostic under these javac keys. */
  private static final String FINDING_CODE = "compiler.err.error.prone";

  private static final String CRASH_CODE = "compiler.err.error.prone.crash";
  private static final String WARNING_CODE = "compiler.warn.error.prone";

  /**
   * The checker's own warnings (a declarations entry whose class is not on the class path, an
   * annotation naming a parameter that a class file does not name) reach javac as messages of
   * the processing environment, under this key; javac prints them, so Maven shows them.
   */
  private static final String MESSAGER_WARNING_CODE = "compiler.warn.proc.messager";

  /** {@code [CheckName] message}, as Error Prone formats a check's diagnostic. */
  private static final Pattern CHECK_MESSAGE = Pattern.compile("^\\[([^\\]]+)\\] (.*)$");

  /**
   * What to compile and how.
   *
   * @param sources the files to analyse
   * @param classpath what they compile against
   * @param source the {@code --source} level, if given
   * @param release the {@code --release} level, if given
   * @param declarations declarations files for the checker
   */
  record Request(
      List<Path> sources,
      List<Path> classpath,
      Optional<String> source,
      Optional<String> release,
      List<Path> declarations) {}

  private CompilationRunner() {}

  static Compilation run(Request request) throws BadInputException {
    ImmutableList<Class<? extends BugChecker>> checks =
        RuleInfo.ALL.stream().map(RuleInfo::check).collect(ImmutableList.toImmutableList());
    AnalysisResult result;
    try {
      result =
          ReadOnceJavac.compile(
              new AnalysisRequest(
                  request.sources(),
                  Map.of(),
                  List.of(),
                  request.classpath(),
                  options(request)),
              checks);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("invalid compiler option: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInputException("cannot set up the compiler: " + e.getMessage(), e);
    }
    return sort(result.diagnostics());
  }

  private static List<String> options(Request request) {
    List<String> options = new ArrayList<>();
    options.add("-proc:none");
    // javac stops reporting after 100 errors or warnings by default; a gate must see them all.
    options.add("-Xmaxerrs");
    options.add(String.valueOf(Integer.MAX_VALUE));
    options.add("-Xmaxwarns");
    options.add(String.valueOf(Integer.MAX_VALUE));
    options.add("-implicit:none");
    options.add("-encoding");
    options.add("UTF-8");
    // javac's own lint warnings are not the gate's business: sort() drops them. Not -Xlint:none,
    // which on JDK 17 also silences the checker's own warnings (a declarations entry whose class
    // is not on the class path), and the user must see those.
    // What Error Prone requires of javac's pipeline.
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    request.source().ifPresent(level -> addAll(options, "--source", level));
    request.release().ifPresent(level -> addAll(options, "--release", level));
    options.add("-XepDisableAllChecks");
    for (RuleInfo rule : RuleInfo.ALL) {
      options.add("-Xep:" + rule.name() + ":ERROR");
    }
    if (!request.declarations().isEmpty()) {
      options.add(
          "-XepOpt:"
              + ReadOnceConfig.DECLARATIONS
              + "="
              + request.declarations().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(",")));
    }
    return options;
  }

  private static void addAll(List<String> list, String... values) {
    list.addAll(List.of(values));
  }

  private static Compilation sort(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    ImmutableList.Builder<Finding> findings = ImmutableList.builder();
    ImmutableList.Builder<Problem> errors = ImmutableList.builder();
    ImmutableList.Builder<Problem> crashes = ImmutableList.builder();
    ImmutableList.Builder<Problem> warnings = ImmutableList.builder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      String message = d.getMessage(Locale.ROOT);
      Optional<Path> file = fileOf(d);
      switch (d.getKind()) {
        case ERROR -> {
          Optional<Finding> finding = asFinding(d, file, message);
          if (finding.isPresent()) {
            findings.add(finding.get());
          } else if (CRASH_CODE.equals(d.getCode())) {
            crashes.add(problem(d, file, crashSummary(message)));
          } else {
            errors.add(problem(d, file, compilerMessage(message)));
          }
        }
        case WARNING, MANDATORY_WARNING -> {
          if (WARNING_CODE.equals(d.getCode()) || MESSAGER_WARNING_CODE.equals(d.getCode())) {
            warnings.add(problem(d, file, firstLine(message)));
          }
        }
        default -> {}
      }
    }
    return new Compilation(findings.build(), errors.build(), crashes.build(), warnings.build());
  }

  private static Optional<Finding> asFinding(
      Diagnostic<? extends JavaFileObject> d, Optional<Path> file, String message) {
    if (!FINDING_CODE.equals(d.getCode()) || file.isEmpty() || d.getLineNumber() <= 0) {
      return Optional.empty();
    }
    Matcher m = CHECK_MESSAGE.matcher(firstLine(message));
    if (!m.matches() || RuleInfo.named(m.group(1)).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            m.group(1),
            file.get(),
            (int) d.getLineNumber(),
            (int) Math.max(1, d.getColumnNumber()),
            m.group(2).strip()));
  }

  private static Optional<Path> fileOf(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return Optional.empty();
    }
    Path path = Path.of(d.getSource().toUri());
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException e) {
      return Optional.of(path.toAbsolutePath().normalize());
    }
  }

  private static Problem problem(
      Diagnostic<? extends JavaFileObject> d, Optional<Path> file, String message) {
    return new Problem(
        file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()), message);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).strip();
  }

  /** The first line, plus javac's {@code symbol:} detail, which names what is missing. */
  private static String compilerMessage(String message) {
    String first = firstLine(message);
    for (String line : Splitter.on('\n').split(message)) {
      String detail = line.strip();
      if (detail.startsWith("symbol:")) {
        return first + " (" + detail.replaceAll("\\s+", " ") + ")";
      }
    }
    return first;
  }

  /** Which check crashed and with what, from Error Prone's multi-line crash report. */
  private static String crashSummary(String message) {
    String check = "a ReadOnce check";
    String exception = firstLine(message);
    boolean inTrace = false;
    for (String line : Splitter.on('\n').split(message)) {
      String s = line.strip();
      if (s.startsWith("BugPattern:")) {
        check = s.substring("BugPattern:".length()).strip();
      } else if (s.startsWith("Stack Trace:")) {
        inTrace = true;
      } else if (inTrace && !s.isEmpty()) {
        exception = s;
        break;
      }
    }
    return check + " crashed: " + exception;
  }
}

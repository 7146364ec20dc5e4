package dev.readonce.consumer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code build.log} of one invoker project, split into its Maven runs, with the compiler
 * diagnostics of each run; the verify scripts assert on it.
 *
 * <p>It reads the format of maven-compiler-plugin 3.x: {@code [ERROR] /abs/File.java:[line,col]
 * [CheckName] message}, continuation lines indented below it. The plugin prints each diagnostic
 * twice when the build fails (as it compiles, and again in the failure summary); a diagnostic is
 * kept once.
 */
public final class BuildLog {

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final String RUN_START = "[INFO] Scanning for projects...";
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^\\[(ERROR|WARNING)\\] (\\S+\\.java):\\[(\\d+),(\\d+)\\] (.*)$");
  private static final Pattern CHECK = Pattern.compile("^\\[(\\w+)\\] (.*)$");
  // Indented under the diagnostic; the failure summary repeats it with "[ERROR] " in front.
  private static final Pattern CONTINUATION = Pattern.compile("^(?:\\[ERROR\\] )? {2,}(\\S.*)$");

  private final List<Run> runs;

  private BuildLog(List<Run> runs) {
    this.runs = List.copyOf(runs);
  }

  /** Reads {@code build.log} in an invoker project's directory. */
  public static BuildLog read(File projectDir) {
    Path log = projectDir.toPath().resolve("build.log");
    try {
      return parse(Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  static BuildLog parse(String text) {
    List<Run> runs = new ArrayList<>();
    List<String> current = null;
    for (String raw : ANSI.matcher(text).replaceAll("").lines().toList()) {
      if (raw.equals(RUN_START)) {
        if (current != null) {
          runs.add(Run.of(current));
        }
        current = new ArrayList<>();
      }
      if (current != null) {
        current.add(raw);
      }
    }
    if (current != null) {
      runs.add(Run.of(current));
    }
    return new BuildLog(runs);
  }

  /** The Maven runs, in order (invoker appends one per {@code invoker.goals.N}). */
  public List<Run> runs() {
    return runs;
  }

  /** The only run; fails if the log holds more or fewer. */
  public Run onlyRun() {
    if (runs.size() != 1) {
      throw new IllegalStateException("expected one Maven run in build.log, found " + runs.size());
    }
    return runs.get(0);
  }

  /** One Maven invocation. */
  public static final class Run {
    private final String text;
    private final List<Diagnostic> diagnostics;

    private Run(String text, List<Diagnostic> diagnostics) {
      this.text = text;
      this.diagnostics = List.copyOf(diagnostics);
    }

    static Run of(List<String> lines) {
      Map<String, Diagnostic> unique = new LinkedHashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        Matcher at = DIAGNOSTIC.matcher(lines.get(i));
        if (!at.matches()) {
          continue;
        }
        StringBuilder message = new StringBuilder();
        String check = null;
        Matcher named = CHECK.matcher(at.group(5));
        if (named.matches()) {
          check = named.group(1);
          message.append(named.group(2));
        } else {
          message.append(at.group(5));
        }
        for (int j = i + 1; j < lines.size(); j++) {
          Matcher more = CONTINUATION.matcher(lines.get(j));
          if (!more.matches()) {
            break;
          }
          message.append('\n').append(more.group(1));
        }
        Diagnostic diagnostic =
            new Diagnostic(
                at.group(1),
                Path.of(at.group(2)),
                Integer.parseInt(at.group(3)),
                Integer.parseInt(at.group(4)),
                check,
                message.toString());
        unique.putIfAbsent(diagnostic.toString(), diagnostic);
      }
      return new Run(String.join("\n", lines), new ArrayList<>(unique.values()));
    }

    /** Every compiler diagnostic at a source position, once each, in the order first printed. */
    public List<Diagnostic> diagnostics() {
      return diagnostics;
    }

    /** {@link #diagnostics()} as their one-line summaries, for comparing with a list. */
    public List<String> summaries() {
      return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    public boolean succeeded() {
      return text.contains("\n[INFO] BUILD SUCCESS");
    }

    public boolean failed() {
      return text.contains("\n[INFO] BUILD FAILURE");
    }

    /**
     * How many source files javac was given in this run (0 if the compiler found nothing stale).
     */
    public int compiledFiles() {
      Matcher compiling =
          Pattern.compile("\\[INFO\\] Compiling (\\d+) source files?").matcher(text);
      int total = 0;
      while (compiling.find()) {
        total += Integer.parseInt(compiling.group(1));
      }
      return total;
    }

    public String text() {
      return text;
    }
  }

  /**
   * One diagnostic: {@code severity} is Maven's {@code ERROR} or {@code WARNING}, {@code check} the
   * Error Prone check name (null for a plain javac diagnostic or a crash report), {@code message}
   * the text after the check name with its continuation lines (the "see" link, the suggested fix).
   */
  public record Diagnostic(
      String severity, Path file, int line, int column, String check, String message) {

    /**
     * {@code ERROR Lookup.java:[22,36] [UnlockedReread]}, or the message's first line if no check.
     */
    @Override
    public String toString() {
      String what = check != null ? "[" + check + "]" : message.lines().findFirst().orElse("");
      return severity + " " + file.getFileName() + ":[" + line + "," + column + "] " + what;
    }
  }
}

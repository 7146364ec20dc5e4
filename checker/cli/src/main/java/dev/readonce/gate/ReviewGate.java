package dev.readonce.gate;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code readonce} command: parses the command line and runs the gate. */
@Command(
    name = "readonce",
    mixinStandardHelpOptions = true,
    versionProvider = GateVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "Runs the ReadOnce checks on Java sources, in javac with only those checks enabled, and"
          + " reports their findings for review tools. It never runs the analysed code.",
      "",
      "Without PATH it checks the sample walker bundled in its jar and prints what it finds per"
          + " package."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding fails the gate (or --write-baseline wrote the baseline)",
      "1:findings fail the gate (after --since and --baseline)",
      "2:bad input: a missing path, sources that do not compile, a bad baseline, an unknown git"
          + " ref, an unwritable output, a bad option",
      "3:internal error in the gate or a check (please report it)"
    },
    footer = {
      "",
      "Examples:",
      "  readonce",
      "  readonce --classpath \"$(cat cp.txt)\" src/main/java",
      "  readonce --since origin/main -f github,sarif -o sarif=out.sarif src/main/java",
      "  readonce --write-baseline readonce-baseline.json src/main/java",
      "  readonce --baseline readonce-baseline.json src/main/java"
    })
public final class ReviewGate implements Callable<Integer> {

  @Mixin private GateOptions options = new GateOptions();

  private final PrintStream out;
  private final PrintStream err;
  private final BundledSample.Source sample;

  private ReviewGate(PrintStream out, PrintStream err, BundledSample.Source sample) {
    this.out = out;
    this.err = err;
    this.sample = sample;
  }

  public static void main(String[] args) {
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the gate as the command line would, returning the exit code instead of exiting. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, BundledSample.fromJar(), args);
  }

  static int run(PrintStream out, PrintStream err, BundledSample.Source sample, String... args) {
    CommandLine commandLine = new CommandLine(new ReviewGate(out, err, sample));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new PrintWriter(out, true, Charset.defaultCharset()));
    commandLine.setErr(new PrintWriter(err, true, Charset.defaultCharset()));
    commandLine.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println(
              "readonce: " + BadInputException.oneLine(e.getMessage()) + " (see readonce --help)");
          return ExitCode.BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          err.println("readonce: internal error: " + e + "; please report it");
          e.printStackTrace(err);
          return ExitCode.INTERNAL_ERROR;
        });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() {
    try {
      return new GateRun(options, out, err, sample).run();
    } catch (BadInputException e) {
      err.println("readonce: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}

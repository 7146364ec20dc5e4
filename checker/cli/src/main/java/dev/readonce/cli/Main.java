package dev.readonce.cli;

import dev.readonce.gate.ReviewGate;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code readonce} command: {@code check} (the review gate, also what runs when no sub-command
 * is named, so {@code readonce [OPTIONS] [PATH...]} keeps working), {@code lsp} and {@code
 * explain}.
 */
@Command(
    name = "readonce",
    mixinStandardHelpOptions = true,
    versionProvider = CliVersion.class,
    usageHelpAutoWidth = true,
    description = {
      "ReadOnce: checks for lock-free readers of shared slots (read once, pass the snapshot,"
          + " re-validate after locking, descend through a checked pointer).",
      "",
      "Without a sub-command, the arguments go to `check`: `readonce [OPTIONS] [PATH...]` is"
          + " `readonce check [OPTIONS] [PATH...]`."
    },
    subcommands = {CheckCommand.class, LspCommand.class, ExplainCommand.class},
    commandListHeading = "%nCommands:%n")
public final class Main implements Runnable {

  private static final Set<String> OWN =
      Set.of("lsp", "explain", "help", "-h", "--help", "-V", "--version");

  private final PrintStream out;

  private Main(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    System.exit(run(System.in, System.out, System.err, args));
  }

  /** Runs the command as the command line would, returning the exit code. */
  public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
    if (args.length > 0 && args[0].equals("check")) {
      return ReviewGate.run(out, err, Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length == 0 || !OWN.contains(args[0])) {
      return ReviewGate.run(out, err, args);
    }
    CommandLine commandLine = new CommandLine(new Main(out), new Factory(in, out, err));
    commandLine.setOut(new PrintWriter(out, true, Charset.defaultCharset()));
    commandLine.setErr(new PrintWriter(err, true, Charset.defaultCharset()));
    commandLine.setParameterExceptionHandler(
        (e, arguments) -> {
          err.println("readonce: " + e.getMessage() + " (see readonce --help)");
          return 2;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          err.println("readonce: internal error: " + e + "; please report it");
          e.printStackTrace(err);
          return 3;
        });
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(out);
  }

  /** Makes the sub-commands with the streams of this run. */
  private record Factory(InputStream in, PrintStream out, PrintStream err)
      implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == ExplainCommand.class) {
        return type.cast(new ExplainCommand(out, err));
      }
      if (type == LspCommand.class) {
        return type.cast(new LspCommand(in, out, err));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}

package dev.readonce.cli;

import dev.readonce.lsp.ReadOnceLanguageServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code readonce lsp}: the language server, speaking LSP over standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description = {
      "Run the ReadOnce language server on standard input and output, as editors start it:"
          + " diagnostics while you type, quick fixes as code actions. See the README's \"Use it"
          + " in your IDE\"."
    })
final class LspCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--analysis-timeout",
      paramLabel = "<seconds>",
      defaultValue = "30",
      description =
          "Give up on one analysis of a file after this many seconds (default: ${DEFAULT-VALUE}):"
              + " the file then shows an information diagnostic saying so, and its next edit is"
              + " analysed afresh. An analysis that a newer edit supersedes is cancelled anyway.")
  long analysisTimeoutSeconds;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  LspCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    if (analysisTimeoutSeconds <= 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--analysis-timeout must be a positive number of seconds, not "
              + analysisTimeoutSeconds);
    }
    // Standard output carries the protocol and nothing else: whatever a library prints goes to
    // standard error instead.
    PrintStream protocol = out;
    if (out == System.out) {
      System.setOut(err);
    }
    return ReadOnceLanguageServer.serve(
        in, protocol, err, Duration.ofSeconds(analysisTimeoutSeconds));
  }
}

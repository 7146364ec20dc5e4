package dev.readonce.cli;

import dev.readonce.lsp.ReadOnceLanguageServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

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
    // Standard output carries the protocol and nothing else: whatever a library prints goes to
    // standard error instead.
    PrintStream protocol = out;
    if (out == System.out) {
      System.setOut(err);
    }
    return ReadOnceLanguageServer.serve(in, protocol, err);
  }
}

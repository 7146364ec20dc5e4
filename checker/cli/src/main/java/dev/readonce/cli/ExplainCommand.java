package dev.readonce.cli;

import dev.readonce.analysis.CheckDocs;
import dev.readonce.analysis.ReadOnceChecks;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code readonce explain <Check>}: prints a check's documentation page from the jar. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Print a check's documentation page (Markdown) from the ReadOnce jar. Without CHECK, list"
          + " the checks."
    })
final class ExplainCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..1",
      paramLabel = "CHECK",
      description = "A check's name, as in diagnostics (any letter case), e.g. UnlockedReread")
  private String check;

  private final PrintStream out;
  private final PrintStream err;

  ExplainCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (check == null) {
      out.println("The ReadOnce checks (readonce explain CHECK prints one's page):");
      ReadOnceChecks.names().forEach(name -> out.println("  " + name));
      return 0;
    }
    Optional<String> name =
        ReadOnceChecks.names().stream().filter(n -> n.equalsIgnoreCase(check.strip())).findFirst();
    if (name.isEmpty()) {
      err.println(
          "readonce: explain: no check named '"
              + check
              + "'; the checks are "
              + String.join(", ", ReadOnceChecks.names()));
      return 2;
    }
    Optional<String> page = CheckDocs.page(name.get());
    if (page.isEmpty()) {
      err.println(
          "readonce: explain: this jar has no page for "
              + name.get()
              + " (it was built without checker/docs)");
      return 3;
    }
    out.print(page.get());
    return 0;
  }
}

package dev.readonce.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.analysis.ReadOnceChecks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The {@code readonce} command's sub-commands, and {@code check} as the default. */
class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        args);
  }

  @Test
  void withoutASubCommandTheArgumentsGoToTheGate() {
    assertEquals(2, run("no/such/dir"));
    assertTrue(err.toString(UTF_8).contains("no/such/dir"), err.toString(UTF_8));
  }

  @Test
  void checkIsTheGate() {
    assertEquals(0, run("check", "--version"));
    assertTrue(out.toString(UTF_8).startsWith("ReadOnce review gate "), out.toString(UTF_8));
  }

  @Test
  void helpListsTheSubCommands() {
    assertEquals(0, run("--help"));
    String help = out.toString(UTF_8);
    assertTrue(help.contains("check") && help.contains("lsp") && help.contains("explain"), help);
  }

  @Test
  void lspDocumentsItsAnalysisTimeout() {
    assertEquals(0, run("lsp", "--help"));
    String help = out.toString(UTF_8);
    assertTrue(help.contains("--analysis-timeout=<seconds>"), help);
    assertTrue(help.contains("(default: 30)"), help);
  }

  @Test
  void lspRejectsATimeoutThatIsNotPositive() {
    assertEquals(2, run("lsp", "--analysis-timeout=0"));
    assertEquals("", out.toString(UTF_8));
    assertTrue(
        err.toString(UTF_8)
            .contains("--analysis-timeout must be a positive number of seconds, not 0"),
        err.toString(UTF_8));
  }

  @Test
  void explainPrintsTheChecksPageFromTheJar() {
    assertEquals(0, run("explain", "missingrevalidation"));
    String page = out.toString(UTF_8);
    assertTrue(page.startsWith("# MissingRevalidation\n"), page);
    assertTrue(page.contains("@SuppressWarnings(\"MissingRevalidation\")"), page);
  }

  @Test
  void everyCheckHasAPage() {
    for (String check : ReadOnceChecks.names()) {
      out.reset();
      assertEquals(0, run("explain", check), check);
      assertTrue(out.toString(UTF_8).startsWith("# " + check + "\n"), check);
    }
  }

  @Test
  void explainWithoutACheckListsThem() {
    assertEquals(0, run("explain"));
    assertEquals(
        ReadOnceChecks.names(), out.toString(UTF_8).lines().skip(1).map(String::strip).toList());
  }

  @Test
  void explainOfAnUnknownCheckIsBadInput() {
    assertEquals(2, run("explain", "ReadTwice"));
    assertEquals("", out.toString(UTF_8));
    assertTrue(
        err.toString(UTF_8)
            .startsWith(
                "readonce: explain: no check named 'ReadTwice'; the checks are UnlockedReread,"),
        err.toString(UTF_8));
  }
}

package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac 17 itself crashes on some half-typed text (an internal assertion in its flow analysis,
 * {@code Flow$AliveAnalyzer.clearPendingExits}; LspFuzzTest meets two such buffers in 1,000 edits,
 * and this is one of them, reduced). The server, a process of its own as an editor starts it,
 * reports that version with an information diagnostic and the crash in its log, and goes on: it
 * answers a code action and analyses the next version.
 */
class JavacCrashTest {

  /** A fuzzed edit of the walker's P4d.java, reduced line by line while javac still crashed. */
  private static final String CRASHES_JAVAC =
      """
      pu*/blic final class P4d {
        public static boolean p4dNone(long p4d) {
        }
        pup4d) {
        pup4d) {
          return (p4d
      """;

  @Test
  void aFailureOutsideJavacIsTheAnalysisAndAsksForAReport() {
    IllegalStateException bug = new IllegalStateException("boom");
    bug.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("dev.readonce.checker.dataflow.SlotTransfer", "read", null, 1),
          new StackTraceElement("com.sun.tools.javac.main.JavaCompiler", "flow", null, 2)
        });
    assertEquals(
        "the analysis failed on it (java.lang.IllegalStateException: boom in"
            + " dev.readonce.checker.dataflow.SlotTransfer.read; please report it)",
        ReadOnceTextDocuments.culprit(bug));
  }

  @Test
  void javacCrashIsReportedAndTheServerGoesOn(@TempDir Path dir) throws Exception {
    // The crash is javac 17's (the build's JDK); another javac may accept or reject the text.
    assumeTrue(Runtime.version().feature() == 17, "javac " + Runtime.version() + " is not 17");
    Files.writeString(
        dir.resolve(OverrideFile.NAME), "{\"sourceRoots\": [\"src/main/java\"]}", UTF_8);
    Path file = Files.createDirectories(dir.resolve("src/main/java")).resolve("P4d.java");
    Files.writeString(file, CRASHES_JAVAC, UTF_8);
    try (LspSession session = LspSession.start(dir)) {
      session.open(file, CRASHES_JAVAC);
      PublishDiagnosticsParams crashed = session.await(file, p -> p.getVersion() == 1);
      assertEquals(1, crashed.getDiagnostics().size(), crashed.toString());
      Diagnostic said = crashed.getDiagnostics().get(0);
      assertEquals(DiagnosticSeverity.Information, said.getSeverity());
      assertEquals(
          "ReadOnce could not analyse this version of the file: javac failed on it"
              + " (java.lang.AssertionError in"
              + " com.sun.tools.javac.comp.Flow$AliveAnalyzer.clearPendingExits); it will try"
              + " again on the next edit",
          said.getMessage());
      String log = session.log();
      assertTrue(log.contains("(version 1) failed: java.lang.AssertionError"), log);
      assertTrue(log.contains("Flow$AliveAnalyzer"), log);

      assertEquals(
          List.of(),
          session
              .server
              .getTextDocumentService()
              .codeAction(
                  new CodeActionParams(
                      new TextDocumentIdentifier(file.toUri().toString()),
                      new Range(new Position(0, 0), new Position(1, 0)),
                      new CodeActionContext(List.of())))
              .get(1, TimeUnit.MINUTES));
      session.change(file, 2, "final class P4d {\n  int x = \"not an int\";\n}\n");
      PublishDiagnosticsParams next = session.await(file, p -> p.getVersion() == 2);
      assertEquals(1, next.getDiagnostics().size(), next.toString());
      assertEquals(DiagnosticSeverity.Error, next.getDiagnostics().get(0).getSeverity());
      assertTrue(
          next.getDiagnostics().get(0).getMessage().contains("incompatible types"),
          next.toString());
      assertTrue(session.process.isAlive(), "the server died");
    }
  }
}

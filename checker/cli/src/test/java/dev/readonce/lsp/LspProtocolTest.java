package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code readonce lsp} driven over JSON-RPC on its standard streams, as an editor drives it:
 * initialize, open, diagnostics, edit, code action, apply, diagnostics gone, shutdown, exit.
 */
class LspProtocolTest {

  private static final String MODEL = "{\"sourceRoots\": [\"src/main/java\"]}";

  @Test
  void quickFixesClearTheFindingsOfAnOpenBuffer(@TempDir Path dir) throws Exception {
    Path file = Fixture.copy(dir, MODEL);
    String text = Files.readString(file, UTF_8);
    try (LspSession session = LspSession.start(dir)) {
      session.open(file, text);
      PublishDiagnosticsParams first = session.await(file, p -> !p.getDiagnostics().isEmpty());
      Diagnostic reread = only(first, "UnlockedReread");
      Diagnostic plain = only(first, "PlainSlotRead");
      assertEquals(2, first.getDiagnostics().size(), first.toString());
      assertTrue(plain.getMessage().startsWith("plain read of slot 'entry'"), plain.getMessage());

      // The exact range of the second `entry.get()` in `Entries.isLeaf(entry.get())`.
      int start = text.indexOf("entry.get()", text.indexOf("Entries.isLeaf(entry.get())"));
      assertEquals(start, LspSession.offset(text, reread.getRange().getStart()));
      assertEquals(
          start + "entry.get()".length(), LspSession.offset(text, reread.getRange().getEnd()));
      assertEquals(DiagnosticSeverity.Error, reread.getSeverity());
      assertEquals("ReadOnce", reread.getSource());
      assertTrue(reread.getMessage().startsWith("slot 'entry' read again"), reread.getMessage());
      // No docs URL configured: the link opens the page copied out of the jar.
      Path page = Path.of(URI.create(reread.getCodeDescription().getHref()));
      assertEquals("UnlockedReread.md", page.getFileName().toString());
      assertTrue(Files.readString(page, UTF_8).startsWith("# UnlockedReread"));

      // An edit elsewhere: the findings move with the text.
      String edited = "// edited\n" + text;
      session.change(file, 2, edited);
      PublishDiagnosticsParams second = session.await(file, p -> p.getVersion() == 2);
      assertEquals(
          reread.getRange().getStart().getLine() + 1,
          only(second, "UnlockedReread").getRange().getStart().getLine());

      // Fix the double read with its quick fix; the other finding stays.
      String fixed = applyQuickFix(session, file, edited, only(second, "UnlockedReread"));
      assertFalse(fixed.equals(edited));
      session.change(file, 3, fixed);
      PublishDiagnosticsParams third = session.await(file, p -> p.getVersion() == 3);
      assertEquals(List.of("PlainSlotRead"), codes(third), third.toString());

      // And the plain read: nothing left.
      String clean = applyQuickFix(session, file, fixed, only(third, "PlainSlotRead"));
      assertTrue(clean.contains("return entry.get();"), clean);
      session.change(file, 4, clean);
      PublishDiagnosticsParams fourth = session.await(file, p -> p.getVersion() == 4);
      assertEquals(List.of(), fourth.getDiagnostics());

      session.server.shutdown().get(30, TimeUnit.SECONDS);
      session.server.exit();
      assertTrue(session.process.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
      assertEquals(0, session.process.exitValue(), session.log());
    }
  }

  @Test
  void halfTypedCodeGetsTheCompilersErrorsAndLaterCodeIsCheckedAgain(@TempDir Path dir)
      throws Exception {
    Path file = Fixture.copy(dir, MODEL);
    String text = Files.readString(file, UTF_8);
    try (LspSession session = LspSession.start(dir)) {
      String broken =
          text.replace(
              "return Entries.isLeaf(entry.get()) ? 1 : 2;", "return Entries.isLeaf(entry.get(");
      session.open(file, broken);
      PublishDiagnosticsParams errors = session.await(file, p -> !p.getDiagnostics().isEmpty());
      assertTrue(
          errors.getDiagnostics().stream().allMatch(d -> d.getSource().equals("javac")),
          errors.toString());
      session.change(file, 2, text);
      PublishDiagnosticsParams findings = session.await(file, p -> p.getVersion() == 2);
      assertEquals(List.of("UnlockedReread", "PlainSlotRead"), codes(findings));
    }
  }

  @Test
  void whatItCannotResolveItSaysOnce(@TempDir Path dir) throws Exception {
    Path file = Fixture.copy(dir, "{\"sourceRoots\": [\"src/main/java\"], \"classpath\": 3}");
    String text = Files.readString(file, UTF_8);
    try (LspSession session = LspSession.start(dir)) {
      session.open(file, text);
      session.await(file, p -> !p.getDiagnostics().isEmpty());
      session.change(file, 2, text + "\n");
      session.await(file, p -> p.getVersion() == 2);
      List<String> said =
          session.messages.stream()
              .filter(m -> m.getType() == MessageType.Warning)
              .map(m -> m.getMessage())
              .toList();
      assertEquals(1, said.size(), said.toString());
      assertTrue(said.get(0).contains("\"classpath\" must be an array of strings"), said.get(0));
    }
  }

  private static String applyQuickFix(LspSession session, Path file, String text, Diagnostic d)
      throws Exception {
    CodeActionParams params =
        new CodeActionParams(
            new TextDocumentIdentifier(file.toUri().toString()),
            d.getRange(),
            new CodeActionContext(List.of(d)));
    List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions =
        session.server.getTextDocumentService().codeAction(params).get(30, TimeUnit.SECONDS);
    assertFalse(actions.isEmpty(), "no code action for " + d);
    CodeAction action = actions.get(0).getRight();
    assertEquals(CodeActionKind.QuickFix, action.getKind());
    assertEquals(
        List.of(d.getCode()), action.getDiagnostics().stream().map(Diagnostic::getCode).toList());
    List<TextEdit> edits = action.getEdit().getChanges().get(file.toUri().toString());
    return LspSession.apply(text, edits);
  }

  private static Diagnostic only(PublishDiagnosticsParams p, String check) {
    List<Diagnostic> found =
        p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals(check)).toList();
    assertEquals(1, found.size(), p.toString());
    return found.get(0);
  }

  private static List<String> codes(PublishDiagnosticsParams p) {
    return p.getDiagnostics().stream().map(d -> d.getCode().getLeft()).toList();
  }
}

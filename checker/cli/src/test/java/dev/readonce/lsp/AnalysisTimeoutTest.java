package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analysis that does not end (a pathological buffer) is given up after the per-analysis timeout,
 * and one that a newer version supersedes is cancelled; either way the server goes on answering.
 * The analysis is a stand-in that blocks until interrupted, so nothing here depends on how fast
 * the machine is: the short timeout always expires, the long one never does.
 */
class AnalysisTimeoutTest {

  @TempDir Path dir;

  private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logged, true, UTF_8);
  private ScheduledExecutorService worker;
  private ReadOnceTextDocuments documents;
  private Path file;

  @BeforeEach
  void project() throws Exception {
    // A project model of its own, so that no pom above the temporary directory is read.
    Files.writeString(dir.resolve(OverrideFile.NAME), "{\"sourceRoots\": [\".\"]}", UTF_8);
    file = dir.resolve("T.java");
    worker = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterEach
  void stop() {
    if (documents != null) {
      documents.stop();
    }
    worker.shutdownNow();
  }

  @Test
  void analysisPastTheTimeoutIsGivenUpAndTheServerGoesOn() throws Exception {
    Stuck analysis = new Stuck(Set.of(1));
    start(Duration.ofMillis(200), analysis);

    open("class T {}");
    PublishDiagnosticsParams first = next();
    assertEquals(1, first.getVersion());
    assertEquals(1, first.getDiagnostics().size());
    assertEquals(DiagnosticSeverity.Information, first.getDiagnostics().get(0).getSeverity());
    assertEquals(
        "ReadOnce gave up analysing this version of the file after 200 ms (readonce lsp"
            + " --analysis-timeout); it will try again on the next edit",
        first.getDiagnostics().get(0).getMessage());
    assertTrue(analysis.interrupted.await(2, TimeUnit.MINUTES), "the compile was not cancelled");
    assertTrue(
        logged.toString(UTF_8).contains("(version 1) took longer than 200 ms: gave up"),
        logged.toString(UTF_8));

    // Still serving: a code action is answered, and the next version is analysed.
    assertEquals(List.of(), codeActions().get(1, TimeUnit.MINUTES));
    change(2, "class T { }");
    PublishDiagnosticsParams second = next();
    assertEquals(2, second.getVersion());
    assertEquals(List.of(), second.getDiagnostics());
  }

  @Test
  void newerVersionCancelsTheRunningAnalysis() throws Exception {
    Stuck analysis = new Stuck(Set.of(1));
    start(Duration.ofMinutes(10), analysis);

    open("class T {}");
    assertTrue(analysis.started.await(2, TimeUnit.MINUTES), "version 1 was never analysed");
    change(2, "class T { }");
    assertTrue(analysis.interrupted.await(2, TimeUnit.MINUTES), "version 1 was not cancelled");
    PublishDiagnosticsParams first = next();
    assertEquals(2, first.getVersion(), "version 1 must publish nothing: " + first);
    assertEquals(List.of(), first.getDiagnostics());
    assertTrue(!logged.toString(UTF_8).contains("took longer"), logged.toString(UTF_8));
  }

  private void start(Duration timeout, Analysis analysis) {
    documents =
        new ReadOnceTextDocuments(
            worker,
            0,
            timeout,
            new Projects(new MavenProjectReader("mvn")),
            analysis,
            new ClientMessages(log),
            log);
    documents.connect(new Client(published));
  }

  private void open(String text) {
    documents.didOpen(
        new DidOpenTextDocumentParams(
            new TextDocumentItem(file.toUri().toString(), "java", 1, text)));
  }

  private void change(int version, String text) {
    documents.didChange(
        new DidChangeTextDocumentParams(
            new VersionedTextDocumentIdentifier(file.toUri().toString(), version),
            List.of(new TextDocumentContentChangeEvent(text))));
  }

  private CompletableFuture<?> codeActions() {
    return documents.codeAction(
        new CodeActionParams(
            new TextDocumentIdentifier(file.toUri().toString()),
            new Range(new Position(0, 0), new Position(0, 1)),
            new CodeActionContext(List.of())));
  }

  private PublishDiagnosticsParams next() throws InterruptedException {
    PublishDiagnosticsParams p = published.poll(2, TimeUnit.MINUTES);
    assertNotNull(p, "nothing was published; log: " + logged.toString(UTF_8));
    return p;
  }

  /** Blocks on the given versions until interrupted; answers the others with no diagnostics. */
  private static final class Stuck implements Analysis {
    final Set<Integer> stuck;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);

    Stuck(Set<Integer> stuck) {
      this.stuck = stuck;
    }

    @Override
    public Analyzed analyze(
        Project project, Path file, int version, String text, Consumer<String> problems) {
      if (!stuck.contains(version)) {
        return new Analyzed(version, new LineIndex(text), ImmutableList.of());
      }
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        Thread.currentThread().interrupt();
      }
      throw new CancellationException("interrupted");
    }
  }

  private static final class Client implements LanguageClient {
    private final BlockingQueue<PublishDiagnosticsParams> published;

    Client(BlockingQueue<PublishDiagnosticsParams> published) {
      this.published = published;
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams message) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}

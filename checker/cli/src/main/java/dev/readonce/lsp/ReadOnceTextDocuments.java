package dev.readonce.lsp;

import dev.readonce.analysis.CheckFinding;
import dev.readonce.analysis.SuggestedEdit;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open documents: each change schedules an analysis of the unsaved text on the one worker
 * thread (debounced, so typing does not queue a compilation per key), whose diagnostics replace the
 * document's previous ones; quick fixes are answered from the last analysis, never by waiting for
 * one. The compilation itself runs on a thread of its own, bounded by a timeout (a pathological
 * buffer must not stop the server from answering) and cancelled as soon as a newer version of the
 * document supersedes it.
 */
final class ReadOnceTextDocuments implements TextDocumentService {

  private final ScheduledExecutorService worker;
  private final long debounceMillis;
  private final Duration timeout;
  private final Projects projects;
  private final Analysis analyzer;
  private final ClientMessages messages;
  private final PrintStream log;
  private volatile LanguageClient client;

  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final Map<String, Analyzed> analyzed = new ConcurrentHashMap<>();
  private final Map<String, Future<Analyzed>> running = new ConcurrentHashMap<>();

  /**
   * Runs the compilations, a thread each as needed: one the worker gave up on may still be running
   * (javac stops only between steps, {@code StopOnInterrupt}) while the next one starts.
   */
  private final ExecutorService compiles;

  /** A document's latest text. */
  private record Open(Path file, int version, String text) {}

  ReadOnceTextDocuments(
      ScheduledExecutorService worker,
      long debounceMillis,
      Duration timeout,
      Projects projects,
      Analysis analyzer,
      ClientMessages messages,
      PrintStream log) {
    this.worker = worker;
    this.debounceMillis = debounceMillis;
    this.timeout = timeout;
    AtomicInteger threads = new AtomicInteger();
    this.compiles =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "readonce-compile-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.projects = projects;
    this.analyzer = analyzer;
    this.messages = messages;
    this.log = log;
  }

  void connect(LanguageClient client) {
    this.client = client;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Optional<Path> file = file(uri);
    if (file.isEmpty()) {
      messages.once(
          MessageType.Warning, "cannot check " + uri + ": only file: documents are checked");
      return;
    }
    open.put(
        uri,
        new Open(
            file.get(), params.getTextDocument().getVersion(), params.getTextDocument().getText()));
    schedule(uri, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    Open before = open.get(uri);
    if (before == null) {
      return;
    }
    String text = before.text();
    for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
      // The server asks for full synchronization; a ranged change is applied all the same.
      text = change.getRange() == null ? change.getText() : apply(text, change);
    }
    open.put(uri, new Open(before.file(), params.getTextDocument().getVersion(), text));
    schedule(uri, debounceMillis);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    if (open.containsKey(params.getTextDocument().getUri())) {
      schedule(params.getTextDocument().getUri(), 0);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    String uri = params.getTextDocument().getUri();
    open.remove(uri);
    ScheduledFuture<?> waiting = pending.remove(uri);
    if (waiting != null) {
      waiting.cancel(false);
    }
    cancelRunning(uri);
    analyzed.remove(uri);
    publish(new PublishDiagnosticsParams(uri, List.of()));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    Open doc = open.get(uri);
    Analyzed last = analyzed.get(uri);
    List<Either<Command, CodeAction>> actions = new ArrayList<>();
    if (doc == null || last == null || last.version() != doc.version()) {
      // The fixes' offsets are those of the analysed text; on newer text they would corrupt it.
      return CompletableFuture.completedFuture(actions);
    }
    for (Analyzed.Entry entry : last.entries()) {
      if (entry.finding().isEmpty()
          || !overlaps(entry.diagnostic().getRange(), params.getRange())) {
        continue;
      }
      CheckFinding finding = entry.finding().get();
      boolean first = true;
      for (SuggestedEdit fix : finding.fixes()) {
        CodeAction action = new CodeAction(fix.title() + " (" + finding.check() + ")");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(entry.diagnostic()));
        action.setIsPreferred(first);
        List<TextEdit> edits = new ArrayList<>();
        for (dev.readonce.analysis.TextEdit edit : fix.edits()) {
          edits.add(new TextEdit(last.lines().range(edit.start(), edit.end()), edit.text()));
        }
        action.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        actions.add(Either.forRight(action));
        first = false;
      }
    }
    return CompletableFuture.completedFuture(actions);
  }

  /** Analyses each open document again, e.g. after its project model changed. */
  void reanalyzeAll() {
    open.keySet().forEach(uri -> schedule(uri, 0));
  }

  /** Stops the compilations still running, e.g. at shutdown. */
  void stop() {
    compiles.shutdownNow();
  }

  private void schedule(String uri, long delayMillis) {
    // A running analysis of an older version would only publish stale diagnostics: stop it.
    cancelRunning(uri);
    pending.compute(
        uri,
        (key, previous) -> {
          if (previous != null) {
            previous.cancel(false);
          }
          return worker.schedule(() -> analyze(uri), delayMillis, TimeUnit.MILLISECONDS);
        });
  }

  private void analyze(String uri) {
    Open doc = open.get(uri);
    if (doc == null) {
      return;
    }
    Future<Analyzed> compile = null;
    try {
      Project project = projects.forFile(doc.file());
      project.problems().forEach(p -> messages.once(MessageType.Warning, p));
      compile =
          compiles.submit(
              () ->
                  analyzer.analyze(
                      project,
                      doc.file(),
                      doc.version(),
                      doc.text(),
                      p -> messages.once(MessageType.Warning, p)));
      running.put(uri, compile);
      Open now = open.get(uri);
      if (now == null || now.version() != doc.version()) {
        compile.cancel(true); // superseded between reading the document and now
      }
      Analyzed result = compile.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (open.get(uri) == null) {
        return;
      }
      analyzed.put(uri, result);
      publish(new PublishDiagnosticsParams(uri, result.diagnostics(), doc.version()));
    } catch (CancellationException e) {
      // A newer version (or closing the document) superseded this one; its own analysis follows.
    } catch (TimeoutException e) {
      compile.cancel(true);
      log.println(
          "readonce lsp: analysing "
              + doc.file()
              + " (version "
              + doc.version()
              + ") took longer than "
              + seconds(timeout)
              + ": gave up (raise it with readonce lsp --analysis-timeout=<seconds>)");
      failed(
          uri,
          doc,
          "ReadOnce gave up analysing this version of the file after "
              + seconds(timeout)
              + " (readonce lsp --analysis-timeout); it will try again on the next edit");
    } catch (InterruptedException e) {
      // The server is shutting down.
      compile.cancel(true);
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RuntimeException | Error e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof VirtualMachineError fatal && !(cause instanceof StackOverflowError)) {
        throw fatal;
      }
      // javac itself can fail on some broken text (an AssertionError deep in attribution): the
      // server says so for this version and goes on with the next.
      log.println(
          "readonce lsp: analysing "
              + doc.file()
              + " (version "
              + doc.version()
              + ") failed: "
              + cause);
      cause.printStackTrace(log);
      failed(
          uri,
          doc,
          "ReadOnce could not analyse this version of the file: "
              + culprit(cause)
              + "; it will try again on the next edit");
    } finally {
      if (compile != null) {
        running.remove(uri, compile);
      }
    }
  }

  /** Replaces the document's diagnostics with one saying why this version has none. */
  private void failed(String uri, Open doc, String message) {
    if (open.get(uri) == null) {
      return;
    }
    Diagnostic failed = new Diagnostic();
    failed.setRange(new Range(new Position(0, 0), new Position(0, 0)));
    failed.setSeverity(DiagnosticSeverity.Information);
    failed.setSource("ReadOnce");
    failed.setMessage(message);
    analyzed.remove(uri);
    publish(new PublishDiagnosticsParams(uri, List.of(failed), doc.version()));
  }

  /**
   * Who failed, and where: javac itself (it has internal assertions that some broken text trips)
   * or the analysis, which is a bug to report.
   */
  static String culprit(Throwable t) {
    StackTraceElement where = null;
    for (StackTraceElement frame : t.getStackTrace()) {
      if (!frame.getClassName().equals("com.sun.tools.javac.util.Assert")) {
        where = frame;
        break;
      }
    }
    String at =
        where == null ? "" : " in " + where.getClassName() + "." + where.getMethodName();
    return where != null && where.getClassName().startsWith("com.sun.tools.javac.")
        ? "javac failed on it (" + t + at + ")"
        : "the analysis failed on it (" + t + at + "; please report it)";
  }

  private void cancelRunning(String uri) {
    Future<Analyzed> current = running.get(uri);
    if (current != null) {
      current.cancel(true);
    }
  }

  private static String seconds(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private void publish(PublishDiagnosticsParams params) {
    LanguageClient c = client;
    if (c != null) {
      c.publishDiagnostics(params);
    }
  }

  private static boolean overlaps(Range a, Range b) {
    return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
  }

  private static boolean before(org.eclipse.lsp4j.Position p, org.eclipse.lsp4j.Position q) {
    return p.getLine() < q.getLine()
        || (p.getLine() == q.getLine() && p.getCharacter() < q.getCharacter());
  }

  private static String apply(String text, TextDocumentContentChangeEvent change) {
    LineOffsets offsets = new LineOffsets(text);
    int start = offsets.offset(change.getRange().getStart());
    int end = offsets.offset(change.getRange().getEnd());
    return text.substring(0, start) + change.getText() + text.substring(Math.max(start, end));
  }

  private static Optional<Path> file(String uri) {
    try {
      URI parsed = URI.create(uri);
      return "file".equals(parsed.getScheme()) ? Optional.of(Path.of(parsed)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Offsets of LSP positions in a text, for ranged changes. */
  private record LineOffsets(String text) {
    int offset(org.eclipse.lsp4j.Position position) {
      int line = 0;
      int i = 0;
      while (line < position.getLine() && i < text.length()) {
        if (text.charAt(i++) == '\n') {
          line++;
        }
      }
      return Math.min(text.length(), i + position.getCharacter());
    }
  }
}

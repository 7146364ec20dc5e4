package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An editor's side of an LSP session with {@code readonce lsp} started as its own process, talking
 * JSON-RPC over the process's standard input and output as editors do.
 */
final class LspSession implements AutoCloseable {

  final Process process;
  final LanguageServer server;
  final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
  final List<MessageParams> messages = new CopyOnWriteArrayList<>();
  final Path stderr;

  private LspSession(Process process, LanguageServer server, Path stderr) {
    this.process = process;
    this.server = server;
    this.stderr = stderr;
  }

  /** Starts the server process in {@code workspace} and initializes it. */
  static LspSession start(Path workspace) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Splitter.onPattern("\\s+")
        .omitEmptyStrings()
        .split(System.getProperty("javac.internals", ""))
        .forEach(command::add);
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.readonce.cli.Main");
    command.add("lsp");
    Path stderr = Files.createTempFile("readonce-lsp-test", ".err");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile());
    builder.environment().put("XDG_CACHE_HOME", workspace.resolve(".cache").toString());
    Process process = builder.redirectError(stderr.toFile()).start();
    return connect(process, process.getInputStream(), process.getOutputStream(), stderr, workspace);
  }

  /**
   * Runs the server in this JVM on piped streams (still JSON-RPC), with the given debounce, so a
   * test can replay many edits quickly and watch this JVM's heap.
   */
  static LspSession inProcess(Path workspace, long debounceMillis) throws Exception {
    Path stderr = Files.createTempFile("readonce-lsp-test", ".err");
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream serverOut = new PipedOutputStream(clientIn);
    PrintStream log = new PrintStream(Files.newOutputStream(stderr), true, UTF_8);
    Thread thread =
        new Thread(
            () -> {
              try {
                ReadOnceLanguageServer.serve(serverIn, serverOut, log, debounceMillis);
              } catch (IOException e) {
                e.printStackTrace(log);
              }
            },
            "readonce-lsp-under-test");
    thread.setDaemon(true);
    thread.start();
    return connect(null, clientIn, clientOut, stderr, workspace);
  }

  private static LspSession connect(
      Process process, InputStream in, OutputStream out, Path stderr, Path workspace)
      throws Exception {
    Client client = new Client();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, in, out);
    var unused = launcher.startListening();
    LspSession session = new LspSession(process, launcher.getRemoteProxy(), stderr);
    client.session = session;
    InitializeParams init = new InitializeParams();
    init.setProcessId((int) ProcessHandle.current().pid());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "test")));
    init.setCapabilities(new ClientCapabilities());
    session.server.initialize(init).get(60, TimeUnit.SECONDS);
    session.server.initialized(new InitializedParams());
    return session;
  }

  void open(Path file, String text) {
    server
        .getTextDocumentService()
        .didOpen(
            new DidOpenTextDocumentParams(
                new TextDocumentItem(file.toUri().toString(), "java", 1, text)));
  }

  void change(Path file, int version, String text) {
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(file.toUri().toString(), version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** The first diagnostics published for {@code file} that match, waiting up to two minutes. */
  PublishDiagnosticsParams await(Path file, Predicate<PublishDiagnosticsParams> wanted)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    String uri = file.toUri().toString();
    while (System.nanoTime() < deadline) {
      PublishDiagnosticsParams p = diagnostics.poll(1, TimeUnit.SECONDS);
      if (p != null && p.getUri().equals(uri) && wanted.test(p)) {
        return p;
      }
    }
    assertNotNull(null, "no matching diagnostics for " + file + "; server log:\n" + log());
    return null;
  }

  String log() throws IOException {
    return Files.readString(stderr, UTF_8);
  }

  /** Applies LSP text edits (non-overlapping) to a text, as an editor does. */
  static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
            .thenComparing(e -> e.getRange().getStart().getCharacter())
            .reversed());
    String result = text;
    for (TextEdit edit : sorted) {
      int start = offset(result, edit.getRange().getStart());
      int end = offset(result, edit.getRange().getEnd());
      result = result.substring(0, start) + edit.getNewText() + result.substring(end);
    }
    return result;
  }

  static int offset(String text, org.eclipse.lsp4j.Position position) {
    int line = 0;
    int i = 0;
    while (line < position.getLine()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return i + position.getCharacter();
  }

  @Override
  public void close() throws IOException {
    if (process != null && process.isAlive()) {
      // A polite signal first, so the server's shutdown hook removes its scratch directory.
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Files.deleteIfExists(stderr);
  }

  /** Records what the server sends. */
  private static final class Client implements LanguageClient {
    volatile LspSession session;

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      session.diagnostics.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams message) {
      session.messages.add(message);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams request) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}

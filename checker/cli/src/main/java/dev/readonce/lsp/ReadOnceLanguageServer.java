package dev.readonce.lsp;

import dev.readonce.analysis.CheckDocs;
import dev.readonce.cli.CliVersion;
import dev.readonce.gate.BundledAnnotations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code readonce lsp}: the ReadOnce checks as a language server. Diagnostics for the unsaved text
 * of every open Java file, the check's name as the code and a link to its page; its suggested fixes
 * as quick fixes. The project model (class path, flags, source roots) comes from the project's
 * {@code pom.xml} or a {@code .readonce-lsp.json}.
 */
public final class ReadOnceLanguageServer implements LanguageServer, LanguageClientAware {

  /** How long typing must pause before the document is compiled again. */
  static final long DEBOUNCE_MILLIS = 250;

  /**
   * How long one analysis of a document may take before the server gives up on it and says so
   * ({@code readonce lsp --analysis-timeout}): well above a walker-sized file's second or so on a
   * loaded machine, well below what a user waits before thinking the server hung.
   */
  public static final Duration DEFAULT_ANALYSIS_TIMEOUT = Duration.ofSeconds(30);

  private final ScheduledExecutorService worker;
  private final ClientMessages messages;
  private final Projects projects;
  private final ReadOnceTextDocuments documents;
  private final Workspace workspace = new Workspace();
  private final Path scratch;
  private volatile boolean shutdown;

  ReadOnceLanguageServer(
      PrintStream log, String mavenCommand, long debounceMillis, Duration analysisTimeout)
      throws IOException {
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "readonce-analysis");
              t.setDaemon(true);
              return t;
            });
    this.messages = new ClientMessages(log);
    this.projects = new Projects(new MavenProjectReader(mavenCommand));
    this.scratch = Files.createTempDirectory("readonce-lsp-");
    // An editor that ends the server with a signal instead of `exit` must not leave it behind.
    Path scratchDir = scratch;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteRecursively(scratchDir), "readonce-lsp-cleanup"));
    Path annotations = BundledAnnotations.classpathEntry(scratch);
    this.documents =
        new ReadOnceTextDocuments(
            worker,
            debounceMillis,
            analysisTimeout,
            projects,
            new BufferAnalyzer(annotations, docsCache(), CheckDocs.configuredUrl()),
            messages,
            log);
  }

  /**
   * Serves one client on these streams until it exits or closes them.
   *
   * @return the process exit code: 0 after {@code shutdown} then {@code exit}, else 1
   */
  public static int serve(
      InputStream in, OutputStream out, PrintStream log, Duration analysisTimeout)
      throws IOException {
    return serve(in, out, log, DEBOUNCE_MILLIS, analysisTimeout);
  }

  static int serve(InputStream in, OutputStream out, PrintStream log, long debounceMillis)
      throws IOException {
    return serve(in, out, log, debounceMillis, DEFAULT_ANALYSIS_TIMEOUT);
  }

  private static int serve(
      InputStream in,
      OutputStream out,
      PrintStream log,
      long debounceMillis,
      Duration analysisTimeout)
      throws IOException {
    ReadOnceLanguageServer server =
        new ReadOnceLanguageServer(
            log,
            System.getenv().getOrDefault("READONCE_MVN", "mvn"),
            debounceMillis,
            analysisTimeout);
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    try {
      launcher.startListening().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.println("readonce lsp: the connection failed: " + e.getCause());
    } finally {
      server.stop();
    }
    return server.shutdown ? 0 : 1;
  }

  @Override
  public void connect(LanguageClient client) {
    messages.connect(client);
    documents.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    capabilities.setTextDocumentSync(sync);
    capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("readonce", CliVersion.version())));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    worker.shutdownNow();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    stop();
    // The client may keep the streams open after exit; the process ends here, as LSP requires.
    Runtime.getRuntime().halt(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  private void stop() {
    worker.shutdownNow();
    documents.stop();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteRecursively(scratch);
  }

  /** Where the docs pages are copied for links when no docs URL is set (per version). */
  private static Path docsCache() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("readonce").resolve("docs-" + CliVersion.version());
  }

  private static void deleteRecursively(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is not worth failing for.
    }
  }

  /** Refreshes project models when the client reports their files changed. */
  private final class Workspace implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      // No settings: the project model comes from the project's files.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      boolean model = false;
      for (FileEvent event : params.getChanges()) {
        try {
          Path path = Path.of(URI.create(event.getUri()));
          String name = path.getFileName().toString();
          if (name.equals("pom.xml") || name.equals(OverrideFile.NAME)) {
            projects.invalidate(path);
            model = true;
          }
        } catch (IllegalArgumentException e) {
          // Not a file URI: not a project file.
        }
      }
      if (model) {
        documents.reanalyzeAll();
      }
    }
  }
}

package dev.readonce.bench.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server's latency as an editor sees it: {@code readonce lsp} started as its own
 * process, a 500-line file open, then one-line edits, each sent as the editor sends it (the whole
 * text, full sync) once the previous edit's diagnostics arrived; the time from sending an edit to
 * receiving its diagnostics includes the server's debounce. After warm-up edits, prints p50, p95
 * and max, and the server's resident memory as the edits go on.
 *
 * <p>{@code src/benchmarks/run.sh lsp [--edits N] [--warmup N]}
 */
public final class LspLatency {

  public static void main(String[] args) throws Exception {
    Path work = Path.of("target/bench/lsp");
    int edits = 1000;
    int warmup = 50;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--work" -> work = Path.of(args[++i]);
        case "--edits" -> edits = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Files.createDirectories(work);
    Path file = Corpus.write(work);
    String text = Files.readString(file, UTF_8);
    int lines = (int) text.lines().count();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String line :
        Files.readAllLines(Path.of(System.getProperty("readonce.root", "."), ".mvn/jvm.config"))) {
      if (line.startsWith("--add-")) {
        command.add(line.strip());
      }
    }
    command.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            "dev.readonce.cli.Main",
            "lsp"));
    Process server =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectError(work.resolve("server.log").toFile())
            .start();
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    Launcher<LanguageServer> launcher =
        LSPLauncher.createClientLauncher(
            new Client(published), server.getInputStream(), server.getOutputStream());
    // The listener ends by itself when the server exits and closes its output.
    Future<Void> listening = launcher.startListening();
    LanguageServer lsp = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(work.toUri().toString(), "bench")));
    lsp.initialize(init).get(2, TimeUnit.MINUTES);
    lsp.initialized(new InitializedParams());
    String uri = file.toUri().toString();
    lsp.getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", 1, text)));
    await(published, 1);

    // The edited line: a `return 0;` in the middle of the file, whose constant changes each time.
    List<String> source = new ArrayList<>(text.lines().toList());
    int target = source.size() / 2;
    while (!source.get(target).contains("return 0;")) {
      target++;
    }
    String original = source.get(target);
    List<Long> latencies = new ArrayList<>();
    List<String> memory = new ArrayList<>();
    for (int i = 1; i <= edits; i++) {
      int version = i + 1;
      source.set(target, original.replace("return 0;", "return " + (i % 7) + ";"));
      String edited = String.join("\n", source) + "\n";
      long start = System.nanoTime();
      lsp.getTextDocumentService()
          .didChange(
              new DidChangeTextDocumentParams(
                  new VersionedTextDocumentIdentifier(uri, version),
                  List.of(new TextDocumentContentChangeEvent(edited))));
      PublishDiagnosticsParams result = await(published, version);
      long elapsed = System.nanoTime() - start;
      if (result.getDiagnostics().isEmpty()) {
        throw new IllegalStateException("edit " + i + " lost the file's findings");
      }
      if (i > warmup) {
        latencies.add(elapsed);
      }
      if (i == warmup || i % 250 == 0 || i == edits) {
        memory.add("| " + i + " | " + rssMegabytes(server.pid()) + " |");
      }
    }
    lsp.shutdown().get(1, TimeUnit.MINUTES);
    lsp.exit();
    server.waitFor(1, TimeUnit.MINUTES);
    listening.cancel(true);

    Collections.sort(latencies);
    System.out.printf(
        "Language server latency: %d one-line edits of a %d-line file (after %d warm-up edits),"
            + " debounce included%n%n",
        latencies.size(), lines, warmup);
    System.out.println("| p50 | p95 | max |");
    System.out.println("|---|---|---|");
    System.out.printf(
        "| %d ms | %d ms | %d ms |%n%n",
        millis(percentile(latencies, 50)),
        millis(percentile(latencies, 95)),
        millis(latencies.get(latencies.size() - 1)));
    System.out.println("| edits | server resident memory (MB) |");
    System.out.println("|---|---|");
    memory.forEach(System.out::println);
  }

  private static PublishDiagnosticsParams await(
      BlockingQueue<PublishDiagnosticsParams> published, int version) throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams p = published.poll(2, TimeUnit.MINUTES);
      if (p == null) {
        throw new IllegalStateException("no diagnostics for version " + version);
      }
      if (p.getVersion() != null && p.getVersion() == version) {
        return p;
      }
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static long rssMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  /** Receives the server's diagnostics. */
  private record Client(BlockingQueue<PublishDiagnosticsParams> published)
      implements LanguageClient {
    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void showMessage(MessageParams message) {
      System.err.println("server says: " + message.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}

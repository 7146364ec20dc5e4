package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Half-typed code is the normal case: replays seeded truncations and random edits of the sample
 * walker's real sources through the server. Every edit is analysed (no debounce) and must be
 * answered, a code action request after it too; the server must neither die nor wedge, and its heap
 * must not grow with the number of edits.
 */
class LspFuzzTest {

  private static final long SEED = 20261203L;
  private static final int EDITS = Integer.getInteger("lsp.fuzz.edits", 1000);
  private static final String[] TOKENS = {
    "{",
    "}",
    "(",
    ")",
    ";",
    "\"",
    "/*",
    "*/",
    "entry.get()",
    "if (",
    "else",
    "return ",
    "long x = ",
    "synchronized (this) {",
    "new ",
    ".",
    ",",
    "@ReadOnce ",
    "class X {",
    "\n",
  };

  @Test
  void truncationsAndRandomEditsNeverKillOrWedgeTheServer(@TempDir Path dir) throws Exception {
    // A copy of the walker's sources, so that edits never touch the repository and the project
    // model is this test's.
    Path walker = Path.of(System.getProperty("sample.walker"));
    Path root = dir.resolve("src/main/java");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(walker)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Path copy = root.resolve(walker.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        sources.add(Files.copy(file, copy));
      }
    }
    assertTrue(sources.size() > 10, "too few walker sources in " + walker);
    Files.writeString(
        dir.resolve(OverrideFile.NAME), "{\"sourceRoots\": [\"src/main/java\"]}", UTF_8);
    Random random = new Random(SEED);
    try (LspSession session = LspSession.inProcess(dir, 0)) {
      long baseline = -1;
      int version = 0;
      Path file = null;
      String text = "";
      for (int i = 0; i < EDITS; i++) {
        if (i % 50 == 0) {
          if (file != null) {
            session
                .server
                .getTextDocumentService()
                .didClose(
                    new org.eclipse.lsp4j.DidCloseTextDocumentParams(
                        new TextDocumentIdentifier(file.toUri().toString())));
          }
          Path original = sources.get(random.nextInt(sources.size()));
          // Opened under its own path, so the walker's other sources resolve around it.
          file = original;
          text = Files.readString(original, UTF_8);
          version = 1;
          session.open(file, text);
          session.await(file, p -> p.getVersion() == null || p.getVersion() == 1);
        }
        text = mutate(text, random);
        int v = ++version;
        session.change(file, v, text);
        session.await(file, p -> p.getVersion() != null && p.getVersion() == v);
        // A request after every edit is answered within the time limit.
        session
            .server
            .getTextDocumentService()
            .codeAction(
                new CodeActionParams(
                    new TextDocumentIdentifier(file.toUri().toString()),
                    new Range(new Position(0, 0), new Position(10_000, 0)),
                    new CodeActionContext(List.of())))
            .get(10, TimeUnit.SECONDS);
        if (i == 100) {
          baseline = usedHeapAfterGc();
        }
      }
      long end = usedHeapAfterGc();
      assertTrue(
          end - baseline < 96L << 20,
          "heap grew from " + (baseline >> 20) + " MB to " + (end >> 20) + " MB over the edits");
      // javac may give up on some broken text (the server then says so for that version); the
      // checks must not be what fails.
      String log = session.log();
      assertTrue(log.lines().noneMatch(l -> l.contains("dev.readonce.checker")), log);
      System.out.printf(
          "LspFuzzTest: %d edits answered; javac gave up on %d versions; heap %d MB -> %d MB%n",
          EDITS,
          log.lines().filter(l -> l.startsWith("readonce lsp: analysing")).count(),
          baseline >> 20,
          end >> 20);
      log.lines()
          .filter(l -> l.startsWith("readonce lsp: analysing"))
          .limit(3)
          .forEach(System.out::println);
    }
  }

  /** One random edit: a truncation, a deletion, an inserted token, or a duplicated line. */
  private static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return TOKENS[random.nextInt(TOKENS.length)];
    }
    int at = random.nextInt(text.length() + 1);
    return switch (random.nextInt(4)) {
      case 0 -> text.substring(0, at);
      case 1 ->
          text.substring(0, at) + text.substring(Math.min(text.length(), at + random.nextInt(40)));
      case 2 -> text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
      default -> {
        int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end + 1);
        yield text.substring(0, start) + line + text.substring(start);
      }
    };
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}

package dev.readonce.lsp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.base.Splitter;
import com.google.gson.Gson;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: Neovim, headless, with its built-in LSP client, on a small Maven project. It opens
 * a file with a double read, waits for the diagnostic, applies the quick fix through the client's
 * own workspace-edit code and checks the buffer.
 *
 * <p>Neovim is Debian's {@code neovim} package. In CI ({@code CI=true}) as root the test installs
 * it when it is missing and fails if it still cannot run it: it never skips there. Elsewhere a
 * missing Neovim skips the test, saying so.
 */
class NeovimEndToEndTest {

  @Test
  void neovimShowsTheDoubleReadAndAppliesItsQuickFix(@TempDir Path dir) throws Exception {
    Path nvim = neovim();
    Path file = Fixture.copy(dir, null);
    Files.copy(resource("/lsp/nvim/pom.xml"), dir.resolve("pom.xml"));
    Path script = resource("/lsp/nvim/readonce-e2e.lua");
    Path out = dir.resolve("e2e.out");

    List<String> server = new ArrayList<>();
    server.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Splitter.onPattern("\\s+")
        .omitEmptyStrings()
        .split(System.getProperty("javac.internals", ""))
        .forEach(server::add);
    server.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "dev.readonce.cli.Main", "lsp"));

    ProcessBuilder builder =
        new ProcessBuilder(
                nvim.toString(),
                "--headless",
                "--clean",
                "-n",
                file.toString(),
                "-c",
                "luafile " + script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nvim.log").toFile());
    builder.environment().put("READONCE_LSP_CMD", new Gson().toJson(server));
    builder.environment().put("READONCE_ROOT", dir.toString());
    builder.environment().put("READONCE_E2E_OUT", out.toString());
    builder.environment().put("XDG_CACHE_HOME", dir.resolve(".cache").toString());
    builder.environment().put("XDG_STATE_HOME", dir.resolve(".state").toString());
    Process editor = builder.start();
    boolean finished = editor.waitFor(8, TimeUnit.MINUTES);
    if (!finished) {
      editor.destroyForcibly();
    }
    String seen = Files.isRegularFile(out) ? Files.readString(out, UTF_8) : "(no output)";
    String context = seen + "\nNeovim's log:\n" + Files.readString(dir.resolve("nvim.log"), UTF_8);
    assertTrue(finished, "Neovim did not finish: " + context);
    assertEquals(0, editor.exitValue(), context);
    assertFalse(seen.contains("ERROR"), context);

    List<String> lines = seen.lines().toList();
    String text = Files.readString(file, UTF_8);
    int line =
        (int) text.lines().takeWhile(l -> !l.contains("Entries.isLeaf(entry.get())")).count();
    int column =
        text.lines()
            .toList()
            .get(line)
            .indexOf("entry.get()", text.lines().toList().get(line).indexOf("isLeaf"));
    // Error severity (1) for the double read; the pom makes PlainSlotRead a warning (2).
    assertEquals(
        String.format(
            "diagnostic UnlockedReread %d:%d-%d:%d severity=1",
            line, column, line, column + "entry.get()".length()),
        lines.get(0),
        context);
    assertEquals("diagnostic PlainSlotRead severity=2", lines.get(1), context);
    assertTrue(lines.get(2).matches("href file:.*/UnlockedReread\\.md"), context);
    assertTrue(lines.contains("gone UnlockedReread"), context);
    List<String> buffer =
        lines.stream().filter(l -> l.startsWith("buffer ")).map(l -> l.substring(7)).toList();
    String fixed = String.join("\n", buffer);
    assertTrue(fixed.contains("long entryval = entry.get();"), fixed);
    assertTrue(fixed.contains("return Entries.isLeaf(entryval) ? 1 : 2;"), fixed);
    assertFalse(fixed.equals(text.strip()), fixed);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(NeovimEndToEndTest.class.getResource(name).toURI());
  }

  /** Neovim on the PATH; installed first in CI as root; never a silent skip in CI. */
  private static Path neovim() throws IOException, InterruptedException {
    Optional<Path> found = onPath("nvim");
    boolean ci = "true".equals(System.getenv("CI"));
    if (found.isEmpty() && ci && isRoot()) {
      run("apt-get", "update", "-q");
      run("apt-get", "install", "-y", "-q", "neovim");
      found = onPath("nvim");
    }
    if (found.isEmpty()) {
      if (ci) {
        fail(
            "CI=true and Neovim (nvim) is not on the PATH and could not be installed with apt-get");
      }
      Assumptions.abort("Neovim (nvim) is not installed: apt-get install neovim to run this test");
    }
    return found.get();
  }

  private static Optional<Path> onPath(String name) {
    for (String dir :
        Splitter.on(File.pathSeparatorChar).split(System.getenv().getOrDefault("PATH", ""))) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
    String uid = new String(id.getInputStream().readAllBytes(), UTF_8).strip();
    return id.waitFor() == 0 && uid.equals("0");
  }

  private static void run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).inheritIO();
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = builder.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
  }
}

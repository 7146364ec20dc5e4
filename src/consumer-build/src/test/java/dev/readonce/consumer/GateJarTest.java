package dev.readonce.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a user runs it. The review gate: the shaded jar the build packages, started
 * with {@code java -jar} in its own JVM, checks the bundled sample walker. Tests of the gate's
 * classes run on the build's class path and would not notice a dependency missing from the jar.
 */
class GateJarTest {

  @Test
  void theShadedJarChecksTheBundledSampleWalker(@TempDir Path dir) throws Exception {
    Path jar = Path.of(System.getProperty("gate.jar"));
    assertTrue(Files.isRegularFile(jar), "no gate jar at " + jar);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("gate.out");
    // The gate's own scratch directory goes here too, so the test sees that it is removed.
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    Process gate =
        new ProcessBuilder(
                List.of(java.toString(), "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertTrue(gate.waitFor(5, TimeUnit.MINUTES), "the gate did not finish");
    String text = Files.readString(out, UTF_8);

    assertEquals(1, gate.exitValue(), text);
    assertTrue(
        text.matches("(?s).*dev\\.readonce\\.walker\\.fixed +\\d+ files +no findings.*"), text);
    assertTrue(text.matches("(?s).*dev\\.readonce\\.walker\\.mm +\\d+ files +no findings.*"), text);
    assertTrue(
        text.matches("(?s).*dev\\.readonce\\.walker\\.rfc +\\d+ files +\\d+ findings.*"), text);
    assertTrue(text.contains("[DescentWithoutPointerCheck]"), text);
    assertTrue(text.contains("[MissingRevalidation]"), text);
    // The count the README and checker/docs/history.md give.
    int documented = ReadmeSnippetTest.gateFindingsOnTheSample();
    assertTrue(
        text.contains("\n" + documented + " findings in "),
        "the README says the gate reports " + documented + " findings on its sample:\n" + text);
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "the gate left files in its temporary directory");
    }
  }

  @Test
  void theShadedJarCarriesTheChecksPages() throws Exception {
    Path jar = Path.of(System.getProperty("gate.jar"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("readonce-explain", ".out");
    try {
      Process explain =
          new ProcessBuilder(
                  List.of(java.toString(), "-jar", jar.toString(), "explain", "PlainSlotRead"))
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      assertTrue(explain.waitFor(2, TimeUnit.MINUTES), "explain did not finish");
      String text = Files.readString(out, UTF_8);
      assertEquals(0, explain.exitValue(), text);
      assertTrue(text.startsWith("# PlainSlotRead\n"), text);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}

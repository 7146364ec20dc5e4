package dev.readonce.checker.history;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error Prone's patch mode on history: applying UnlockedReread's suggested fixes in place to the
 * pre-RFC walker gives code that compiles and that the rule then accepts.
 */
class PatchHistoryTest {

  private static final Path WALKER =
      Path.of("..", "sample-walker", "src").toAbsolutePath().normalize();

  @TempDir Path copy;

  @Test
  void patchModeFixesEveryPreRfcDoubleRead() throws IOException {
    copyTree(WALKER.resolve("main/java"), copy.resolve("main/java"));
    copyTree(WALKER.resolve("history/java"), copy.resolve("history/java"));
    List<Path> files =
        MarkedSources.javaFiles(copy.resolve("main/java"), copy.resolve("history/java"));
    ImmutableSortedSet<MarkedSources.Mark> before = rereads(MarkedSources.findings(copy, files));
    assertTrue(before.size() >= 10, "the pre-RFC walker's double reads: " + before);

    patch(files);

    String patched =
        Files.readString(
            copy.resolve("history/java/dev/readonce/walker/prerfc/PageTableWalk.java"));
    assertNotEquals(
        Files.readString(
            WALKER.resolve("history/java/dev/readonce/walker/prerfc/PageTableWalk.java")),
        patched);
    assertEquals(ImmutableSortedSet.of(), rereads(MarkedSources.findings(copy, files)));
  }

  private static ImmutableSortedSet<MarkedSources.Mark> rereads(
      ImmutableSortedSet<MarkedSources.Mark> findings) {
    return findings.stream()
        .filter(m -> m.check().equals("UnlockedReread") && m.file().contains("/prerfc/"))
        .collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder()));
  }

  private void patch(List<Path> files) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    List<String> options =
        new ArrayList<>(
            List.of(
                "-classpath", classpath,
                "-processorpath", classpath,
                "-proc:none",
                "-d", Files.createDirectories(copy.resolve("classes")).toString(),
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "-Xplugin:ErrorProne -XepDisableAllChecks -Xep:UnlockedReread:WARN"
                    + " -XepPatchChecks:UnlockedReread -XepPatchLocation:IN_PLACE"));
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      Boolean ok =
          javac
              .getTask(
                  new StringWriter(),
                  fm,
                  diagnostics,
                  options,
                  null,
                  fm.getJavaFileObjectsFromPaths(files))
              .call();
      assertTrue(Boolean.TRUE.equals(ok), diagnostics.getDiagnostics().toString());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

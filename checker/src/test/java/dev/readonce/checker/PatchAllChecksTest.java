package dev.readonce.checker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.checker.metamorphic.SourceFile;
import dev.readonce.checker.metamorphic.VariantCompiler;
import dev.readonce.checker.metamorphic.VariantCompiler.Outcome;
import dev.readonce.checker.metamorphic.VariantCompiler.Unit;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error Prone's patch mode with every check's fixes at once ({@code -XepPatchChecks} naming all of
 * them), on reads that both {@code PlainSlotRead} and {@code UnlockedReread} fix: patch mode drops
 * one of two overlapping edits, so the two checks must propose the same edit there. The patched
 * file is compared as text, then compiled again: it must compile with no finding left.
 */
class PatchAllChecksTest {

  @TempDir Path dir;

  @Test
  void repeatedPlainReadsBecomeOneAtomicSnapshot() throws IOException {
    assertPatchedClean(
        """
        class T {
          int walk(Upper pud) {
            if (Pt.none(pud.deref())) return 0;
            if (Pt.leaf(pud.deref())) return 1;
            return Pt.present(pud.deref()) ? 2 : 3;
          }
        }
        """,
        """
        class T {
          int walk(Upper pud) {
            long pudval = pud.get();
            if (Pt.none(pudval)) return 0;
            if (Pt.leaf(pudval)) return 1;
            return Pt.present(pudval) ? 2 : 3;
          }
        }
        """);
  }

  @Test
  void plainRereadUsesTheLiveSnapshot() throws IOException {
    assertPatchedClean(
        """
        class T {
          long live(Upper u) {
            long v = u.deref();
            long w = u.deref();
            return v + w;
          }
        }
        """,
        """
        class T {
          long live(Upper u) {
            long v = u.get();
            long w = v;
            return v + w;
          }
        }
        """);
  }

  @Test
  void plainRereadIntoTheSameVariableIsRemoved() throws IOException {
    assertPatchedClean(
        """
        class T {
          int again(Upper u) {
            long v = u.deref();
            if (Pt.none(v)) return 0;
            v = u.deref();
            return Pt.leaf(v) ? 1 : 2;
          }
        }
        """,
        """
        class T {
          int again(Upper u) {
            long v = u.get();
            if (Pt.none(v)) return 0;
            return Pt.leaf(v) ? 1 : 2;
          }
        }
        """);
  }

  @Test
  void repeatedElementAndVarHandleReadsSnapshotAtomically() throws IOException {
    assertPatchedClean(
        """
        class T {
          int element(Upper u) {
            if (Pt.none(u.table[u.index])) return 0;
            return Pt.leaf(u.table[u.index]) ? 1 : 2;
          }

          int handle(Upper u) {
            if (Pt.none((long) Ref.E.get(u.table, u.index))) return 0;
            return Pt.leaf((long) Ref.E.get(u.table, u.index)) ? 1 : 2;
          }
        }
        """,
        """
        class T {
          int element(Upper u) {
            long snapshot = u.get();
            if (Pt.none(snapshot)) return 0;
            return Pt.leaf(snapshot) ? 1 : 2;
          }

          int handle(Upper u) {
            long snapshot = (long) Ref.E.getOpaque(u.table, u.index);
            if (Pt.none((long) snapshot)) return 0;
            return Pt.leaf((long) snapshot) ? 1 : 2;
          }
        }
        """);
  }

  /**
   * Patches {@code T.java} with every check's fixes, twice: as a build does (Error Prone loads the
   * checks from the processor path, in the order of the checker's service file, PlainSlotRead
   * before UnlockedReread), and with the checks given in the other order; compares each result
   * and compiles it again.
   */
  private void assertPatchedClean(String input, String expected) throws IOException {
    assertPatchedClean(input, expected, true);
    assertPatchedClean(input, expected, false);
  }

  private void assertPatchedClean(String input, String expected, boolean asPlugin)
      throws IOException {
    List<SourceFile> shared =
        Fixtures.sources().entrySet().stream()
            .map(e -> new SourceFile(e.getKey(), String.join("\n", e.getValue()) + "\n"))
            .toList();
    Unit unit = new Unit("patched", List.of(new SourceFile("T.java", input)), shared);
    VariantCompiler compiler = new VariantCompiler(dir.resolve(asPlugin ? "plugin" : "listed"));
    Outcome before = compiler.compile(List.of(unit), List.of()).get(unit.pkg());
    assertEquals(List.of(), before.errors());
    assertEquals(
        List.of("PlainSlotRead", "UnlockedReread"),
        before.found().stream().map(VariantCompiler.Found::rule).distinct().sorted().toList(),
        "both checks fire on the input");
    String all =
        VariantCompiler.CHECKS.stream().map(Class::getSimpleName).collect(Collectors.joining(","));
    List<String> patch = List.of("-XepPatchChecks:" + all, "-XepPatchLocation:IN_PLACE");
    if (asPlugin) {
      List<Path> files = new ArrayList<>();
      for (SourceFile f : concat(unit.judged(), unit.shared())) {
        files.add(compiler.path(unit, f));
      }
      patchAsPlugin(files, patch);
    } else {
      compiler.compile(List.of(unit), patch);
    }
    Path file = compiler.path(unit, unit.judged().get(0));
    String patched = Files.readString(file, UTF_8);
    assertEquals("package patched;\n" + expected, patched);
    Map<String, Outcome> after = compiler.compileWritten(List.of(unit), List.of());
    assertEquals(new Outcome(List.of(), List.of()), after.get(unit.pkg()), patched);
  }

  private static List<SourceFile> concat(List<SourceFile> a, List<SourceFile> b) {
    List<SourceFile> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Runs javac with {@code -Xplugin:ErrorProne} and the checker on the processor path. */
  private void patchAsPlugin(List<Path> files, List<String> patch) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    VariantCompiler.CHECKS.forEach(
        c -> plugin.append(" -Xep:").append(c.getSimpleName()).append(":WARN"));
    patch.forEach(flag -> plugin.append(' ').append(flag));
    List<String> options =
        List.of(
            "-classpath", classpath,
            "-processorpath", classpath,
            "-proc:none",
            "-d", Files.createDirectories(dir.resolve("plugin-classes")).toString(),
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            plugin.toString());
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
      javac
          .getTask(
              new StringWriter(),
              fm,
              diagnostics,
              options,
              null,
              fm.getJavaFileObjectsFromPaths(files))
          .call();
    }
    assertEquals(
        List.of(),
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(Locale.ROOT))
            .toList());
  }
}

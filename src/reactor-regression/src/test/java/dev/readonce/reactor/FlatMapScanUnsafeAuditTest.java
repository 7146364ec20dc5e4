package dev.readonce.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.reactor.AuditCompiler.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit mode over reactor-core 3.7.1's own {@code FluxFlatMap.java}, as published in its sources
 * jar: {@code FlatMapMain.scanUnsafe} reads the volatile {@code scalarQueue} twice under {@code
 * TERMINATED}, {@code LARGE_BUFFERED} and {@code BUFFERED} while {@code cancel()} and the drain set
 * it to null. The checker must report exactly those three lines there, and a copy with the one-read
 * fix must be clean in that method (see checker/docs/audit.md for the write-up).
 */
class FlatMapScanUnsafeAuditTest {

  private static final String ENTRY = "reactor/core/publisher/FluxFlatMap.java";

  /** The lines of FlatMapMain.scanUnsafe in 3.7.1 (its signature to its closing brace). */
  private static final int SCAN_FROM = 298;

  private static final int SCAN_TO = 315;

  /** Each double-read line as published, and the same line reading the field once. */
  private static final Map<String, String> FIX =
      Map.of(
          "if (key == Attr.TERMINATED) return done && (scalarQueue == null ||"
              + " scalarQueue.isEmpty());",
          "if (key == Attr.TERMINATED) { Queue<R> sq = scalarQueue; return done && (sq == null ||"
              + " sq.isEmpty()); }",
          "if (key == Attr.LARGE_BUFFERED) return (scalarQueue != null ? (long) scalarQueue.size()"
              + " : 0L) + size;",
          "if (key == Attr.LARGE_BUFFERED) { Queue<R> sq = scalarQueue; return (sq != null ? (long)"
              + " sq.size() : 0L) + size; }",
          "long realBuffered = (scalarQueue != null ? (long) scalarQueue.size() : 0L) + size;",
          "Queue<R> sq = scalarQueue; long realBuffered = (sq != null ? (long) sq.size() : 0L) +"
              + " size;");

  @Test
  void auditReportsTheDoubleReadsOfScalarQueue(@TempDir Path dir) throws Exception {
    Path source = AuditCompiler.extract(AuditCompiler.sourcesJar(), ENTRY, dir.resolve("src"));
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    assertTrue(
        lines.get(SCAN_FROM - 1).contains("public Object scanUnsafe(Attr key)"),
        "FluxFlatMap.java is not the 3.7.1 text this test pins: line "
            + SCAN_FROM
            + " is '"
            + lines.get(SCAN_FROM - 1).strip()
            + "'");

    Map<Long, String> inScan = inScanUnsafe(AuditCompiler.audit(List.of(source), classes(dir)));

    Map<Long, String> expected = new TreeMap<>();
    expected.put(302L, "UnlockedReread");
    expected.put(306L, "UnlockedReread");
    expected.put(308L, "UnlockedReread");
    assertEquals(expected, checksOnly(inScan), "findings in scanUnsafe: " + inScan);
    inScan.values().forEach(m -> assertTrue(m.contains("slot 'scalarQueue' read again"), m));
  }

  @Test
  void theOneReadFixIsClean(@TempDir Path dir) throws Exception {
    Path source = AuditCompiler.extract(AuditCompiler.sourcesJar(), ENTRY, dir.resolve("src"));
    String text = Files.readString(source, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> fix : FIX.entrySet()) {
      int at = text.indexOf(fix.getKey());
      assertTrue(at >= 0 && text.indexOf(fix.getKey(), at + 1) < 0, "not once: " + fix.getKey());
      text = text.replace(fix.getKey(), fix.getValue());
    }
    Files.writeString(source, text, StandardCharsets.UTF_8);

    Map<Long, String> inScan = inScanUnsafe(AuditCompiler.audit(List.of(source), classes(dir)));

    assertEquals(Map.of(), inScan, "the fixed scanUnsafe still has findings");
  }

  private static Map<Long, String> inScanUnsafe(List<Finding> findings) {
    Map<Long, String> out = new TreeMap<>();
    for (Finding f : findings) {
      if (f.file().endsWith("FluxFlatMap.java") && f.line() >= SCAN_FROM && f.line() <= SCAN_TO) {
        out.merge(f.line(), f.message(), (a, b) -> a + " | " + b);
      }
    }
    return out;
  }

  private static Map<Long, String> checksOnly(Map<Long, String> messages) {
    Map<Long, String> out = new TreeMap<>();
    messages.forEach((line, m) -> out.put(line, m.substring(1, m.indexOf(']'))));
    return out;
  }

  private static Path classes(Path dir) throws java.io.IOException {
    return Files.createDirectories(dir.resolve("classes"));
  }
}

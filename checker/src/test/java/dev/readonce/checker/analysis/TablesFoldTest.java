package dev.readonce.checker.analysis;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * The array accessor calls that seed a method's array parameters ({@link TableParameters}) are
 * taken from the pre-pass's scan when it saw the whole body, and are then exactly what the
 * analysis's own scan gives: the same variables, in the same order; a body whose lambda the
 * pre-pass skipped is scanned again, lambda included.
 */
class TablesFoldTest {

  private static final String[] BINS = {
    "import dev.readonce.annotations.*;",
    "import java.lang.invoke.*;",
    "final class Bins {",
    "  static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Object[].class);",
    "  @ReadOnce(lock = ReadOnce.HELD_VALUE) final Object[] table = new Object[16];",
    "  @ReadOnce(lock = ReadOnce.HELD_VALUE)",
    "  static Object tabAt(Object[] tab, int i) { return BIN.getAcquire(tab, i); }",
    "  static Object plain(Object[] tab, int i) { return tab[i]; }",
    "}"
  };

  @Test
  void prepassTablesAreTheAnalysisScansTables() {
    CompilationTestHelper.newInstance(TablesPrinter.class, getClass())
        .addSourceLines("Bins.java", BINS)
        .addSourceLines(
            "TablesCase.java",
            "class TablesCase {",
            "  // BUG: Diagnostic contains: tables: [b,a] from the pre-pass (same)",
            "  static Object two(Object[] a, Object[] b, int i) {",
            "    Object x = Bins.tabAt(b, i);",
            "    Object y = Bins.tabAt((a = b), i + 1);",
            "    return x != null ? x : Bins.tabAt(a, i) != null ? y : Bins.plain(a, i);",
            "  }",
            "  // BUG: Diagnostic contains: tables: [] from the pre-pass (same)",
            "  static Object none(Object[] a, int i) {",
            "    return Bins.plain(a, i);",
            "  }",
            "  // BUG: Diagnostic contains: tables: [a] rescanned",
            "  static Runnable inLambda(Object[] a, int i) {",
            "    Object x = Bins.tabAt(a, i);",
            "    return () -> Bins.tabAt(a, i + 1);",
            "  }",
            "}")
        .doTest();
  }
}

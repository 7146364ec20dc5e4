package dev.readonce.checker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * {@code -XepOpt:ReadOnce:Engine}, a benchmark aid: {@code floor} and {@code cfg} run the Checker
 * Framework's part of the engine alone and report nothing, where the analysis (the default, or
 * {@code dataflow}) reports the finding.
 */
class EngineFlagTest {

  private static final String[] DOUBLE_READ = {
    "class T {",
    "  int walk(Upper u) {",
    "    if (Pt.none(u.get())) return 0;",
    "    // BUG: Diagnostic contains: [UnlockedReread]",
    "    return Pt.leaf(u.get()) ? 1 : 2;",
    "  }",
    "}"
  };

  private CompilationTestHelper helper() {
    return Fixtures.withSlots(CompilationTestHelper.newInstance(UnlockedReread.class, getClass()));
  }

  private static String[] withoutExpectation() {
    String[] lines = DOUBLE_READ.clone();
    lines[3] = "";
    return lines;
  }

  @Test
  void theAnalysisFindsTheReread() {
    helper().addSourceLines("T.java", DOUBLE_READ).doTest();
    helper()
        .setArgs("-XepOpt:ReadOnce:Engine=dataflow")
        .addSourceLines("T.java", DOUBLE_READ)
        .doTest();
  }

  @Test
  void theFloorReportsNothing() {
    helper()
        .setArgs("-XepOpt:ReadOnce:Engine=floor")
        .addSourceLines("T.java", withoutExpectation())
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void cfgAloneReportsNothing() {
    helper()
        .setArgs("-XepOpt:ReadOnce:Engine=cfg")
        .addSourceLines("T.java", withoutExpectation())
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void anUnknownEngineIsRefusedByName() {
    Throwable thrown =
        assertThrows(
            Throwable.class,
            () ->
                helper()
                    .setArgs("-XepOpt:ReadOnce:Engine=fast")
                    .addSourceLines("T.java", withoutExpectation())
                    .expectNoDiagnostics()
                    .doTest());
    String text = String.valueOf(thrown) + String.valueOf(thrown.getCause());
    assertTrue(text.contains("ReadOnce:Engine must be dataflow, floor or cfg, not 'fast'"), text);
  }
}

package dev.readonce.checker.analysis;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.ReadOnceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code ChunkStatements} flag splits a body into chunks of that many top-level statements,
 * and only a body with more: one CFG per chunk.
 */
class ChunksUsedTest {

  private static final String[] SOURCE = {
    "class T {",
    "  // BUG: Diagnostic contains: cfgs=%d",
    "  int five(int a) {",
    "    int b = a + 1;",
    "    if (b > 2) { b++; }",
    "    for (int i = 0; i < 3; i++) { b += i; }",
    "    b--;",
    "    return b;",
    "  }",
    "}"
  };

  private static void expect(String flag, int cfgs) {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(ChunkCountPrinter.class, ChunksUsedTest.class);
    if (flag != null) {
      helper = helper.setArgs(List.of("-XepOpt:" + ReadOnceConfig.CHUNK_STATEMENTS + "=" + flag));
    }
    String[] lines = SOURCE.clone();
    lines[1] = String.format(lines[1], cfgs);
    helper.addSourceLines("T.java", lines).doTest();
  }

  @Test
  void eachStatementItsOwnCfg() {
    expect("1", 5);
  }

  @Test
  void chunksOfTwo() {
    expect("2", 3);
  }

  @Test
  void noMoreStatementsThanTheChunkIsOneCfg() {
    expect("5", 1);
    expect("4", 2);
  }

  @Test
  void zeroAndTheDefaultNeverSplitAnOrdinaryMethod() {
    expect("0", 1);
    expect(null, 1);
  }
}

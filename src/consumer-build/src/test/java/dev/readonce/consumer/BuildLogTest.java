package dev.readonce.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {

  // Two Maven runs as invoker appends them, trimmed; the text is maven-compiler-plugin 3.14's.
  private static final String LOG =
      """
      \u001B[0m[INFO] Scanning for projects...
      [INFO] Compiling 3 source files with javac [debug parameters release 17] to target/classes
      [WARNING] /p/src/main/java/com/example/pages/Lookup.java:[22,36] [UnlockedReread] slot 'entry' read again
          (see checker/docs/UnlockedReread.md)
        Did you mean 'long entryval = entry.get();'?
      [INFO] BUILD SUCCESS
      [INFO] Scanning for projects...
      [INFO] Nothing to compile - all classes are up to date.
      [ERROR] COMPILATION ERROR :\s
      [ERROR] /p/src/main/java/com/example/pages/Lookup.java:[27,26] [PlainSlotRead] plain read of slot 'entry'
          (see checker/docs/PlainSlotRead.md)
      [ERROR] /p/src/main/java/com/example/pages/Entry.java:[3,1] cannot find symbol
      [INFO] BUILD FAILURE
      [ERROR] Failed to execute goal ...: Compilation failure: Compilation failure:\s
      [ERROR] /p/src/main/java/com/example/pages/Lookup.java:[27,26] [PlainSlotRead] plain read of slot 'entry'
      [ERROR]     (see checker/docs/PlainSlotRead.md)
      [ERROR] -> [Help 1]
      """;

  @Test
  void splitsRunsAndKeepsEachDiagnosticOnce() {
    List<BuildLog.Run> runs = BuildLog.parse(LOG).runs();

    assertEquals(2, runs.size());
    BuildLog.Run first = runs.get(0);
    BuildLog.Run second = runs.get(1);
    assertTrue(first.succeeded());
    assertEquals(3, first.compiledFiles());
    assertEquals(List.of("WARNING Lookup.java:[22,36] [UnlockedReread]"), first.summaries());
    assertTrue(second.failed());
    assertFalse(second.succeeded());
    assertEquals(0, second.compiledFiles());
    assertEquals(
        List.of(
            "ERROR Lookup.java:[27,26] [PlainSlotRead]",
            "ERROR Entry.java:[3,1] cannot find symbol"),
        second.summaries());
  }

  @Test
  void messageKeepsTheLinkAndTheSuggestedFix() {
    BuildLog.Diagnostic warning = BuildLog.parse(LOG).runs().get(0).diagnostics().get(0);

    assertEquals("UnlockedReread", warning.check());
    assertEquals(
        """
        slot 'entry' read again
        (see checker/docs/UnlockedReread.md)
        Did you mean 'long entryval = entry.get();'?\
        """,
        warning.message());
  }

  @Test
  void plainJavacDiagnosticHasNoCheck() {
    BuildLog.Diagnostic error = BuildLog.parse(LOG).runs().get(1).diagnostics().get(1);

    assertNull(error.check());
    assertEquals("cannot find symbol", error.message());
  }
}

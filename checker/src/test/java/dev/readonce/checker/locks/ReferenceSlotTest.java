package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import org.junit.jupiter.api.Test;

/**
 * {@code @ReadOnce(reference = true)}: an array replaced wholesale under a lock and read lock-free
 * (the Netty #17307 shape), whose reference, not its elements, is the slot.
 */
class ReferenceSlotTest {

  private static final String[] LISTENERS = {
    "import dev.readonce.annotations.ReadOnce;",
    "import java.util.Arrays;",
    "final class Listeners {",
    "  @ReadOnce(lock = \"this\", reference = true) volatile Runnable[] all = new Runnable[0];",
    "  synchronized void add(Runnable r) {",
    "    Runnable[] next = Arrays.copyOf(all, all.length + 1);",
    "    next[next.length - 1] = r;",
    "    all = next;",
    "  }",
    "  void addUnlocked(Runnable r) {",
    "    Runnable[] next = Arrays.copyOf(all, all.length + 1);",
    "    next[next.length - 1] = r;",
    "    // BUG: Diagnostic contains: %s",
    "    all = next;",
    "  }",
    "  void fireOnce() {",
    "    Runnable[] ls = all;",
    "    for (int i = 0; i < ls.length; i++) ls[i].run();",
    "  }",
    "  Runnable firstTwice() {",
    "    Runnable[] ls = all;",
    "    if (ls.length == 0) return null;",
    "    // BUG: Diagnostic contains: %s",
    "    return all[0];",
    "  }",
    "  Runnable direct() {",
    "    if (all.length == 0) return null;",
    "    // BUG: Diagnostic contains: %s",
    "    return all[0];",
    "  }",
    "  void elementsAreNotSlots() {",
    "    Runnable[] ls = all;",
    "    if (ls.length > 0) ls[0] = null;", // a private copy's element: no slot
    "  }",
    "}"
  };

  private static String[] expecting(String write, String reread) {
    String[] out = LISTENERS.clone();
    String[] expected = {write, reread, reread};
    int next = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i].contains("%s")) {
        out[i] = String.format(out[i], expected[next++]);
      }
    }
    return java.util.Arrays.stream(out)
        .filter(l -> !l.endsWith("Diagnostic contains: -"))
        .toArray(String[]::new);
  }

  @Test
  void wholesaleReplaceNeedsTheLock() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines("Listeners.java", expecting("write to slot 'all'", "-"))
        .doTest();
  }

  @Test
  void theReferenceIsReadOncePerPass() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .addSourceLines("Listeners.java", expecting("-", "slot 'all' read again"))
        .doTest();
  }
}

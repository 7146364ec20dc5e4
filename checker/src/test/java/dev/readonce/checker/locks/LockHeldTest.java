package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.UnlockedSlotWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @LockHeld}: a callback given only the handle, called with the handle's lock held (v5.10's
 * {@code wp_pte(pte_t *pte, ...)}), reads stably and may store; without it, the same body is an
 * unlocked plain read and an unlocked store.
 */
class LockHeldTest {

  private static final String[] REF = {
    "import dev.readonce.annotations.*;",
    "import java.lang.invoke.*;",
    "final class Ref {",
    "  static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
    "  @ReadOnce final long[] table = new long[512];",
    "  final int index = 0;",
    "  @ReadOnce(atomic = false) long deref() { return table[index]; }",
    "  @ModifiesSlot(requiresLock = true) void set(long v) { E.setRelease(table, index, v); }",
    "}"
  };

  private static final String[] CALLBACKS = {
    "import dev.readonce.annotations.LockHeld;",
    "interface PteEntry { int pteEntry(@LockHeld Ref pte, long addr); }",
    "interface Unlocked { int pteEntry(Ref pte, long addr); }",
    "final class Clients {",
    "  static int wpPte(@LockHeld Ref pte, long addr) {",
    "    long v = pte.deref();",
    "    if ((v & 2) != 0) pte.set(v & ~2);",
    "    return 0;",
    "  }",
    "  static int unlockedPte(Ref pte, long addr) {",
    "    // BUG: Diagnostic contains: %s",
    "    long v = pte.deref();",
    "    if ((v & 2) != 0) {",
    "      // BUG: Diagnostic contains: %s",
    "      pte.set(v & ~2);",
    "    }",
    "    return 0;",
    "  }",
    "  static int viaInterface(Ref pte, long addr) {",
    "    return pte.deref() == 0 ? 0 : 1;",
    "  }",
    "  static final PteEntry LAMBDA = (pte, addr) -> { pte.set(0); return 0; };",
    "  static final PteEntry REFERENCE = Clients::viaInterface;",
    "  static final PteEntry ANONYMOUS = new PteEntry() {",
    "    @Override public int pteEntry(Ref pte, long addr) { pte.set(pte.deref()); return 0; }",
    "  };",
    "  static final Unlocked NOT_HELD = (pte, addr) -> {",
    "    // BUG: Diagnostic contains: %s",
    "    pte.set(0);",
    "    return 0;",
    "  };",
    "  static int otherHandle(@LockHeld Ref pte, Ref other) {",
    "    // BUG: Diagnostic contains: %s",
    "    other.set(0);",
    "    return 0;",
    "  }",
    "}"
  };

  private static String[] callbacks(String read, String write) {
    String[] out = CALLBACKS.clone();
    int bug = 0;
    String[] expected = {read, write, write, write};
    for (int i = 0; i < out.length; i++) {
      if (out[i].contains("%s")) {
        out[i] = String.format(out[i], expected[bug++]);
      }
    }
    return out;
  }

  @Test
  void readsUnderTheCallersLockAreStable() {
    // Only the read line fires for PlainSlotRead; store lines carry a marker this check ignores.
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .addSourceLines("Ref.java", REF)
        .addSourceLines("Clients.java", onlyMarkers(callbacks("PlainSlotRead", "-"), "-"))
        .doTest();
  }

  @Test
  void storesUnderTheCallersLockAreLocked() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines("Ref.java", REF)
        .addSourceLines("Clients.java", onlyMarkers(callbacks("-", "UnlockedSlotWrite"), "-"))
        .doTest();
  }

  @Test
  void declaredInADeclarationsFile(@TempDir Path dir) throws Exception {
    Path decls =
        Files.writeString(
            dir.resolve("held.decls"),
            """
            accessor      lib.Ref#deref()                 atomic=false
            modifies-slot lib.Ref#set(long)               requiresLock
            lock-held     lib.PteEntry#pteEntry(lib.Ref, long)  param=0
            """);
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Lib.java",
            "package lib;",
            "final class Ref {",
            "  final long[] table = new long[512];",
            "  long deref() { return table[0]; }",
            "  void set(long v) { table[0] = v; }",
            "}",
            "interface PteEntry { int pteEntry(Ref pte, long addr); }",
            "final class Use {",
            "  static final PteEntry HELD = (pte, addr) -> { pte.set(pte.deref() & ~2); return 0;"
                + " };",
            "  static void unheld(Ref pte) {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    pte.set(0);",
            "  }",
            "}")
        .setArgs(java.util.List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + decls))
        .doTest();
  }

  /** Drops the expectation comments whose fragment is the placeholder {@code absent}. */
  private static String[] onlyMarkers(String[] lines, String absent) {
    return java.util.Arrays.stream(lines)
        .filter(l -> !l.endsWith("Diagnostic contains: " + absent))
        .toArray(String[]::new);
  }
}

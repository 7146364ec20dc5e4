package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedSlotWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @FilledUnderLockOf} ({@code filled-under-lock-of}): {@code ConcurrentHashMap.transfer}
 * fills the new table's bins {@code i} and {@code i + n} under the old bin {@code tab[i]}'s lock,
 * re-validated, before the forwarding node publishes them. Silent there; firing without the lock,
 * under the lock before (or without) the re-check, on a mismatch, after the lock is released,
 * under another array's lock, and in a method without the contract.
 */
class FilledUnderLockOfTest {

  /** A map's bins, ConcurrentHashMap's shape: locked by the head's monitor, re-checked. */
  private static final String BINS =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      final class Bins {
        static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Object[].class);
        @ReadOnce(lock = ReadOnce.HELD_VALUE)
        static Object tabAt(Object[] tab, int i) { return BIN.getAcquire(tab, i); }
        @ModifiesSlot(value = {"tab", "i"}, requiresLock = true)
        static void setTabAt(Object[] tab, int i, Object v) { BIN.setRelease(tab, i, v); }
      }
      """;

  /** {@code transfer} as the JDK writes it, reduced: silent with the contract. */
  private static final String TRANSFER =
      """
        void transfer(Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, Object fwd) {
          int n = tab.length;
          for (int i = n - 1; i >= 0; i--) {
            Object f = Bins.tabAt(tab, i);
            if (f == null) continue;
            synchronized (f) {
              if (Bins.tabAt(tab, i) == f) {
                Bins.setTabAt(nextTab, i, f);
                Bins.setTabAt(nextTab, i + n, null);
                Bins.setTabAt(tab, i, fwd);
              }
            }
          }
        }
      """;

  private final CompilationTestHelper writes =
      CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
          .addSourceLines("Bins.java", BINS);

  private static String mover(String... methods) {
    return "import dev.readonce.annotations.*;\nfinal class Mover {\n"
        + String.join("\n", methods)
        + "\n}\n";
  }

  @Test
  void newTableBinsWrittenUnderTheOldBinsRecheckedLockAreLocked() {
    writes
        .addSourceLines(
            "Mover.java",
            mover(
                TRANSFER,
                """
                  void earlyReturnOnMismatch(
                      Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(tab, i) != f) return;
                      Bins.setTabAt(nextTab, i, f);
                    }
                  }
                """))
        .doTest();
  }

  @Test
  void withoutTheOldBinsLockTheWriteIsUnlocked() {
    writes
        .addSourceLines(
            "Mover.java",
            mover(
                """
                  void noLock(Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    // BUG: Diagnostic contains: without the lock of a slot of 'tab'
                    Bins.setTabAt(nextTab, i, f);
                  }
                """,
                """
                  void movedOutOfTheLock(
                      Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(tab, i) == f) {
                        Bins.setTabAt(tab, i, null);
                      }
                    }
                    // BUG: Diagnostic contains: without the lock of a slot of 'tab'
                    Bins.setTabAt(nextTab, i, f);
                  }
                """))
        .doTest();
  }

  @Test
  void underTheOldBinsLockBeforeTheRecheckTheWriteIsReported() {
    writes
        .addSourceLines(
            "Mover.java",
            mover(
                """
                  void noRecheck(Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      // BUG: Diagnostic contains: under the lock of 'tab[i]' (line 6) without a successful re-check
                      Bins.setTabAt(nextTab, i, f);
                      if (Bins.tabAt(tab, i) == f) {
                        Bins.setTabAt(nextTab, i, f);
                      }
                    }
                  }
                """,
                """
                  void onTheMismatch(
                      Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(tab, i) != f) {
                        // BUG: Diagnostic contains: without a successful re-check
                        Bins.setTabAt(nextTab, i, null);
                      }
                    }
                  }
                """))
        .doTest();
  }

  @Test
  void anotherArraysLockOrNoContractDoesNotCover() {
    writes
        .addSourceLines(
            "Mover.java",
            mover(
                """
                  void otherArray(
                      Object[] tab, Object[] other, @FilledUnderLockOf("tab") Object[] nextTab,
                      int i) {
                    Object f = Bins.tabAt(other, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(other, i) == f) {
                        // BUG: Diagnostic contains: without the lock of a slot of 'tab'
                        Bins.setTabAt(nextTab, i, f);
                      }
                    }
                  }
                """,
                """
                  void undeclared(Object[] tab, Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(tab, i) == f) {
                        // BUG: Diagnostic contains: write to slot 'nextTab[i]' without its lock
                        Bins.setTabAt(nextTab, i, f);
                      }
                    }
                  }
                """,
                """
                  void ofCoversOnlyTheOtherArray(
                      Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(nextTab, i);
                    if (f == null) return;
                    synchronized (f) {
                      if (Bins.tabAt(nextTab, i) == f) {
                        // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                        Bins.setTabAt(tab, i, f);
                      }
                    }
                  }
                """))
        .doTest();
  }

  @Test
  void theContractDoesNotHideAMissingRecheckOfTheOldBin() {
    // Dropping the re-check is still MissingRevalidation where the pre-lock head is used.
    CompilationTestHelper.newInstance(MissingRevalidation.class, getClass())
        .addSourceLines("Bins.java", BINS)
        .addSourceLines(
            "Mover.java",
            mover(
                """
                  void noRecheck(Object[] tab, @FilledUnderLockOf("tab") Object[] nextTab, int i) {
                    Object f = Bins.tabAt(tab, i);
                    if (f == null) return;
                    synchronized (f) {
                      // BUG: Diagnostic contains: snapshot 'f' of slot 'tab[i]'
                      Bins.setTabAt(nextTab, i, String.valueOf(f));
                    }
                  }
                """))
        .doTest();
  }

  @Test
  void declaredInADeclarationsFile(@TempDir Path dir) throws Exception {
    Path decls =
        Files.writeString(
            dir.resolve("mover.decls"),
            """
            accessor      lib.Bins#tabAt(java.lang.Object[], int)                     lock=<held value>
            modifies-slot lib.Bins#setTabAt(java.lang.Object[], int, java.lang.Object) slot=0,1 requiresLock
            filled-under-lock-of lib.Mover#transfer(java.lang.Object[], java.lang.Object[], java.lang.Object) param=1 of=0
            """);
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Bins.java",
            "package lib;",
            "import java.lang.invoke.*;",
            "final class Bins {",
            "  static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Object[].class);",
            "  static Object tabAt(Object[] tab, int i) { return BIN.getAcquire(tab, i); }",
            "  static void setTabAt(Object[] tab, int i, Object v) { BIN.setRelease(tab, i, v); }",
            "}")
        .addSourceLines(
            "Mover.java",
            "package lib;\n"
                + mover(
                        TRANSFER.replace("@FilledUnderLockOf(\"tab\") ", ""),
                        """
                          void helper(Object[] tab, Object[] nextTab, int i) {
                            Object f = Bins.tabAt(tab, i);
                            if (f == null) return;
                            synchronized (f) {
                              if (Bins.tabAt(tab, i) == f) {
                                // BUG: Diagnostic contains: without its lock
                                Bins.setTabAt(nextTab, i, f);
                              }
                            }
                          }
                        """)
                    .replace("import dev.readonce.annotations.*;\n", ""))
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + decls))
        .doTest();
  }

  @Test
  void theNamedParameterMustBeAnotherArrayParameter() {
    CompilationTestHelper.newInstance(UnknownContractName.class, getClass())
        .addSourceLines(
            "Mover.java",
            "import dev.readonce.annotations.*;",
            "final class Mover {",
            "  void fine(Object[] tab, @FilledUnderLockOf(\"tab\") Object[] nextTab) {}",
            "  void typo(",
            "      Object[] tab,",
            "      // BUG: Diagnostic contains: @FilledUnderLockOf(\"tabb\"): typo has no parameter"
                + " 'tabb'; its parameters: tab, nextTab",
            "      @FilledUnderLockOf(\"tabb\") Object[] nextTab) {}",
            "  void itself(",
            "      // BUG: Diagnostic contains: @FilledUnderLockOf(\"nextTab\"): names the parameter"
                + " it is on",
            "      @FilledUnderLockOf(\"nextTab\") Object[] nextTab) {}",
            "  void notArrays(",
            "      Object tab,",
            "      // BUG: Diagnostic contains: parameter 'tab' (java.lang.Object) is not an array",
            "      @FilledUnderLockOf(\"tab\") Object[] nextTab,",
            "      // BUG: Diagnostic contains: parameter 'list'"
                + " (java.util.List<java.lang.Object>) is not an array",
            "      @FilledUnderLockOf(\"nextTab\") java.util.List<Object> list) {}",
            "}")
        .doTest();
  }
}

package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import org.junit.jupiter.api.Test;

/**
 * {@code synchronized (f)} on a snapshot of a slot whose lock is the held value takes that slot's
 * lock (ConcurrentHashMap's bin lock). Regression: the dataflow framework gives no value for a
 * {@code synchronized} expression, so the monitor was never recognised as the slot's lock.
 */
class SynchronizedOnSnapshotTest {

  private static final String[] BINS = {
    "import dev.readonce.annotations.*;",
    "import java.lang.invoke.*;",
    "final class Bins {",
    "  static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Object[].class);",
    "  @ReadOnce(lock = ReadOnce.HELD_VALUE) final Object[] table = new Object[16];",
    "  @ReadOnce(lock = ReadOnce.HELD_VALUE)",
    "  static Object tabAt(Object[] tab, int i) { return BIN.getAcquire(tab, i); }",
    "  @ModifiesSlot(value = {\"tab\", \"i\"}, requiresLock = true)",
    "  static void setTabAt(Object[] tab, int i, Object v) { BIN.setRelease(tab, i, v); }",
    "}"
  };

  private static CompilationTestHelper helper(Class<? extends BugChecker> check) {
    return CompilationTestHelper.newInstance(check, SynchronizedOnSnapshotTest.class)
        .addSourceLines("Bins.java", BINS);
  }

  @Test
  void recheckUnderHeadMonitorIsALockedRead() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Clear.java",
            "class Clear {",
            "  void clear(Bins map, int i) {",
            "    Object[] tab = map.table;",
            "    for (;;) {",
            "      Object f = Bins.tabAt(tab, i);",
            "      if (f == null) return;",
            "      synchronized (f) {",
            "        if (Bins.tabAt(tab, i) == f) { Bins.setTabAt(tab, i, null); return; }",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void storeUnderHeadMonitorHoldsTheLock() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Clear.java",
            "class Clear {",
            "  void locked(Bins map, int i) {",
            "    Object[] tab = map.table;",
            "    for (;;) {",
            "      Object f = Bins.tabAt(tab, i);",
            "      if (f == null) return;",
            "      synchronized (f) {",
            "        if (Bins.tabAt(tab, i) == f) { Bins.setTabAt(tab, i, null); return; }",
            "      }",
            "    }",
            "  }",
            "  void unlocked(Bins map, int i) {",
            "    Object[] tab = map.table;",
            "    // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock",
            "    Bins.setTabAt(tab, i, null);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void snapshotUsedUnderHeadMonitorWithoutRecheckIsStale() {
    helper(MissingRevalidation.class)
        .addSourceLines(
            "Use.java",
            "class Use {",
            "  String describe(Bins map, int i) {",
            "    Object[] tab = map.table;",
            "    Object f = Bins.tabAt(tab, i);",
            "    if (f == null) return null;",
            "    synchronized (f) {",
            "      // BUG: Diagnostic contains: snapshot 'f' of slot 'tab[i]'",
            "      return String.valueOf(f);",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void storeUnderHeadMonitorWithoutRecheckGoesOnFromAStaleTest() {
    helper(MissingRevalidation.class)
        .addSourceLines(
            "Put.java",
            "class Put {",
            "  void noRecheck(Bins map, int i, Object v) {",
            "    Object[] tab = map.table;",
            "    Object f = Bins.tabAt(tab, i);",
            "    if (f == null) return;",
            "    synchronized (f) {",
            "      // BUG: Diagnostic contains: slot 'tab[i]' under the lock taken on line 6",
            "      Bins.setTabAt(tab, i, v);",
            "    }",
            "  }",
            "  void afterTheRecheckOnEitherOutcome(Bins map, int i, Object v) {",
            "    Object[] tab = map.table;",
            "    Object f = Bins.tabAt(tab, i);",
            "    if (f == null) return;",
            "    synchronized (f) {",
            "      if (Bins.tabAt(tab, i) == f) { v = f; }",
            "      // BUG: Diagnostic contains: re-check of the snapshot read on line 13 showed",
            "      Bins.setTabAt(tab, i, v);",
            "    }",
            "  }",
            "  void recheckedFirst(Bins map, int i, Object v) {",
            "    Object[] tab = map.table;",
            "    for (;;) {",
            "      Object f = Bins.tabAt(tab, i);",
            "      if (f == null) return;",
            "      synchronized (f) {",
            "        if (Bins.tabAt(tab, i) != f) continue;",
            "        Bins.setTabAt(tab, i, v);",
            "        return;",
            "      }",
            "    }",
            "  }",
            "  void recheckedAround(Bins map, int i, Object v) {",
            "    Object[] tab = map.table;",
            "    Object f = Bins.tabAt(tab, i);",
            "    if (f == null) return;",
            "    synchronized (f) {",
            "      if (Bins.tabAt(tab, i) == f) { Bins.setTabAt(tab, i, v); }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void storeUnderFieldLockAfterAnUnlockedTestNeedsTheRecheck() {
    CompilationTestHelper.newInstance(MissingRevalidation.class, SynchronizedOnSnapshotTest.class)
        .addSourceLines(
            "Once.java",
            "import dev.readonce.annotations.*;",
            "final class Once {",
            "  private final Object lock = new Object();",
            "  @ReadOnce(lock = \"lock\") volatile Object value;",
            "  void lazyNoRecheck() {",
            "    if (value == null) {",
            "      synchronized (lock) {",
            "        // BUG: Diagnostic contains: slot 'value' under the lock taken on line 7",
            "        value = new Object();",
            "      }",
            "    }",
            "  }",
            "  void lazyRechecked() {",
            "    if (value == null) {",
            "      synchronized (lock) {",
            "        if (value == null) { value = new Object(); }",
            "      }",
            "    }",
            "  }",
            "  void readUnderTheLockOnly() {",
            "    synchronized (lock) {",
            "      if (value == null) { value = new Object(); }",
            "    }",
            "  }",
            "  void untestedReadBefore() {",
            "    Object old = value;",
            "    synchronized (lock) {",
            "      value = new Object();",
            "    }",
            "    System.out.println(old);",
            "  }",
            "}")
        .doTest();
  }
}

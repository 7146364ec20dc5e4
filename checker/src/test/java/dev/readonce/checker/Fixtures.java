package dev.readonce.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small slot vocabulary shared by the checks' tests: handles of a stable and an unstable level,
 * pointer tests, lock, re-check, descend and modify helpers, and callback interfaces.
 */
final class Fixtures {

  private Fixtures() {}

  private static final Map<String, String[]> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put(
        "Ref.java",
        new String[] {
          "import dev.readonce.annotations.*;",
          "import java.lang.invoke.*;",
          "abstract class Ref {",
          "  static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
          "  @ReadOnce final long[] table;",
          "  final int index;",
          "  Ref(long[] table, int index) { this.table = table; this.index = index; }",
          "  @ReadOnce long get() { return (long) E.getOpaque(table, index); }",
          "  @ReadOnce(atomic = false) long deref() { return table[index]; }",
          "  @ModifiesSlot(requiresLock = true) void set(long v) { E.setRelease(table, index, v);"
              + " }",
          "  boolean cas(long expected, long v) { return E.compareAndSet(table, index, expected,"
              + " v); }",
          "}"
        });
    SOURCES.put(
        "Upper.java",
        new String[] {
          "import dev.readonce.annotations.*;",
          "@StableAfterPointer",
          "final class Upper extends Ref {",
          "  Upper(long[] table, int index) { super(table, index); }",
          "  Upper next() { return new Upper(table, index + 1); }",
          "}"
        });
    SOURCES.put(
        "Lower.java",
        new String[] {
          "final class Lower extends Ref {",
          "  Lower(long[] table, int index) { super(table, index); }",
          "  Lower next() { return new Lower(table, index + 1); }",
          "}"
        });
    SOURCES.put(
        "Pt.java",
        new String[] {
          "import dev.readonce.annotations.*;",
          "import dev.readonce.annotations.PointerTest.Shows;",
          "import java.util.concurrent.locks.*;",
          "final class Pt {",
          "  static final ReentrantLock LOCK = new ReentrantLock();",
          "  @PointerTest(Shows.NONE) static boolean none(long v) { return v == 0; }",
          "  @PointerTest(Shows.PRESENT) static boolean present(long v) { return (v & 1) != 0; }",
          "  @PointerTest(Shows.LEAF) static boolean leaf(long v) { return (v & 2) != 0; }",
          "  @PointerTest(Shows.TABLE) static boolean table(long v) { return (v & 3) == 1; }",
          "  static long pfn(long v) { return v >>> 12; }",
          "  @LocksSlot(\"u\") static Lock lock(Upper u) { LOCK.lock(); return LOCK; }",
          "  @LocksSlot(\"l\") static Lock lock(Lower l) { LOCK.lock(); return LOCK; }",
          "  @LocksSlot(\"u\") static Lock hugeLock(Upper u) {",
          "    LOCK.lock();",
          "    if (leaf(u.get())) return LOCK;",
          "    LOCK.unlock();",
          "    return null;",
          "  }",
          "  @Revalidates static boolean same(Ref r, long snapshot) { return r.get() == snapshot;"
              + " }",
          "  @Descends static Lower lower(@Snapshot long upper, int i) {",
          "    return new Lower(new long[512], i);",
          "  }",
          "  @Descends static long[] leaves(@Snapshot long lower) { return new long[512]; }",
          "  @ModifiesSlot(\"u\") static void split(Upper u) {}",
          "  @LocksSlot(\"lowerval\") static Lock tableLock(@Snapshot long lowerval) {",
          "    LOCK.lock();",
          "    return LOCK;",
          "  }",
          "  static void use(long v) {}",
          "}"
        });
    SOURCES.put(
        "Ops.java",
        new String[] {
          "import dev.readonce.annotations.*;",
          "interface Ops {",
          "  int entry(@Snapshot(\"u\") long snap, Upper u);",
          "}"
        });
    SOURCES.put(
        "LeafOps.java",
        new String[] {
          "import dev.readonce.annotations.*;",
          "interface LeafOps {",
          "  int leaf(@Snapshot(value = \"l\", lockHeld = true) long v, Lower l);",
          "}"
        });
    SOURCES.put(
        "OldOps.java",
        new String[] {
          "interface OldOps {",
          "  int entry(Upper u);",
          "}"
        });
  }

  /** The shared sources, by file name (for tests that compile without a test helper). */
  static Map<String, String[]> sources() {
    return java.util.Collections.unmodifiableMap(SOURCES);
  }

  static CompilationTestHelper withSlots(CompilationTestHelper helper) {
    SOURCES.forEach(helper::addSourceLines);
    return helper;
  }

  // The callers finish the chain with doTest(); this only adds the shared inputs.
  @SuppressWarnings("MissingTestCall")
  static BugCheckerRefactoringTestHelper withSlots(BugCheckerRefactoringTestHelper helper) {
    BugCheckerRefactoringTestHelper out = helper;
    for (Map.Entry<String, String[]> source : SOURCES.entrySet()) {
      out = out.addInputLines(source.getKey(), source.getValue()).expectUnchanged();
    }
    return out;
  }
}

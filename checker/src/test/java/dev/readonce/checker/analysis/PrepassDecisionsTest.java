package dev.readonce.checker.analysis;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Which bodies the feasibility pre-pass skips, body by body: a callback that only decides on the
 * snapshot its caller passed is skipped like a body with one atomic read; one that reads the slot
 * again, hands the slot's handle on, descends, takes a lock, or runs under a lock held at entry is
 * analyzed. {@code PrepassEquivalenceTest} shows that the skipped bodies have no findings.
 */
class PrepassDecisionsTest {

  private static final String[] SLOTS = {
    "import dev.readonce.annotations.*;",
    "import dev.readonce.annotations.PointerTest.Shows;",
    "import java.lang.invoke.*;",
    "import java.util.concurrent.locks.*;",
    "final class Upper {",
    "  static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
    "  @ReadOnce final long[] table = new long[8];",
    "  final int index = 0;",
    "  @ReadOnce long get() { return (long) E.getOpaque(table, index); }",
    "}",
    "final class Pt {",
    "  static final ReentrantLock LOCK = new ReentrantLock();",
    "  @PointerTest(Shows.NONE) static boolean none(long v) { return v == 0; }",
    "  @PointerTest(Shows.LEAF) static boolean leaf(long v) { return (v & 2) != 0; }",
    "  static long pfn(long v) { return v >>> 12; }",
    "  static void use(long v) {}",
    "  @LocksSlot(\"u\") static Lock lock(Upper u) { LOCK.lock(); return LOCK; }",
    "  @Descends static long[] lower(@Snapshot long upper) { return new long[8]; }",
    "}",
    "interface Ops {",
    "  int entry(@Snapshot(\"u\") long snap, Upper u);",
    "}",
    "interface LeafOps {",
    "  int leaf(@Snapshot(value = \"u\", lockHeld = true) long v, Upper u);",
    "}"
  };

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(PrepassPrinter.class, getClass())
          .addSourceLines("Slots.java", SLOTS);

  @Test
  void snapshotCallbacksThatOnlyDecideOnTheSnapshotAreSkipped() {
    helper
        .addSourceLines(
            "GoodCase.java",
            "class GoodCase implements Ops {",
            "  // BUG: Diagnostic contains: pre-pass skips",
            "  @Override public int entry(long snap, Upper u) {",
            "    return Pt.none(snap) ? 0 : Pt.leaf(snap) ? 1 : 2;",
            "  }",
            "}")
        .addSourceLines(
            "TCase.java",
            "class TCase {",
            "  // BUG: Diagnostic contains: pre-pass skips",
            "  Ops decides = (snap, u) -> Pt.none(snap) ? 0 : 1;",
            "  // BUG: Diagnostic contains: pre-pass skips",
            "  Ops computes = (snap, u) -> { Pt.use(Pt.pfn(snap)); return 1; };",
            "}")
        .doTest();
  }

  @Test
  void snapshotCallbacksThatMayFindSomethingAreAnalyzed() {
    helper
        .addSourceLines(
            "TCase.java",
            "class TCase {",
            "  // BUG: Diagnostic contains: analyzed",
            "  Ops rereads = (snap, u) -> Pt.none(snap) ? 0 : (int) u.get();",
            "  // BUG: Diagnostic contains: analyzed",
            "  Ops handsOn = (snap, u) -> Pt.none(snap) ? 0 : keep(u);",
            "  // BUG: Diagnostic contains: analyzed",
            "  Ops descends = (snap, u) -> Pt.lower(snap) == null ? 0 : 1;",
            "  // BUG: Diagnostic contains: analyzed",
            "  Ops locks = (snap, u) -> { Pt.lock(u).unlock(); return Pt.none(snap) ? 0 : 1; };",
            "  // A snapshot read under the lock, which is held from the start.",
            "  // BUG: Diagnostic contains: analyzed",
            "  LeafOps underLock = (v, u) -> Pt.leaf(v) ? 1 : 0;",
            "  // BUG: Diagnostic contains: pre-pass skips",
            "  static int keep(Upper u) { return 0; }",
            "}")
        .doTest();
  }
}

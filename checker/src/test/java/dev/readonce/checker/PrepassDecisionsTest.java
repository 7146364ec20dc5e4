package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.analysis.PrepassPrinter;
import org.junit.jupiter.api.Test;

/**
 * Which bodies the feasibility pre-pass skips, body by body: a callback that only decides on the
 * snapshot its caller passed is skipped like a body with one atomic read; one that reads the slot
 * again, hands the slot's handle on, or runs under a lock held at entry is analyzed.
 * {@code PrepassEquivalenceTest} shows that the skipped bodies have no findings.
 */
class PrepassDecisionsTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(CompilationTestHelper.newInstance(PrepassPrinter.class, getClass()));

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
            "  Ops descends = (snap, u) -> Pt.lower(snap, 0) == null ? 0 : 1;",
            "  // BUG: Diagnostic contains: analyzed",
            "  Ops locks = (snap, u) -> { Pt.lock(u).unlock(); return Pt.none(snap) ? 0 : 1; };",
            "  // A snapshot read under the lock, which is held from the start.",
            "  // BUG: Diagnostic contains: analyzed",
            "  LeafOps underLock = (v, l) -> Pt.leaf(v) ? 1 : 0;",
            "  // BUG: Diagnostic contains: pre-pass skips",
            "  static int keep(Upper u) { return 0; }",
            "}")
        .doTest();
  }
}

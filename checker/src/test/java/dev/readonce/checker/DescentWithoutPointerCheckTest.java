package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class DescentWithoutPointerCheckTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(
          CompilationTestHelper.newInstance(DescentWithoutPointerCheck.class, getClass()));

  @Test
  void descentNeedsAllThreeFactsInAnyOrder() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  Lower untested(Upper u) {",
            "    long v = u.get();",
            "    // BUG: Diagnostic contains: (not shown: not none, present, not a leaf)",
            "    return Pt.lower(v, 0);",
            "  }",
            "  Lower onlyNotNone(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return null;",
            "    // BUG: Diagnostic contains: (not shown: present, not a leaf)",
            "    return Pt.lower(v, 0);",
            "  }",
            "  Lower allThree(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return null;",
            "    if (Pt.leaf(v)) return null;",
            "    if (!Pt.present(v)) return null;",
            "    return Pt.lower(v, 0);",
            "  }",
            "  Lower tableTest(Upper u) {",
            "    long v = u.get();",
            "    return Pt.table(v) ? Pt.lower(v, 0) : null;",
            "  }",
            "  Lower shortCircuit(Upper u) {",
            "    long v = u.get();",
            "    if (!Pt.present(v) || Pt.leaf(v)) return null;",
            "    return Pt.lower(v, 0);",
            "  }",
            "  Lower wrongBranch(Upper u) {",
            "    long v = u.get();",
            "    // BUG: Diagnostic contains: DescentWithoutPointerCheck",
            "    if (Pt.leaf(v)) return Pt.lower(v, 0);",
            "    return null;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rfcResidualRaceRefaultAfterSplit() {
    helper
        .addSourceLines(
            "Walk.java",
            "class Walk {",
            "  int rfcAsPosted(Upper u) {",
            "    again:",
            "    for (;;) {",
            "      long pud = u.get();",
            "      if (Pt.none(pud)) return 0;",
            "      Pt.split(u);",
            "      pud = u.get();",
            "      if (Pt.none(pud)) continue again;",
            "      // BUG: Diagnostic contains: (not shown: present, not a leaf)",
            "      Lower l = Pt.lower(pud, 0);",
            "      return l.index;",
            "    }",
            "  }",
            "  int mainline3b89863c3fa4(Upper u) {",
            "    again:",
            "    for (;;) {",
            "      long pud = u.get();",
            "      if (Pt.none(pud)) return 0;",
            "      Pt.split(u);",
            "      pud = u.get();",
            "      if (!Pt.present(pud) || Pt.leaf(pud)) continue again;",
            "      Lower l = Pt.lower(pud, 0);",
            "      return l.index;",
            "    }",
            "  }",
            "  int loopsAndSwitch(Upper u, int k) {",
            "    for (int i = 0; i < 4; i++, u = u.next()) {",
            "      long pud = u.get();",
            "      switch (k) {",
            "        case 0:",
            "          if (!Pt.table(pud)) continue;",
            "          Pt.lower(pud, i);",
            "          break;",
            "        default:",
            "          // BUG: Diagnostic contains: DescentWithoutPointerCheck",
            "          Pt.lower(pud, i);",
            "      }",
            "    }",
            "    return 0;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void unstableSlotsNeedLockAndRecheck() {
    helper
        .addSourceLines(
            "Pte.java",
            "import java.util.concurrent.locks.Lock;",
            "class Pte {",
            "  long[] unlocked(Lower pmd) {",
            "    long v = pmd.get();",
            "    if (!Pt.table(v)) return null;",
            "    // BUG: Diagnostic contains: not @StableAfterPointer",
            "    return Pt.leaves(v);",
            "  }",
            "  long[] lockedNoRecheck(Lower pmd) {",
            "    long v = pmd.get();",
            "    if (!Pt.table(v)) return null;",
            "    Lock l = Pt.lock(pmd);",
            "    try {",
            "      return Pt.leaves(v);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  long[] pteOffsetMapLock(Lower pmd) {",
            "    for (;;) {",
            "      long v = pmd.get();",
            "      if (!Pt.table(v)) return null;",
            "      Lock l = Pt.lock(pmd);",
            "      if (pmd.get() != v) { l.unlock(); continue; }",
            "      long[] ptes = Pt.leaves(v);",
            "      l.unlock();",
            "      return ptes;",
            "    }",
            "  }",
            "  long[] lockedRead(Lower pmd) {",
            "    Lock l = Pt.lock(pmd);",
            "    try {",
            "      long v = pmd.get();",
            "      if (!Pt.table(v)) return null;",
            "      return Pt.leaves(v);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  long[] afterUnlock(Lower pmd) {",
            "    Lock l = Pt.lock(pmd);",
            "    long v = pmd.get();",
            "    l.unlock();",
            "    if (!Pt.table(v)) return null;",
            "    // BUG: Diagnostic contains: not @StableAfterPointer",
            "    return Pt.leaves(v);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lockDesignatedBySnapshotCoversItsSlot() {
    helper
        .addSourceLines(
            "Pte.java",
            "import java.util.concurrent.locks.Lock;",
            "class Pte {",
            "  long[] pteOffsetMapLock(Lower pmdp) {",
            "    for (;;) {",
            "      long pmd = pmdp.get();",
            "      if (!Pt.table(pmd)) return null;",
            "      Lock ptl = Pt.tableLock(pmd);",
            "      try {",
            "        if (!Pt.same(pmdp, pmd)) continue;",
            "        return Pt.leaves(pmd);",
            "      } finally {",
            "        ptl.unlock();",
            "      }",
            "    }",
            "  }",
            "  long[] otherSnapshotsTable(Lower pmdp, Lower other) {",
            "    long pmd = pmdp.get();",
            "    long o = other.get();",
            "    if (!Pt.table(pmd) || !Pt.table(o)) return null;",
            "    Lock ptl = Pt.tableLock(pmd);",
            "    try {",
            "      if (!Pt.same(pmdp, pmd)) return null;",
            "      // BUG: Diagnostic contains: not @StableAfterPointer",
            "      return Pt.leaves(o);",
            "    } finally {",
            "      ptl.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callersAreJudgedByTheirCalleesDescent() {
    helper
        .addSourceLines(
            "Walk.java",
            "import dev.readonce.annotations.Snapshot;",
            "class Walk {",
            "  private int walkLower(@Snapshot(\"u\") long pud, Upper u) {",
            "    return Pt.lower(pud, 0).index;",
            "  }",
            "  int good(Upper u) {",
            "    long pud = u.get();",
            "    if (!Pt.table(pud)) return 0;",
            "    return walkLower(pud, u);",
            "  }",
            "  int bad(Upper u) {",
            "    long pud = u.get();",
            "    if (Pt.none(pud)) return 0;",
            "    // BUG: Diagnostic contains: descends (in walkLower())",
            "    return walkLower(pud, u);",
            "  }",
            "  public int open(@Snapshot(\"u\") long pud, Upper u) {",
            "    // BUG: Diagnostic contains: DescentWithoutPointerCheck",
            "    return Pt.lower(pud, 0).index;",
            "  }",
            "}")
        .addSourceLines(
            "Impl.java",
            "class Impl implements Ops {",
            "  @Override public int entry(long snap, Upper u) {",
            "    if (!Pt.table(snap)) return 0;",
            "    return Pt.lower(snap, 1).index;",
            "  }",
            "}")
        .addSourceLines(
            "L.java",
            "class L {",
            "  // BUG: Diagnostic contains: DescentWithoutPointerCheck",
            "  Ops lambda = (snap, u) -> Pt.lower(snap, 0).index;",
            "  Ops anonymous = new Ops() {",
            "    @Override public int entry(long snap, Upper u) {",
            "      // BUG: Diagnostic contains: DescentWithoutPointerCheck",
            "      return Pt.none(snap) ? 0 : Pt.lower(snap, 0).index;",
            "    }",
            "  };",
            "  @SuppressWarnings(\"DescentWithoutPointerCheck\")",
            "  Lower suppressed(Upper u) { return Pt.lower(u.get(), 0); }",
            "}")
        .doTest();
  }
}

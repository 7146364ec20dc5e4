package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class SnapshotNotPassedTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(CompilationTestHelper.newInstance(SnapshotNotPassed.class, getClass()));

  @Test
  void callbackGivenOnlyTheHandle() {
    helper
        .addSourceLines(
            "Walk.java",
            "class Walk {",
            "  int preRfc(Upper u, OldOps ops) {",
            "    if (Pt.none(u.get())) return 0;",
            "    // BUG: Diagnostic contains: entry() is given slot 'u' and reads it again",
            "    return ops.entry(u);",
            "  }",
            "  int rfc(Upper u, Ops ops) {",
            "    long pud = u.get();",
            "    if (Pt.none(pud)) return 0;",
            "    return ops.entry(pud, u);",
            "  }",
            "  int beforeAnyRead(Upper u, OldOps ops) {",
            "    return ops.entry(u);",
            "  }",
            "  int lockAndModifyHelpersTakeTheHandle(Upper u) {",
            "    long pud = u.get();",
            "    if (Pt.none(pud)) return 0;",
            "    Pt.split(u);",
            "    return 1;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void calleesOfThisUnitAreJudgedByTheirBodies() {
    helper
        .addSourceLines(
            "Walk.java",
            "import dev.readonce.annotations.Snapshot;",
            "class Walk {",
            "  private static Lower pmdOffset(Upper pud, int i) {",
            "    return Pt.lower(pud.deref(), i);",
            "  }",
            "  private static int walkPmdRange(Upper pud) {",
            "    return pmdOffset(pud, 0).index;",
            "  }",
            "  private static int countOnly(Upper pud) {",
            "    return pud.index;",
            "  }",
            "  int walkPudRange(Upper pud) {",
            "    if (Pt.none(pud.deref())) return 0;",
            "    // BUG: Diagnostic contains: walkPmdRange() is given slot 'pud'",
            "    int a = walkPmdRange(pud);",
            "    return a + countOnly(pud);",
            "  }",
            "  private static int fixedPmdRange(@Snapshot(\"pudp\") long pud, Upper pudp) {",
            "    return Pt.table(pud) ? Pt.lower(pud, 0).index : 0;",
            "  }",
            "  int fixedPudRange(Upper pudp) {",
            "    long pud = pudp.get();",
            "    if (Pt.none(pud)) return 0;",
            "    return fixedPmdRange(pud, pudp);",
            "  }",
            "  int loop(Upper pud) {",
            "    int n = 0;",
            "    for (int i = 0; i < 3; i++) {",
            "      if (Pt.none(pud.get())) continue;",
            "      // BUG: Diagnostic contains: SnapshotNotPassed",
            "      n += walkPmdRange(pud);",
            "      pud = pud.next();",
            "    }",
            "    return n;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void switchLabelledLoopsFinallyAndOverrides() {
    helper
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  int sw(Upper u, OldOps ops, int k) {",
            "    long pud = u.get();",
            "    switch (k) {",
            "      case 0:",
            "        return Pt.none(pud) ? 0 : 1;",
            "      default:",
            "        // BUG: Diagnostic contains: SnapshotNotPassed",
            "        return Pt.leaf(pud) ? ops.entry(u) : 2;",
            "    }",
            "  }",
            "  int labelled(Upper u, OldOps ops) {",
            "    int n = 0;",
            "    outer:",
            "    for (int i = 0; i < 3; i++, u = u.next()) {",
            "      long pud = u.get();",
            "      for (int j = 0; j < 2; j++) {",
            "        if (Pt.none(pud)) continue outer;",
            "        // BUG: Diagnostic contains: SnapshotNotPassed",
            "        n += ops.entry(u);",
            "      }",
            "    }",
            "    return n;",
            "  }",
            "  int finallyBlock(Upper u, OldOps ops) {",
            "    long pud = u.get();",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      if (u.get() != pud) return -1;",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "    // BUG: Diagnostic contains: SnapshotNotPassed",
            "    return Pt.none(pud) ? 0 : ops.entry(u);",
            "  }",
            "  int earlyReturnLeavesNoSnapshot(Upper u, OldOps ops, boolean b) {",
            "    if (b) return ops.entry(u);",
            "    long pud = u.get();",
            "    return Pt.none(pud) ? 0 : 1;",
            "  }",
            "}")
        .addSourceLines(
            "Over.java",
            "class Over implements Ops {",
            "  private final OldOps inner = x -> 0;",
            "  @Override public int entry(long snap, Upper u) {",
            "    // BUG: Diagnostic contains: entry() is given slot 'u'",
            "    return Pt.none(snap) ? 0 : inner.entry(u);",
            "  }",
            "}")
        .addSourceLines(
            "Anon.java",
            "class Anon {",
            "  Ops ops = new Ops() {",
            "    @Override public int entry(long snap, Upper u) {",
            "      OldOps old = x -> 0;",
            "      // BUG: Diagnostic contains: SnapshotNotPassed",
            "      return old.entry(u);",
            "    }",
            "  };",
            "  Ops passes = new Ops() {",
            "    @Override public int entry(long snap, Upper u) {",
            "      return new Ops() {",
            "        @Override public int entry(long s, Upper v) { return (int) s; }",
            "      }.entry(snap, u);",
            "    }",
            "  };",
            "}")
        .doTest();
  }

  @Test
  void branchesTernariesAndLambdas() {
    helper
        .addSourceLines(
            "T.java",
            "import java.util.function.ToIntFunction;",
            "class T {",
            "  int branch(Upper u, OldOps ops, boolean b) {",
            "    if (b) {",
            "      long pud = u.get();",
            "      if (Pt.none(pud)) return 0;",
            "    }",
            "    // BUG: Diagnostic contains: SnapshotNotPassed",
            "    return ops.entry(u);",
            "  }",
            "  int otherBranch(Upper u, OldOps ops, boolean b) {",
            "    if (b) {",
            "      long pud = u.get();",
            "      return Pt.none(pud) ? 0 : 1;",
            "    }",
            "    return ops.entry(u);",
            "  }",
            "  int ternary(Upper u, OldOps ops) {",
            "    // BUG: Diagnostic contains: SnapshotNotPassed",
            "    return Pt.none(u.get()) ? 0 : ops.entry(u);",
            "  }",
            "  int afterSplit(Upper u, OldOps ops) {",
            "    if (Pt.none(u.get())) return 0;",
            "    Pt.split(u);",
            "    return ops.entry(u);",
            "  }",
            "  Ops lambda = (snap, u) -> {",
            "    OldOps old = x -> 0;",
            "    // BUG: Diagnostic contains: SnapshotNotPassed",
            "    return old.entry(u);",
            "  };",
            "  Ops forwards = (snap, u) -> new Impl().entry(snap, u);",
            "  static class Impl implements Ops {",
            "    @Override public int entry(long snap, Upper u) { return (int) snap; }",
            "  }",
            "  @SuppressWarnings(\"SnapshotNotPassed\")",
            "  int suppressed(Upper u, OldOps ops) {",
            "    return Pt.none(u.get()) ? 0 : ops.entry(u);",
            "  }",
            "}")
        .doTest();
  }
}

package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnlockedRereadTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(CompilationTestHelper.newInstance(UnlockedReread.class, getClass()));

  @Test
  void rereadAfterTestIsFlagged() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int walk(Upper u) {",
            "    if (Pt.none(u.get())) return 0;",
            "    // BUG: Diagnostic contains: slot 'u' read again after the read on line 3",
            "    if (Pt.leaf(u.get())) return 1;",
            "    return 2;",
            "  }",
            "  int once(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    if (Pt.leaf(v)) return 1;",
            "    return 2;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rereadWhileSnapshotLiveIsFlaggedWithItsName() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  long live(Upper u) {",
            "    long v = u.get();",
            "    // BUG: Diagnostic contains: use 'v'",
            "    long w = u.get();",
            "    return v + w;",
            "  }",
            "  long dead(Upper u) {",
            "    long v = u.get();",
            "    Pt.use(v + 1);",
            "    long w = u.get();",
            "    return w;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rereadAfterSplitIsRefresh() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int refresh(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    Pt.split(u);",
            "    v = u.get();",
            "    return Pt.leaf(v) ? 1 : 2;",
            "  }",
            "  int noSplit(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    v = u.get();",
            "    return Pt.leaf(v) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void newPassPerLoopIteration() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int perPass(Upper u) {",
            "    int n = 0;",
            "    for (int i = 0; i < 4; i++) {",
            "      long v = u.get();",
            "      if (Pt.none(v)) continue;",
            "      n++;",
            "    }",
            "    return n;",
            "  }",
            "  int twiceInOnePass(Upper u) {",
            "    int n = 0;",
            "    for (int i = 0; i < 4; i++) {",
            "      if (Pt.none(u.get())) continue;",
            "      // BUG: Diagnostic contains: UnlockedReread",
            "      if (Pt.leaf(u.get())) n++;",
            "    }",
            "    return n;",
            "  }",
            "  int walkEntries(Upper u) {",
            "    int n = 0;",
            "    do {",
            "      long v = u.get();",
            "      if (!Pt.none(v)) n++;",
            "      u = u.next();",
            "    } while (n < 3);",
            "    return n;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void labelledRetryStartsANewPass() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int retry(Upper u) {",
            "    again:",
            "    for (;;) {",
            "      long v = u.get();",
            "      if (Pt.none(v)) continue again;",
            "      for (int j = 0; j < 2; j++) {",
            "        if (Pt.leaf(v)) continue again;",
            "      }",
            "      return 1;",
            "    }",
            "  }",
            "  int innerLoopRereads(Upper u) {",
            "    outer:",
            "    for (int i = 0; i < 3; i++) {",
            "      long v = u.get();",
            "      if (Pt.none(v)) break outer;",
            "      for (int j = 0; j < 2; j++) {",
            "        // BUG: Diagnostic contains: use 'v'",
            "        if (Pt.leaf(u.get()) != Pt.leaf(v)) continue outer;",
            "      }",
            "    }",
            "    return 0;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void branchesAndEarlyReturn() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int eitherBranch(Upper u, boolean b) {",
            "    long v;",
            "    if (b) { v = u.get(); } else { v = 0; }",
            "    if (Pt.none(v)) return 0;",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    return Pt.leaf(u.get()) ? 1 : 2;",
            "  }",
            "  int earlyReturn(Upper u, boolean b) {",
            "    if (b) {",
            "      long v = u.get();",
            "      return Pt.none(v) ? 0 : 1;",
            "    }",
            "    long w = u.get();",
            "    return Pt.leaf(w) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void switchTernaryAndShortCircuit() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int sw(Upper u, int k) {",
            "    long v = u.get();",
            "    switch ((int) (v & 3)) {",
            "      case 0: return Pt.none(v) ? 0 : 1;",
            "      case 1:",
            "        // BUG: Diagnostic contains: UnlockedReread",
            "        return Pt.leaf(u.get()) ? 2 : 3;",
            "      default: return 4;",
            "    }",
            "  }",
            "  int ternary(Upper u) {",
            "    long v = u.get();",
            "    return Pt.none(v) ? 0 : Pt.leaf(v) ? 1 : 2;",
            "  }",
            "  boolean shortCircuit(Upper u) {",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    return !Pt.none(u.get()) && Pt.leaf(u.get());",
            "  }",
            "  boolean shortCircuitOnce(Upper u) {",
            "    long v = u.get();",
            "    return !Pt.none(v) || Pt.leaf(v);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readsUnderTheLockAreStable() {
    helper
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  long locked(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      long w = u.get();",
            "      if (w != v) return -1;",
            "      return u.get() + w;",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  long lockedReadNeverCounts(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    long w = u.get();",
            "    l.unlock();",
            "    if (Pt.none(w)) return 0;",
            "    return u.get();",
            "  }",
            "  long unlockedBeforeTheLockStillCounts(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    Lock l = Pt.lock(u);",
            "    l.unlock();",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    return u.get();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callbackThatGotTheSnapshotMustNotReread() {
    helper
        .addSourceLines(
            "Impl.java",
            "class Impl implements Ops {",
            "  @Override public int entry(long snap, Upper u) {",
            "    if (Pt.none(snap)) return 0;",
            "    // BUG: Diagnostic contains: caller passed its snapshot 'snap'",
            "    return Pt.leaf(u.get()) ? 1 : 2;",
            "  }",
            "}")
        .addSourceLines(
            "Good.java",
            "class Good implements Ops {",
            "  @Override public int entry(long snap, Upper u) {",
            "    return Pt.none(snap) ? 0 : Pt.leaf(snap) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lambdaAnonymousClassAndMethodReferenceInheritTheContract() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  // BUG: Diagnostic contains: caller passed its snapshot",
            "  Ops lambda = (snap, u) -> Pt.none(snap) ? 0 : (int) u.get();",
            "  Ops good = (snap, u) -> Pt.none(snap) ? 0 : 1;",
            "  Ops anonymous = new Ops() {",
            "    @Override public int entry(long snap, Upper u) {",
            "      // BUG: Diagnostic contains: caller passed its snapshot",
            "      return Pt.leaf(u.get()) ? 1 : 0;",
            "    }",
            "  };",
            "  Ops ref = this::handle;",
            "  int handle(long snap, Upper u) {",
            "    // BUG: Diagnostic contains: caller passed its snapshot",
            "    return Pt.none(u.get()) ? 0 : 1;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void differentSlotsAndNewSlotAfterAdvance() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  int two(Upper a, Upper b) {",
            "    long x = a.get();",
            "    long y = b.get();",
            "    return Pt.none(x) || Pt.none(y) ? 0 : 1;",
            "  }",
            "  int advance(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    u = u.next();",
            "    long w = u.get();",
            "    return Pt.none(w) ? 1 : 2;",
            "  }",
            "  @SuppressWarnings(\"UnlockedReread\")",
            "  int suppressed(Upper u) {",
            "    if (Pt.none(u.get())) return 0;",
            "    return Pt.leaf(u.get()) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * The v5.10 split_huge_pud() macro peeks twice ({@code pud_trans_huge(*pud) ||
   * pud_devmap(*pud)}) through tests no @PointerTest declares: a boolean predicate of the first
   * read still decides, so the second read is flagged.
   */
  @Test
  void splitMacroPeeksTwiceThroughUndeclaredPredicates() {
    helper
        .addSourceLines(
            "T.java",
            "import dev.readonce.annotations.ModifiesSlot;",
            "class T {",
            "  static boolean transHuge(long v) { return (v & 4) != 0; }",
            "  static boolean devmap(long v) { return (v & 8) != 0; }",
            "  @ModifiesSlot(\"u\") static void split(Upper u) {",
            "    if (transHuge(u.get())",
            "        // BUG: Diagnostic contains: slot 'u' read again after the read on line 6",
            "        || devmap(u.get())) {",
            "      Pt.split(u);",
            "    }",
            "  }",
            "  @ModifiesSlot(\"u\") static void splitOnce(Upper u) {",
            "    long v = u.get();",
            "    if (transHuge(v) || devmap(v)) {",
            "      Pt.split(u);",
            "    }",
            "  }",
            "}")
        .doTest();
  }
}

package dev.readonce.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import org.junit.jupiter.api.Test;

/** Every suggested fix, applied: the refactored code is what a careful engineer would write. */
class SuggestedFixesTest {

  private BugCheckerRefactoringTestHelper helper(Class<? extends BugChecker> check) {
    return Fixtures.withSlots(BugCheckerRefactoringTestHelper.newInstance(check, getClass()));
  }

  /** The edits keep the file's layout: compared as text, not as trees. */
  private static final BugCheckerRefactoringTestHelper.TestMode TEXT =
      BugCheckerRefactoringTestHelper.TestMode.TEXT_MATCH;

  @Test
  void rereadUsesTheLiveSnapshot() {
    helper(UnlockedReread.class)
        .addInputLines(
            "T.java",
            "class T {",
            "  long live(Upper u) {",
            "    long v = u.get();",
            "    long w = u.get();",
            "    return v + w;",
            "  }",
            "}")
        .addOutputLines(
            "T.java",
            "class T {",
            "  long live(Upper u) {",
            "    long v = u.get();",
            "    long w = v;",
            "    return v + w;",
            "  }",
            "}")
        .doTest(TEXT);
  }

  @Test
  void rereadIntoTheSameVariableIsRemoved() {
    helper(UnlockedReread.class)
        .addInputLines(
            "T.java",
            "class T {",
            "  int again(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    v = u.get();",
            "    return Pt.leaf(v) ? 1 : 2;",
            "  }",
            "}")
        .addOutputLines(
            "T.java",
            "class T {",
            "  int again(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    return Pt.leaf(v) ? 1 : 2;",
            "  }",
            "}")
        .doTest(TEXT);
  }

  @Test
  void callbackUsesTheCallersSnapshot() {
    helper(UnlockedReread.class)
        .addInputLines(
            "Impl.java",
            "class Impl implements Ops {",
            "  @Override public int entry(long snap, Upper u) {",
            "    return Pt.leaf(u.get()) ? 1 : 0;",
            "  }",
            "}")
        .addOutputLines(
            "Impl.java",
            "class Impl implements Ops {",
            "  @Override public int entry(long snap, Upper u) {",
            "    return Pt.leaf(snap) ? 1 : 0;",
            "  }",
            "}")
        .doTest(TEXT);
  }

  @Test
  void repeatedReadsGetOneSnapshotLocal() {
    helper(UnlockedReread.class)
        .addInputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    if (Pt.none(pud.deref())) return 0;",
            "    if (Pt.leaf(pud.deref())) return 1;",
            "    return Pt.present(pud.deref()) ? 2 : 3;",
            "  }",
            "}")
        .addOutputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    long pudval = pud.get();",
            "    if (Pt.none(pudval)) return 0;",
            "    if (Pt.leaf(pudval)) return 1;",
            "    return Pt.present(pudval) ? 2 : 3;",
            "  }",
            "}")
        .doTest(TEXT);
  }

  /**
   * A plain read that the snapshot fix rewrites gets that fix too (not its own rename, which would
   * overlap it when both checks are patched at once): patched alone, PlainSlotRead gives the same
   * one atomic snapshot.
   */
  @Test
  void repeatedPlainReadsGetTheSnapshotFixFromPlainSlotReadToo() {
    helper(PlainSlotRead.class)
        .addInputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    if (Pt.none(pud.deref())) return 0;",
            "    if (Pt.leaf(pud.deref())) return 1;",
            "    return Pt.present(pud.deref()) ? 2 : 3;",
            "  }",
            "  long once(Upper pud) { return pud.deref(); }",
            "}")
        .addOutputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    long pudval = pud.get();",
            "    if (Pt.none(pudval)) return 0;",
            "    if (Pt.leaf(pudval)) return 1;",
            "    return Pt.present(pudval) ? 2 : 3;",
            "  }",
            "  long once(Upper pud) { return pud.get(); }",
            "}")
        .doTest(TEXT);
  }

  @Test
  void snapshotLocalInsideALoopBodyStaysInTheBody() {
    helper(UnlockedReread.class)
        .addInputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    int n = 0;",
            "    for (int i = 0; i < 4; i++, pud = pud.next()) {",
            "      if (Pt.none(pud.get())) continue;",
            "      if (Pt.leaf(pud.get())) n++;",
            "    }",
            "    return n;",
            "  }",
            "}")
        .addOutputLines(
            "T.java",
            "class T {",
            "  int walk(Upper pud) {",
            "    int n = 0;",
            "    for (int i = 0; i < 4; i++, pud = pud.next()) {",
            "      long pudval = pud.get();",
            "      if (Pt.none(pudval)) continue;",
            "      if (Pt.leaf(pudval)) n++;",
            "    }",
            "    return n;",
            "  }",
            "}")
        .doTest(TEXT);
  }

  @Test
  void plainReadsBecomeAtomic() {
    helper(PlainSlotRead.class)
        .addInputLines(
            "T.java",
            "import java.util.concurrent.atomic.AtomicLong;",
            "import dev.readonce.annotations.ReadOnce;",
            "class T {",
            "  @ReadOnce final AtomicLong count = new AtomicLong();",
            "  long deref(Upper u) { return u.deref(); }",
            "  long element(Upper u) { return u.table[u.index]; }",
            "  long handle(Upper u) { return (long) Ref.E.get(u.table, u.index); }",
            "  long atomic() { return count.getPlain(); }",
            "}")
        .addOutputLines(
            "T.java",
            "import java.util.concurrent.atomic.AtomicLong;",
            "import dev.readonce.annotations.ReadOnce;",
            "class T {",
            "  @ReadOnce final AtomicLong count = new AtomicLong();",
            "  long deref(Upper u) { return u.get(); }",
            "  long element(Upper u) { return u.get(); }",
            "  long handle(Upper u) { return (long) Ref.E.getOpaque(u.table, u.index); }",
            "  long atomic() { return count.getOpaque(); }",
            "}")
        .doTest(TEXT);
  }
}

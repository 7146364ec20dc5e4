package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** The usual Error Prone controls work on ReadOnce checks: severities and suppression. */
class FlagsAndSuppressionTest {

  private static final String[] DOUBLE_READ = {
    "class T {",
    "  int walk(Upper u) {",
    "    if (Pt.none(u.get())) return 0;",
    "    // BUG: Diagnostic contains: [UnlockedReread]",
    "    return Pt.leaf(u.get()) ? 1 : 2;",
    "  }",
    "}"
  };

  private CompilationTestHelper helper() {
    return Fixtures.withSlots(CompilationTestHelper.newInstance(UnlockedReread.class, getClass()));
  }

  @Test
  void defaultSeverityIsError() {
    helper().addSourceLines("T.java", DOUBLE_READ).doTest();
  }

  @Test
  void warnTurnsTheFindingIntoAWarning() {
    helper()
        .setArgs("-Xep:UnlockedReread:WARN")
        .addSourceLines("T.java", DOUBLE_READ)
        .expectResult(com.sun.tools.javac.main.Main.Result.OK)
        .matchAllDiagnostics()
        .doTest();
  }

  @Test
  void theLinkIsTheRepositoryPageByDefault() {
    helper()
        .addSourceLines("T.java", withExpectation("(see checker/docs/UnlockedReread.md)"))
        .doTest();
  }

  @Test
  void docsBaseUrlPointsTheLinkAtTheHostedPage() {
    helper()
        .setArgs("-XepOpt:ReadOnce:DocsBaseUrl=https://docs.example.org/readonce/")
        .addSourceLines(
            "T.java", withExpectation("(see https://docs.example.org/readonce/UnlockedReread.md)"))
        .doTest();
  }

  private static String[] withExpectation(String fragment) {
    String[] lines = DOUBLE_READ.clone();
    lines[3] = "    // BUG: Diagnostic contains: " + fragment;
    return lines;
  }

  @Test
  void offSilencesTheCheck() {
    helper()
        .setArgs("-Xep:UnlockedReread:OFF")
        .addSourceLines(
            "T.java",
            "class T {",
            "  int walk(Upper u) {",
            "    if (Pt.none(u.get())) return 0;",
            "    return Pt.leaf(u.get()) ? 1 : 2;",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void suppressWarningsOnTheClass() {
    helper()
        .addSourceLines(
            "T.java",
            "@SuppressWarnings(\"UnlockedReread\")",
            "class T {",
            "  int walk(Upper u) {",
            "    if (Pt.none(u.get())) return 0;",
            "    return Pt.leaf(u.get()) ? 1 : 2;",
            "  }",
            "}")
        .expectNoDiagnostics()
        .doTest();
  }

  /**
   * {@code @SuppressWarnings} on a snapshot local reaches every finding about the snapshot it
   * holds: a re-read of its slot while it decides, its use under the lock, a descent from it.
   */
  @Test
  void suppressWarningsOnASnapshotLocalCoversItsLaterUses() {
    CompilationTestHelper helper =
        Fixtures.withSlots(
            CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
                .addSourceLines(
                    "T.java",
                    "class T {",
                    "  int reread(Upper u) {",
                    "    @SuppressWarnings(\"UnlockedReread\") // statistics only",
                    "    long v = u.get();",
                    "    if (Pt.none(v)) return 0;",
                    "    return Pt.leaf(u.get()) ? 1 : 2;",
                    "  }",
                    "  int unsuppressed(Upper u) {",
                    "    long v = u.get();",
                    "    if (Pt.none(v)) return 0;",
                    "    // BUG: Diagnostic contains: [UnlockedReread]",
                    "    return Pt.leaf(u.get()) ? 1 : 2;",
                    "  }",
                    "  int otherCheckNamed(Upper u) {",
                    "    @SuppressWarnings(\"PlainSlotRead\")",
                    "    long v = u.get();",
                    "    if (Pt.none(v)) return 0;",
                    "    // BUG: Diagnostic contains: [UnlockedReread]",
                    "    return Pt.leaf(u.get()) ? 1 : 2;",
                    "  }",
                    "}"));
    helper.doTest();
  }

  @Test
  void suppressWarningsOnASnapshotLocalCoversItsUseUnderTheLock() {
    Fixtures.withSlots(CompilationTestHelper.newInstance(MissingRevalidation.class, getClass()))
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  long suppressed(Upper u) {",
            "    @SuppressWarnings(\"MissingRevalidation\") // the frame number is only logged",
            "    long v = u.get();",
            "    if (!Pt.leaf(v)) return 0;",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      return Pt.pfn(v);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  long reported(Upper u) {",
            "    long v = u.get();",
            "    if (!Pt.leaf(v)) return 0;",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      // BUG: Diagnostic contains: [MissingRevalidation]",
            "      return Pt.pfn(v);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressWarningsOnASnapshotLocalCoversADescentFromIt() {
    Fixtures.withSlots(
            CompilationTestHelper.newInstance(DescentWithoutPointerCheck.class, getClass()))
        .addSourceLines(
            "T.java",
            "class T {",
            "  int suppressed(Upper u) {",
            "    @SuppressWarnings(\"DescentWithoutPointerCheck\") // u never holds a leaf here",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    return Pt.lower(v, 0).index;",
            "  }",
            "  int reported(Upper u) {",
            "    long v = u.get();",
            "    if (Pt.none(v)) return 0;",
            "    // BUG: Diagnostic contains: [DescentWithoutPointerCheck]",
            "    return Pt.lower(v, 0).index;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void suppressingOneCheckLeavesTheOthers() {
    Fixtures.withSlots(
            CompilationTestHelper.newInstance(PlainSlotRead.class, getClass()))
        .addSourceLines(
            "T.java",
            "class T {",
            "  @SuppressWarnings(\"UnlockedReread\")",
            "  int walk(Upper u) {",
            "    if (Pt.none(u.get())) return 0;",
            "    // BUG: Diagnostic contains: [PlainSlotRead]",
            "    return Pt.leaf(u.deref()) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }
}

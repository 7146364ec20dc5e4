package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.SnapshotNotPassed;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walker-side kinds of declaration (pointer tests, descents, stable handles, lock helpers,
 * re-checks, snapshot parameters, modifiers) drive the checks exactly as their annotations do, on a
 * page-table shaped source that carries no annotation.
 */
class WalkerDeclarationsTest {

  private static final String DECLS =
      """
      # Entry is a slot handle: get() reads its slot, set() stores into it under its lock.
      accessor      walk.Entry#get()
      modifies-slot walk.Entry#set(long)                requiresLock
      # Upper-level entries keep a table pointer while walkers run.
      stable-handle walk.UpperEntry

      pointer-test  walk.Tables#none(long)              shows=NONE
      pointer-test  walk.Tables#present(long)           shows=PRESENT
      pointer-test  walk.Tables#leaf(long)              shows=LEAF
      descends      walk.Tables#lower(long, int)
      locks-slot    walk.Tables#lock(walk.Entry)        slot=0
      revalidates   walk.Tables#same(walk.Entry, long)
      modifies-slot walk.Tables#split(walk.Entry)       slot=0

      # The visitor gets the walker's snapshot (parameter 0) of the slot that `ref` designates.
      snapshot      walk.Visitor#visit(long, walk.Entry)  param=0 slot=1
      """;

  private static final String[] WALK = {
    "package walk;",
    "import java.lang.invoke.MethodHandles;",
    "import java.lang.invoke.VarHandle;",
    "import java.util.concurrent.locks.Lock;",
    "import java.util.concurrent.locks.ReentrantLock;",
    "class Entry {",
    "  static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
    "  final long[] table;",
    "  final int index;",
    "  final Lock ptl = new ReentrantLock();",
    "  Entry(long[] table, int index) { this.table = table; this.index = index; }",
    "  long get() { return (long) E.getOpaque(table, index); }",
    "  void set(long v) { E.setRelease(table, index, v); }",
    "}",
    "final class UpperEntry extends Entry {",
    "  UpperEntry(long[] table, int index) { super(table, index); }",
    "}",
    "final class Tables {",
    "  static final long[][] ARENA = new long[16][512];",
    "  static boolean none(long e) { return e == 0; }",
    "  static boolean present(long e) { return (e & 1) != 0; }",
    "  static boolean leaf(long e) { return (e & 2) != 0; }",
    "  static Entry lower(long e, int index) { return new Entry(ARENA[(int) (e >>> 12)], index); }",
    "  static Lock lock(Entry e) { e.ptl.lock(); return e.ptl; }",
    "  static boolean same(Entry e, long v) { return e.get() == v; }",
    "  static void split(Entry e) {}",
    "}",
    "interface Visitor { int visit(long e, Entry ref); }",
    "interface OldVisitor { int visit(Entry ref); }"
  };

  @TempDir Path dir;
  private Path decls;

  @BeforeEach
  void writeDeclarations() throws Exception {
    decls = Files.writeString(dir.resolve("walk.decls"), DECLS);
  }

  private CompilationTestHelper helper(Class<? extends BugChecker> check) {
    return CompilationTestHelper.newInstance(check, getClass())
        .addSourceLines("Walk.java", WALK)
        .setArgs(declarationsFlag(decls));
  }

  @Test
  void descentNeedsAPointerShownByDeclaredTests() {
    helper(DescentWithoutPointerCheck.class)
        .addSourceLines(
            "Walker.java",
            "package walk;",
            "class Walker {",
            "  int checked(UpperEntry u) {",
            "    long e = u.get();",
            "    if (Tables.none(e) || !Tables.present(e) || Tables.leaf(e)) return 0;",
            "    return Tables.lower(e, 0).index;",
            "  }",
            "  int notShownPresent(UpperEntry u) {",
            "    long e = u.get();",
            "    if (Tables.none(e)) return 0;",
            "    // BUG: Diagnostic contains: not shown: present, not a leaf",
            "    return Tables.lower(e, 0).index;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void descentFromAnUnstableHandleNeedsItsLockAndRecheck() {
    helper(DescentWithoutPointerCheck.class)
        .addSourceLines(
            "Walker.java",
            "package walk;",
            "import java.util.concurrent.locks.Lock;",
            "class Walker {",
            "  int unlocked(Entry p) {",
            "    long e = p.get();",
            "    if (Tables.none(e) || !Tables.present(e) || Tables.leaf(e)) return 0;",
            "    // BUG: Diagnostic contains: without its lock, but the slot is not",
            "    return Tables.lower(e, 0).index;",
            "  }",
            "  int lockedAndRechecked(Entry p) {",
            "    for (;;) {",
            "      long e = p.get();",
            "      if (Tables.none(e) || !Tables.present(e) || Tables.leaf(e)) return 0;",
            "      Lock l = Tables.lock(p);",
            "      try {",
            "        if (!Tables.same(p, e)) continue;",
            "        return Tables.lower(e, 0).index;",
            "      } finally {",
            "        l.unlock();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void snapshotUsedUnderDeclaredLockNeedsDeclaredRecheck() {
    helper(MissingRevalidation.class)
        .addSourceLines(
            "Writer.java",
            "package walk;",
            "import java.util.concurrent.locks.Lock;",
            "class Writer {",
            "  void stale(Entry p) {",
            "    long e = p.get();",
            "    if (Tables.none(e)) return;",
            "    Lock l = Tables.lock(p);",
            "    try {",
            "      // BUG: Diagnostic contains: snapshot 'e' of slot 'p'",
            "      p.set(e | 4);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  void rechecked(Entry p) {",
            "    for (;;) {",
            "      long e = p.get();",
            "      if (Tables.none(e)) return;",
            "      Lock l = Tables.lock(p);",
            "      try {",
            "        if (!Tables.same(p, e)) continue;",
            "        p.set(e | 4);",
            "        return;",
            "      } finally {",
            "        l.unlock();",
            "      }",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void declaredStoreNeedsTheDeclaredLock() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Writer.java",
            "package walk;",
            "import java.util.concurrent.locks.Lock;",
            "class Writer {",
            "  void unlocked(Entry p) {",
            "    // BUG: Diagnostic contains: write to slot 'p' without its lock",
            "    p.set(0);",
            "  }",
            "  void locked(Entry p) {",
            "    Lock l = Tables.lock(p);",
            "    try {",
            "      p.set(0);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void handleWithoutItsSnapshotIsSnapshotNotPassed() {
    helper(SnapshotNotPassed.class)
        .addSourceLines(
            "Caller.java",
            "package walk;",
            "class Caller {",
            "  int onlyTheHandle(Entry p, OldVisitor v) {",
            "    long e = p.get();",
            "    if (Tables.none(e)) return 0;",
            "    // BUG: Diagnostic contains: visit() is given slot 'p' and reads it again",
            "    return v.visit(p);",
            "  }",
            "  int snapshotAndHandle(Entry p, Visitor v) {",
            "    long e = p.get();",
            "    if (Tables.none(e)) return 0;",
            "    return v.visit(e, p);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lambdasAndOverridesInheritTheDeclaredSnapshotParameter() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Callbacks.java",
            "package walk;",
            "class Callbacks {",
            "  final Visitor rereads =",
            "      (e, ref) -> {",
            "        if (Tables.none(e)) return 0;",
            "        // BUG: Diagnostic contains: although the caller passed its snapshot 'e'",
            "        return Tables.leaf(ref.get()) ? 1 : 2;",
            "      };",
            "  final Visitor decides = (e, ref) -> Tables.none(e) ? 0 : 1;",
            "  static final class Impl implements Visitor {",
            "    @Override",
            "    public int visit(long e, Entry ref) {",
            "      // BUG: Diagnostic contains: although the caller passed its snapshot 'e'",
            "      return Tables.none(ref.get()) ? 0 : 1;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void rereadAfterDeclaredModifierIsARefresh() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Split.java",
            "package walk;",
            "class Split {",
            "  int refresh(Entry p) {",
            "    long e = p.get();",
            "    if (Tables.none(e)) return 0;",
            "    Tables.split(p);",
            "    e = p.get();",
            "    return Tables.leaf(e) ? 1 : 2;",
            "  }",
            "  int noSplit(Entry p) {",
            "    long e = p.get();",
            "    if (Tables.none(e)) return 0;",
            "    // BUG: Diagnostic contains: slot 'p' read again",
            "    e = p.get();",
            "    return Tables.leaf(e) ? 1 : 2;",
            "  }",
            "}")
        .doTest();
  }
}

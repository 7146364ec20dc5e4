package dev.readonce.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import org.junit.jupiter.api.Test;

/**
 * The shapes javac's CFG gives the engine (issue 8, rows 1 to 6): each test holds the shape that
 * went wrong on real code, and a sibling that must still be flagged, in one snippet. See {@code
 * checker/docs/engine.md} for the CFG node kinds each shape is made of.
 */
class EngineShapesTest {

  /** ConcurrentHashMap's bins: a table whose slots are locked by the monitor of their head. */
  private static final String BINS =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      import java.util.concurrent.locks.ReentrantLock;
      final class Bins {
        static final VarHandle BIN = MethodHandles.arrayElementVarHandle(Object[].class);
        @ReadOnce(lock = ReadOnce.HELD_VALUE) final Object[] table = new Object[16];
        final ReentrantLock lock = new ReentrantLock();
        @ReadOnce(lock = "lock") Object head;
        int count;
        @ReadOnce(lock = ReadOnce.HELD_VALUE)
        static Object tabAt(Object[] tab, int i) { return BIN.getAcquire(tab, i); }
        @ModifiesSlot(value = {"tab", "i"}, requiresLock = true)
        static void setTabAt(Object[] tab, int i, Object v) { BIN.setRelease(tab, i, v); }
      }
      """;

  private static CompilationTestHelper helper(Class<? extends BugChecker> check) {
    return Fixtures.withSlots(CompilationTestHelper.newInstance(check, EngineShapesTest.class))
        .addSourceLines("Bins.java", BINS);
  }

  // Row 1: an assignment used as an argument denotes its target.

  @Test
  void assignmentInsideAnArgumentNamesTheSlotItAssigns() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Put.java",
            """
            class Put {
              void put(Bins map, int h, Object v) {
                Object[] tab = map.table;
                int n = tab.length;
                int i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (n - 1) & h)) == null) return;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) == f) Bins.setTabAt(tab, i, v);
                }
              }

              void outside(Bins map, int h, Object v) {
                Object[] tab = map.table;
                int i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (tab.length - 1) & h)) == null) return;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) != f) return;
                }
                // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                Bins.setTabAt(tab, i, v);
              }
            }
            """)
        .doTest();
  }

  @Test
  void assignmentInsideAnArgumentStillNeedsTheRecheck() {
    helper(MissingRevalidation.class)
        .addSourceLines(
            "Put.java",
            """
            class Put {
              String rechecked(Bins map, int h) {
                Object[] tab = map.table;
                int i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (tab.length - 1) & h)) == null) return null;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) != f) return null;
                  return String.valueOf(f);
                }
              }

              String noRecheck(Bins map, int h) {
                Object[] tab = map.table;
                int i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (tab.length - 1) & h)) == null) return null;
                synchronized (f) {
                  // BUG: Diagnostic contains: snapshot 'f' of slot 'tab[i]'
                  return String.valueOf(f);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void assignmentArgumentDenotesWhatItAssigns() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Arg.java",
            """
            import java.util.concurrent.locks.Lock;

            class Arg {
              void locked(Upper u) {
                Upper t;
                Lock l = Pt.lock((t = u));
                u.set(0);
                l.unlock();
              }

              void unlocked(Upper u) {
                Upper t;
                Pt.split((t = u));
                // BUG: Diagnostic contains: write to slot 'u' without its lock
                u.set(0);
              }
            }
            """)
        .doTest();
  }

  @Test
  void lockTakenInBothArmsOfATernaryIsHeld() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Arms.java",
            """
            import java.util.concurrent.locks.Lock;

            class Arms {
              void lock(Upper u, boolean c) {
                Lock l = (c ? Pt.lock(u) : Pt.lock(u));
                u.set(0);
                l.unlock();
                // BUG: Diagnostic contains: write to slot 'u' without its lock
                u.set(1);
              }

              void monitor(Bins map, int i, boolean c, Object v) {
                Object[] tab = map.table;
                Object f = Bins.tabAt(tab, i);
                if (f == null) return;
                synchronized ((c ? f : f)) {
                  if (Bins.tabAt(tab, i) == f) Bins.setTabAt(tab, i, v);
                }
              }
            }
            """)
        .doTest();
  }

  // Row 2: trees the CFG makes up inside `synchronized` do not end the region.

  @Test
  void madeUpTreesInsideSynchronizedKeepTheLock() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Locked.java",
            """
            class Locked {
              void shapes(Bins map, int i, int k, Object v) {
                Object[] tab = map.table;
                Object f = Bins.tabAt(tab, i);
                if (f == null) return;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) != f) return;
                  map.count++;
                  ++map.count;
                  int c = k > 0 ? 1 : 2;
                  map.count += c;
                  String s = String.format("%d %d", c, k);
                  Bins.BIN.setRelease(tab, i, v);
                  Bins.setTabAt(tab, i, s);
                }
                // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                Bins.setTabAt(tab, i, v);
              }
            }
            """)
        .doTest();
  }

  @Test
  void breakOutOfSynchronizedEndsTheRegion() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Exit.java",
            """
            class Exit {
              void exits(Bins map, int i, Object v) {
                Object[] tab = map.table;
                for (; ; ) {
                  Object f = Bins.tabAt(tab, i);
                  if (f == null) return;
                  synchronized (f) {
                    if (Bins.tabAt(tab, i) != f) continue;
                    Bins.setTabAt(tab, i, v);
                    if (v == null) break;
                  }
                }
                // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                Bins.setTabAt(tab, i, v);
              }
            }
            """)
        .doTest();
  }

  @Test
  void storeIntoASlotFieldKeepsItsLock() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Head.java",
            """
            class Head {
              void twice(Bins map, int k) {
                map.lock.lock();
                try {
                  map.head = null;
                  map.head = k > 1 ? map : null;
                } finally {
                  map.lock.unlock();
                }
                // BUG: Diagnostic contains: write to slot 'map.head' without its lock
                map.head = map;
              }
            }
            """)
        .doTest();
  }

  // Row 3: temporaries of the CFG are tracked as what they hold, and never named.

  @Test
  void postfixIndexIsTheSlotTheLockCovers() {
    helper(UnlockedSlotWrite.class)
        .addSourceLines(
            "Clear.java",
            """
            class Clear {
              void clear(Bins map) {
                Object[] tab = map.table;
                int i = 0;
                while (i < tab.length) {
                  Object f = Bins.tabAt(tab, i);
                  if (f == null) {
                    ++i;
                    continue;
                  }
                  synchronized (f) {
                    if (Bins.tabAt(tab, i) == f) Bins.setTabAt(tab, i++, null);
                  }
                }
              }

              void unlocked(Bins map, int i) {
                Object[] tab = map.table;
                // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                Bins.setTabAt(tab, i++, null);
              }
            }
            """)
        .doTest();
  }

  @Test
  void switchOnASnapshotNamesNoTemporary() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Sw.java",
            """
            class Sw {
              int sw(Upper u) {
                switch ((int) u.get()) {
                  case 0:
                    // BUG: Diagnostic matches: NO_TEMP
                    return (int) u.get();
                  default:
                    return 1;
                }
              }

              int once(Upper u) {
                long v = u.get();
                switch ((int) v) {
                  case 0:
                    return (int) v;
                  default:
                    return 1;
                }
              }
            }
            """)
        .expectErrorMessage(
            "NO_TEMP", m -> m.contains("after the read on line 3 decided") && !m.contains("#"))
        .doTest();
  }

  // Row 4: a loop head that assigns an existing local starts a new pass.

  @Test
  void loopHeadThatAssignsStartsAPass() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Ctl.java",
            """
            import dev.readonce.annotations.ReadOnce;

            class Ctl {
              @ReadOnce volatile int sizeCtl;

              void init() {
                int sc;
                while ((sc = sizeCtl) >= 0) {
                  Thread.onSpinWait();
                }
              }

              void forever() {
                int sc;
                for (; ; ) {
                  if ((sc = sizeCtl) < 0) break;
                  Thread.onSpinWait();
                }
              }

              int twice() {
                int sc;
                while ((sc = sizeCtl) >= 0) {
                  // BUG: Diagnostic contains: slot 'sizeCtl' read again
                  if (sizeCtl == sc) return sc;
                }
                return 0;
              }
            }
            """)
        .doTest();
  }

  // Row 5: a retry loop whose snapshot local is declared outside it.

  @Test
  void snapshotDeclaredOutsideTheRetryLoopIsOneReadPerPass() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Spin.java",
            """
            class Spin {
              long forLoop(Upper u) {
                long v;
                for (; ; ) {
                  v = u.get();
                  if (v != 0) break;
                  Thread.onSpinWait();
                }
                return v;
              }

              long whileTrue(Upper u) {
                long v;
                while (true) {
                  v = u.get();
                  if (v != 0) break;
                }
                return v;
              }

              long doWhile(Upper u) {
                long v;
                do {
                  v = u.get();
                } while (v == 0);
                return v;
              }

              long twiceInOnePass(Upper u) {
                long v;
                do {
                  v = u.get();
                  if (Pt.none(v)) continue;
                  // BUG: Diagnostic contains: slot 'u' read again
                  v = u.get();
                } while (v == 0);
                return v;
              }
            }
            """)
        .doTest();
  }

  @Test
  void rereadInARetryLoopIsNeverDeleted() {
    BugCheckerRefactoringTestHelper refactoring =
        Fixtures.withSlots(
            BugCheckerRefactoringTestHelper.newInstance(UnlockedReread.class, getClass()));
    refactoring
        .addInputLines(
            "Spin.java",
            """
            class Spin {
              long spin(Upper u) {
                long v = u.get();
                if (Pt.none(v)) return 0;
                for (; ; ) {
                  v = u.get();
                  if (v != 0) break;
                }
                return v;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void rereadInAnInnerLoopIsNotReplacedByTheOuterSnapshot() {
    BugCheckerRefactoringTestHelper refactoring =
        Fixtures.withSlots(
            BugCheckerRefactoringTestHelper.newInstance(UnlockedReread.class, getClass()));
    refactoring
        .addInputLines(
            "Inner.java",
            """
            class Inner {
              int inner(Upper u) {
                outer:
                for (int i = 0; i < 3; i++) {
                  long v = u.get();
                  if (Pt.none(v)) break outer;
                  for (int j = 0; j < 2; j++) {
                    if (Pt.leaf(u.get()) != Pt.leaf(v)) continue outer;
                  }
                }
                return 0;
              }
            }
            """)
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void rereadInARetryLoopIsStillFlagged() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Spin.java",
            """
            class Spin {
              long spin(Upper u) {
                long v = u.get();
                if (Pt.none(v)) return 0;
                for (; ; ) {
                  // BUG: Diagnostic contains: slot 'u' read again
                  v = u.get();
                  if (v != 0) break;
                }
                return v;
              }
            }
            """)
        .doTest();
  }

  // Row 6: a snapshot used later only as an array index is live.

  @Test
  void snapshotUsedOnlyAsAnIndexIsLive() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Idx.java",
            """
            class Idx {
              long live(Upper u, long[] k) {
                int b = (int) u.get();
                // BUG: Diagnostic contains: use 'b'
                long w = u.get();
                return k[b] + w;
              }

              long arrayStore(Upper u, long[] k) {
                long v = u.get();
                k[0] = v;
                // BUG: Diagnostic contains: use 'v'
                long w = u.get();
                k[1] = w;
                return v;
              }

              long dead(Upper u, long[] k) {
                int b = (int) u.get();
                Pt.use(k[b]);
                long w = u.get();
                return w;
              }
            }
            """)
        .doTest();
  }

  // MM-10: a boolean local assigned a condition keeps the condition's two outcomes.

  @Test
  void claimAssignedToABooleanHoldsOnItsBranch() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Spin.java",
            """
            import dev.readonce.annotations.*;
            import java.util.concurrent.atomic.AtomicBoolean;

            class Spin {
              @ReadOnce(lock = "busy")
              volatile Object data;

              @ReadOnce(lock = "busy")
              final AtomicBoolean busy = new AtomicBoolean();

              void spin() {
                boolean failed;
                while ((failed = !busy.compareAndSet(false, true))) {}
                data = "x";
                busy.set(false);
                // BUG: Diagnostic contains: write to slot 'data' without its lock
                data = null;
              }

              void wrongBranch() {
                boolean won;
                if ((won = busy.compareAndSet(false, true))) {
                  return;
                }
                // BUG: Diagnostic contains: write to slot 'data' without its lock
                data = "y";
              }
            }
            """)
        .doTest();
  }

  // An alias assigned as an argument (`add((q = p))`) publishes the fresh object it copies.

  @Test
  void aliasAssignedAsAnArgumentPublishes() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Owner.java",
            """
            import dev.readonce.annotations.*;
            import java.util.List;

            class Owner {
              static final class Node {
                @ReadOnce(lock = "this")
                Node next;
              }

              List<Node> registry;

              void published(Node n) {
                Node p = new Node();
                p.next = n;
                Node q;
                registry.add((q = p));
                // BUG: Diagnostic contains: without its lock
                p.next = null;
              }

              void stillFresh(Node n) {
                Node p = new Node();
                Node q;
                boolean same = (q = p) == n;
                p.next = n;
              }
            }
            """)
        .doTest();
  }

  @Test
  void suppressionOnASnapshotLocalCoversItPassedThroughAnAssignment() {
    Fixtures.withSlots(
            CompilationTestHelper.newInstance(
                DescentWithoutPointerCheck.class, EngineShapesTest.class))
        .addSourceLines(
            "T.java",
            """
            class T {
              int suppressed(Upper u) {
                @SuppressWarnings("DescentWithoutPointerCheck")
                long v = u.get();
                long w;
                if (Pt.none((w = v))) return 0;
                return Pt.lower((w = v), 0).index;
              }

              int reported(Upper u) {
                long v = u.get();
                long w;
                if (Pt.none((w = v))) return 0;
                // BUG: Diagnostic contains: [DescentWithoutPointerCheck]
                return Pt.lower((w = v), 0).index;
              }
            }
            """)
        .doTest();
  }

  @Test
  void compareAndSetInstallingAnAssignedLockedValueHoldsTheBinLock() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, EngineShapesTest.class)
        .addSourceLines(
            "Res.java",
            """
            import dev.readonce.annotations.*;
            import java.lang.invoke.*;

            class Res {
              static class N {}

              static final VarHandle BIN = MethodHandles.arrayElementVarHandle(N[].class);

              @ReadOnce(lock = ReadOnce.HELD_VALUE)
              volatile N[] table;

              @ModifiesSlot(value = {"tab", "i"})
              static boolean casAt(N[] tab, int i, N c, N v) {
                return BIN.compareAndSet(tab, i, c, v);
              }

              @ModifiesSlot(
                  value = {"tab", "i"},
                  requiresLock = true)
              static void setAt(N[] tab, int i, N v) {
                BIN.setRelease(tab, i, v);
              }

              void reserve(N[] tab, int i, N value) {
                N r = new N();
                N t;
                synchronized (r) {
                  if (casAt(tab, i, null, (t = r))) {
                    setAt(tab, i, value);
                  }
                }
              }

              void notLocked(N[] tab, int i, N value) {
                N r = new N();
                N t;
                if (casAt(tab, i, null, (t = r))) {
                  // BUG: Diagnostic contains: write to slot 'tab[i]' without its lock
                  setAt(tab, i, value);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void freshTablePassedAsAnAssignedArgumentToASlotPrimitiveStaysUnpublished() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, EngineShapesTest.class)
        .addSourceLines(
            "Cell.java",
            """
            import dev.readonce.annotations.*;

            class Cell {
              final Object lock = new Object();

              @ReadOnce(lock = "lock")
              Object value;

              @ModifiesSlot(
                  value = {"tab", "i"},
                  requiresLock = true)
              static void setAt(Cell[] tab, int i, Cell v) {
                tab[i] = v;
              }
            }
            """)
        .addSourceLines(
            "Filler.java",
            """
            import java.util.List;

            class Filler {
              List<Cell[]> registry;

              void fill(Cell a, int i) {
                Cell[] t = new Cell[4];
                Cell[] u;
                Cell.setAt((u = t), i, a);
                Cell.setAt((u = t), i, a);
                registry.add((u = t));
                // BUG: Diagnostic contains: write to slot 't[i]' without its lock
                Cell.setAt(t, i, a);
              }
            }
            """)
        .doTest();
  }

  @Test
  void recheckOfAnAssignedSnapshotArgumentRevalidatesIt() {
    Fixtures.withSlots(
            CompilationTestHelper.newInstance(MissingRevalidation.class, EngineShapesTest.class))
        .addSourceLines(
            "Re.java",
            """
            import java.util.concurrent.locks.Lock;

            class Re {
              long rechecked(Upper u) {
                long v = u.get();
                if (!Pt.leaf(v)) return 0;
                Lock l = Pt.lock(u);
                try {
                  Upper w;
                  long t;
                  if (!Pt.same((w = u), (t = v))) return -1;
                  return Pt.pfn((t = v));
                } finally {
                  l.unlock();
                }
              }

              long stale(Upper u) {
                long v = u.get();
                if (!Pt.leaf(v)) return 0;
                Lock l = Pt.lock(u);
                try {
                  long t;
                  // BUG: Diagnostic contains: snapshot 'v' of slot 'u'
                  return Pt.pfn((t = v));
                } finally {
                  l.unlock();
                }
              }
            }
            """)
        .doTest();
  }

  // The mutation harness on real code (issue 9 item 2): values computed from other values.

  @Test
  void computedIndexNamesOneSlot() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Get.java",
            """
            class Get {
              Object twice(Bins map, int h) {
                Object[] tab = map.table;
                int n = tab.length;
                Object e;
                if ((e = Bins.tabAt(tab, (n - 1) & h)) == null) return null;
                // BUG: Diagnostic contains: slot 'tab[(n - 1) & h]' read again while its snapshot 'e'
                return Bins.tabAt(tab, (n - 1) & h).hashCode() == h ? e : null;
              }

              Object otherSlot(Bins map, int h) {
                Object[] tab = map.table;
                int n = tab.length;
                Object e;
                if ((e = Bins.tabAt(tab, (n - 1) & h)) == null) return null;
                return Bins.tabAt(tab, (n - 1) & (h + 1)).hashCode() == h ? e : null;
              }

              Object resized(Bins map, int h) {
                Object[] tab = map.table;
                int n = tab.length;
                Object e;
                if ((e = Bins.tabAt(tab, (n - 1) & h)) == null) return null;
                n = n >>> 1;
                return Bins.tabAt(tab, (n - 1) & h).hashCode() == h ? e : null;
              }
            }
            """)
        .doTest();
  }

  @Test
  void assigningAnIndexTheSameComputationKeepsItsSlot() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Put.java",
            """
            class Put {
              int same(Bins map, int h) {
                Object[] tab = map.table;
                int n = tab.length, i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (n - 1) & h)) == null) return 0;
                // BUG: Diagnostic contains: slot 'tab[i]' read again while its snapshot 'f'
                if (Bins.tabAt(tab, i = (n - 1) & h).hashCode() == 1) return 1;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) == f) return 2;
                }
                return 3;
              }

              int another(Bins map, int h, int h2) {
                Object[] tab = map.table;
                int n = tab.length, i;
                Object f;
                if ((f = Bins.tabAt(tab, i = (n - 1) & h)) == null) return 0;
                if (Bins.tabAt(tab, i = (n - 1) & h2).hashCode() == 1) return 1;
                synchronized (f) {
                  if (Bins.tabAt(tab, i) == f) return 2;
                }
                return 3;
              }

              int selfReferential(Bins map, int h) {
                Object[] tab = map.table;
                int i = h & 7;
                Object f;
                if ((f = Bins.tabAt(tab, i)) == null) return 0;
                i = i + 1;
                i = i + 1;
                if (Bins.tabAt(tab, i).hashCode() == 1) return 1;
                return f.hashCode();
              }
            }
            """)
        .doTest();
  }

  @Test
  void numberComputedFromASnapshotKeepsItDeciding() {
    helper(UnlockedReread.class)
        .addSourceLines(
            "Derived.java",
            """
            class Derived {
              int derived(Bins map, int i) {
                Object[] tab = map.table;
                Object f = Bins.tabAt(tab, i);
                int k = System.identityHashCode(f);
                // BUG: Diagnostic contains: slot 'tab[i]' read again while its snapshot 'k'
                Object g = Bins.tabAt(tab, i);
                return k + System.identityHashCode(g);
              }

              int dead(Bins map, int i) {
                Object[] tab = map.table;
                Object f = Bins.tabAt(tab, i);
                int k = System.identityHashCode(f);
                Object g = Bins.tabAt(tab, i);
                return System.identityHashCode(g);
              }

              int objectIsNoSnapshot(Bins map, int i) {
                Object[] tab = map.table;
                Object f = Bins.tabAt(tab, i);
                String s = String.valueOf(f);
                Object g = Bins.tabAt(tab, i);
                return s.length() + System.identityHashCode(g);
              }
            }
            """)
        .doTest();
  }

  @Test
  void arrayParameterHandedToTheAccessorHoldsItsSlots() {
    helper(PlainSlotRead.class)
        .addSourceLines(
            "Treeify.java",
            """
            class Treeify {
              static Object treeify(Object[] tab, int index) {
                // BUG: Diagnostic contains: plain read of slot 'tab[index]'
                Object b = tab[index];
                return b != null ? b : Bins.tabAt(tab, index + 1);
              }

              static int notATable(Object[] arr, int index) {
                return arr[index].hashCode();
              }

              static int reassigned(Object[] tab, int index) {
                Object f = Bins.tabAt(tab, index);
                tab = new Object[] {f};
                return tab[0].hashCode();
              }
            }
            """)
        .doTest();
  }
}

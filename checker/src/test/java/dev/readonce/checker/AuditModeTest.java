package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Audit mode treats racy-looking fields of unannotated code as slots. */
class AuditModeTest {

  private static final String[] RACY = {
    "import java.lang.invoke.*;",
    "import java.util.concurrent.atomic.AtomicReference;",
    "class Racy {",
    "  static final VarHandle ARR = MethodHandles.arrayElementVarHandle(Object[].class);",
    "  volatile Object head;",
    "  final AtomicReference<Object> ref = new AtomicReference<>();",
    "  Object[] table = new Object[8];",
    "  Object plain;",
    "  static final java.util.concurrent.atomic.AtomicReferenceFieldUpdater<Racy, Object> UPDATER =",
    "      java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Racy.class, Object.class, \"head\");",
    "  Object updaterReadsTheFieldItNames() {",
    "    Object a = UPDATER.get(this);",
    "    // BUG: Diagnostic contains: slot 'head' read again",
    "    return a == null ? UPDATER.get(this) : a;",
    "  }",
    "  int twice() {",
    "    if (head == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'head' read again",
    "    return head.hashCode();",
    "  }",
    "  int once() {",
    "    Object h = head;",
    "    return h == null ? 0 : h.hashCode();",
    "  }",
    "  int atomicTwice() {",
    "    if (ref.get() == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'ref' read again",
    "    return ref.get().hashCode();",
    "  }",
    "  int elementTwice(int i) {",
    "    if (ARR.getAcquire(table, i) == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'table[i]' read again",
    "    return ARR.getAcquire(table, i).hashCode();",
    "  }",
    "  int plainFieldIsNotAudited() {",
    "    if (plain == null) return 0;",
    "    return plain.hashCode();",
    "  }",
    "}"
  };

  @Test
  void auditFlagsDoubleReadsOfRacyFields() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Racy.java", RACY)
        .doTest();
  }

  @Test
  void withoutAuditUnannotatedCodeIsNotAnalyzed() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .addSourceLines(
            "Racy.java",
            java.util.Arrays.stream(RACY).filter(l -> !l.contains("// BUG")).toArray(String[]::new))
        .expectNoDiagnostics()
        .doTest();
  }

  /**
   * In audit mode an audited field's lock is unknown: any lock the thread holds counts as it
   * (a monitor, a Lock, a claim), and the fields of an unpublished object are not slots.
   */
  @Test
  void auditCountsAnyHeldLockAndOwnership() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Guarded.java",
            """
            import java.lang.invoke.*;
            import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
            import java.util.concurrent.locks.ReentrantLock;
            class Guarded {
              static final VarHandle BUSY;
              static final AtomicIntegerFieldUpdater<Guarded> WIP =
                  AtomicIntegerFieldUpdater.newUpdater(Guarded.class, "wip");
              static {
                try {
                  BUSY = MethodHandles.lookup().findVarHandle(Guarded.class, "busy", int.class);
                } catch (ReflectiveOperationException e) {
                  throw new ExceptionInInitializerError(e);
                }
              }
              final ReentrantLock lock = new ReentrantLock();
              volatile Object state;
              volatile int busy;
              volatile int wip;
              volatile Guarded next;

              void underMonitor() {
                synchronized (this) {
                  state = "a";
                }
                // BUG: Diagnostic contains: write to slot 'state' without its lock
                state = "b";
              }

              synchronized void synchronizedMethod() {
                state = "a";
              }

              void underLock() {
                lock.lock();
                try {
                  state = "a";
                } finally {
                  lock.unlock();
                }
                // BUG: Diagnostic contains: write to slot 'state' without its lock
                state = "b";
              }

              void underTryLock() {
                if (lock.tryLock()) {
                  try {
                    state = "a";
                  } finally {
                    lock.unlock();
                  }
                } else {
                  // BUG: Diagnostic contains: write to slot 'state' without its lock
                  state = "b";
                }
              }

              void underClaim() {
                if (busy == 0 && BUSY.compareAndSet(this, 0, 1)) {
                  try {
                    state = "a";
                  } finally {
                    busy = 0;
                  }
                }
              }

              void underUpdaterClaim() {
                if (WIP.compareAndSet(this, 0, 1)) {
                  state = "a";
                  WIP.set(this, 0);
                  // BUG: Diagnostic contains: write to slot 'state' without its lock
                  state = "b";
                }
              }

              Guarded fresh() {
                Guarded g = new Guarded();
                g.state = "a";
                g.next = this;
                return g;
              }
            }
            """)
        .doTest();
  }

  /** Test-and-test-and-set: the read before a compare-and-set of the same field is no re-read. */
  @Test
  void testAndTestAndSetIsNoReread() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Spin.java",
            """
            import java.util.concurrent.atomic.AtomicBoolean;
            class Spin {
              final AtomicBoolean locked = new AtomicBoolean();
              volatile Object value;
              void lock() {
                while (true) {
                  boolean l = locked.get();
                  if (!l && locked.compareAndSet(false, true)) {
                    return;
                  }
                  while (locked.get()) {
                    Thread.onSpinWait();
                  }
                }
              }
              Object doubleCheck() {
                Object v = value;
                if (v == null) {
                  synchronized (this) {
                    if (value == null) {
                      value = new Object();
                    }
                    return value;
                  }
                }
                return v;
              }
              Object outsideTheLock() {
                if (value == null) {
                  synchronized (this) {
                    value = new Object();
                  }
                }
                // BUG: Diagnostic contains: slot 'value' read again
                return value;
              }
            }
            """)
        .doTest();
  }

  /**
   * A field that nothing in its unit writes under a lock or updates atomically has no lock to
   * miss: its stores are not judged. One that is compare-and-set somewhere is judged everywhere.
   */
  @Test
  void auditJudgesStoresOnlyOfFieldsWithADiscipline() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Signals.java",
            """
            import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
            class Signals {
              static final AtomicReferenceFieldUpdater<Signals, Object> UPSTREAM =
                  AtomicReferenceFieldUpdater.newUpdater(Signals.class, Object.class, "upstream");
              volatile boolean done;
              volatile Object upstream;
              volatile int count;
              void onComplete() {
                done = true;
              }
              void onSubscribe(Object s) {
                // BUG: Diagnostic contains: write to slot 'upstream' without its lock
                upstream = s;
              }
              void cancel() {
                UPSTREAM.getAndSet(this, "cancelled");
              }
              void add() {
                synchronized (this) {
                  count++;
                }
              }
              void reset() {
                // BUG: Diagnostic contains: write to slot 'count' without its lock
                count = 0;
              }
            }
            """)
        .doTest();
  }
  /**
   * A re-read into the only variable holding the earlier snapshot is a refresh in audit mode: the
   * earlier snapshot dies there (a refill when empty, a re-read after waiting). A re-read while
   * another copy of the earlier snapshot lives on, or after a test of a read no variable holds, is
   * still flagged.
   */
  @Test
  void auditRereadIntoTheSnapshotsOnlyHolderIsARefresh() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Refresh.java",
            """
            import java.util.concurrent.atomic.AtomicReference;
            class Refresh {
              final AtomicReference<Object> actual = new AtomicReference<>();
              volatile Object result;
              Object refill() {
                Object a = actual.get();
                if (a == null) {
                  a = actual.get();
                }
                return a;
              }
              Object afterWaiting() throws InterruptedException {
                Object r = this.result;
                if (r == null) {
                  Thread.sleep(1);
                  r = (Object) this.result;
                }
                return r;
              }
              Object copyLivesOn() {
                Object a = actual.get();
                Object old = a;
                if (a == null) {
                  // BUG: Diagnostic contains: slot 'actual' read again
                  a = actual.get();
                }
                return old == a ? null : a;
              }
              Object otherVariable() {
                Object a = actual.get();
                if (a == null) {
                  return null;
                }
                // BUG: Diagnostic contains: slot 'actual' read again
                Object b = actual.get();
                return b;
              }
              int unheldTest() {
                if (result == null) {
                  return 0;
                }
                Object r;
                // BUG: Diagnostic contains: slot 'result' read again
                r = result;
                return r.hashCode();
              }
            }
            """)
        .doTest();
  }
}

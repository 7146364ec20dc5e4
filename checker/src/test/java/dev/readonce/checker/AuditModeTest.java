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
    "  static final java.util.concurrent.atomic.AtomicReferenceFieldUpdater<Racy, Object> UPDATER"
        + " =",
    "      java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Racy.class,"
        + " Object.class, \"head\");",
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

              volatile Object stat;

              Signals copy() {
                synchronized (this) {
                  Signals fresh = new Signals();
                  fresh.stat = "filled before it is published";
                  return fresh;
                }
              }

              void statistic(Object s) {
                stat = s;
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
  private static final String READ_WRITE =
      """
      import java.util.concurrent.locks.*;
      class Rw {
        final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        final StampedLock sl = new StampedLock();
        volatile Object state;
        void underWriteLock() {
          rw.writeLock().lock();
          try {
            state = "a";
          } finally {
            rw.writeLock().unlock();
          }
        }
        void underReadLock() {
          rw.readLock().lock();
          try {
            // BUG: Diagnostic contains: write to slot 'state' without its lock
            state = "b";
          } finally {
            rw.readLock().unlock();
          }
        }
        void downgrade() {
          rw.writeLock().lock();
          rw.readLock().lock();
          state = "c";
          rw.readLock().unlock();
          rw.writeLock().unlock();
        }
        void stampedRead() {
          long stamp = sl.readLock();
          try {
            // BUG: Diagnostic contains: write to slot 'state' without its lock
            state = "d";
          } finally {
            sl.unlockRead(stamp);
          }
        }
        void stampedWrite() {
          long stamp = sl.writeLock();
          try {
            state = "e";
          } finally {
            sl.unlockWrite(stamp);
          }
        }
        int readTwiceUnderReadLock() {
          rw.readLock().lock();
          try {
            return state == null ? 0 : state.hashCode();
          } finally {
            rw.readLock().unlock();
          }
        }
      }
      """;

  /** Audit mode's anonymous locks: a read lock keeps reads stable but does not allow stores. */
  @Test
  void auditReadLockAllowsStableReadsButNoStores() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Rw.java", READ_WRITE)
        .doTest();
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Rw.java", READ_WRITE.replace("// BUG: Diagnostic contains:", "//"))
        .doTest();
  }
  /**
   * A volatile array field whose elements the unit never writes in place is copy-on-write: the
   * field is the slot, the elements of a published array are not. One written in place (also
   * through a local copy of the field) keeps its elements as slots.
   */
  @Test
  void auditCopyOnWriteArrayElementsAreNotSlots() {
    String[] cow = {
      "class Cow {",
      "  static final Object[] EMPTY = {};",
      "  volatile Object[] subscribers = EMPTY;",
      "  volatile Object[] ring = new Object[8];",
      "  static final java.util.concurrent.atomic.AtomicReferenceFieldUpdater<Cow, Object[]> SWAP =",
      "      java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(",
      "          Cow.class, Object[].class, \"swapped\");",
      "  volatile Object[] swapped = EMPTY;",
      "  boolean swap(Object[] expected, Object[] b) {",
      "    return SWAP.compareAndSet(this, expected, b);",
      "  }",
      "  Object firstSwapped() {",
      "    Object[] a = swapped;",
      "    return a.length == 0 ? null : a[0];",
      "  }",
      "  synchronized void add(Object s) {",
      "    Object[] a = subscribers;",
      "    Object[] b = java.util.Arrays.copyOf(a, a.length + 1);",
      "    b[a.length] = s;",
      "    subscribers = b;",
      "  }",
      "  int count() {",
      "    Object[] a = subscribers;",
      "    int n = 0;",
      "    for (int i = 0; i < a.length; i++) {",
      "      if (a[i] != null) n++;",
      "    }",
      "    return n;",
      "  }",
      "  Object first() {",
      "    if (subscribers.length == 0) return null;",
      "    // BUG: Diagnostic contains: slot 'subscribers' read again",
      "    return subscribers[0];",
      "  }",
      "  void put(int i, Object o) {",
      "    Object[] r = ring;",
      "    r[i] = o;",
      "  }",
      "  Object get(int i) {",
      "    // BUG: Diagnostic contains: plain read of slot",
      "    return ring[i];",
      "  }",
      "}"
    };
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Cow.java", withoutExpectations(cow, "plain read"))
        .doTest();
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Cow.java", withoutExpectations(cow, "read again"))
        .doTest();
  }

  /** An array field declared in another unit (a superclass's) keeps its elements as slots. */
  @Test
  void auditArrayOfAnotherUnitKeepsItsElementSlots() {
    CompilationTestHelper.newInstance(PlainSlotRead.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Base.java",
            "class Base {",
            "  volatile Object[] cells;",
            "  void grow(int i, Object c) {",
            "    Object[] rs = cells;",
            "    rs[i] = c;",
            "  }",
            "}")
        .addSourceLines(
            "Adder.java",
            "class Adder extends Base {",
            "  Object first() {",
            "    Object[] as = cells;",
            "    // BUG: Diagnostic contains: plain read of slot",
            "    return as == null ? null : as[0];",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A private helper every call of which holds a lock runs under it; one called once without, or
   * from a lambda that runs later, does not. A {@code try} whose resource is a lock ({@code try
   * (AutoLock l = lock.lock())}) holds it.
   */
  @Test
  void auditHelpersCalledUnderALockAndLockResources() {
    String[] pipeline = {
      "import java.util.concurrent.locks.ReentrantLock;",
      "class Pipeline {",
      "  static final class Held implements AutoCloseable {",
      "    Held lock() { return this; }",
      "    @Override public void close() {}",
      "  }",
      "  final Held held = new Held();",
      "  final ReentrantLock lock = new ReentrantLock();",
      "  volatile Object head;",
      "  synchronized void reset() { head = null; }",
      "  void add(Object o) { synchronized (this) { add0(o); } }",
      "  private void add0(Object o) { link0(o); }",
      "  private void link0(Object o) { head = o; }",
      "  void remove() {",
      "    lock.lock();",
      "    try {",
      "      remove0();",
      "    } finally {",
      "      lock.unlock();",
      "    }",
      "  }",
      "  private void remove0() { head = null; }",
      "  void both() {",
      "    synchronized (this) { set0(\"a\"); }",
      "    set0(\"b\");",
      "  }",
      "  private void set0(Object o) {",
      "    // BUG: Diagnostic contains: write to slot 'head' without its lock",
      "    head = o;",
      "  }",
      "  void later() {",
      "    synchronized (this) { Runnable r = () -> run0(); r.run(); }",
      "  }",
      "  private void run0() {",
      "    // BUG: Diagnostic contains: write to slot 'head' without its lock",
      "    head = \"r\";",
      "  }",
      "  void resource() {",
      "    try (Held h = held.lock()) {",
      "      head = \"x\";",
      "    }",
      "    // BUG: Diagnostic contains: write to slot 'head' without its lock",
      "    head = \"y\";",
      "  }",
      "  int readUnderResource() {",
      "    try (Held h = held.lock()) {",
      "      return head == null ? 0 : head.hashCode();",
      "    }",
      "  }",
      "  private int read0() { return head == null ? 0 : head.hashCode(); }",
      "  int read() { synchronized (this) { return read0(); } }",
      "}"
    };
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Pipeline.java", pipeline)
        .doTest();
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Pipeline.java", withoutExpectations(pipeline, "without its lock"))
        .doTest();
  }

  /** The source without the expectation lines that contain the fragment. */
  private static String[] withoutExpectations(String[] lines, String fragment) {
    return java.util.Arrays.stream(lines)
        .map(l -> l.contains("// BUG:") && l.contains(fragment) ? "" : l)
        .toArray(String[]::new);
  }
  /**
   * A call of a method of this object that stores a field changes it on this thread: the read after
   * it is a refresh. A call of another object's method, or of one that does not store the field,
   * is not.
   */
  @Test
  void auditReadAfterOwnCalleeStoredTheFieldIsARefresh() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Lazy.java",
            """
            import java.util.concurrent.atomic.AtomicReference;

            class Lazy {
              volatile Object state;
              final AtomicReference<Object> ref = new AtomicReference<>();

              private void initialize() {
                state = new Object();
              }

              private void install() {
                ref.set(new Object());
              }

              private void log() {}

              int afterInit() {
                if (state == null) {
                  initialize();
                  return state.hashCode();
                }
                return 0;
              }

              int afterInstall() {
                if (ref.get() == null) {
                  install();
                  return ref.get().hashCode();
                }
                return 0;
              }

              int afterOtherCall(Lazy other) {
                if (state == null) {
                  other.initialize();
                  log();
                  // BUG: Diagnostic contains: slot 'state' read again
                  return state.hashCode();
                }
                return 0;
              }
            }
            """)
        .doTest();
  }

  /**
   * Two compare-and-set loops in a row over one field (Netty's {@code
   * SingleThreadEventExecutor.doStartThread}, 4.1.115 line 1032): when the first loop is left, its
   * test of {@code old} decides nothing more (the pass that made it is over and no variable holds
   * the snapshot), so the second loop's read is its own pass's first read, not a re-read.
   */
  @Test
  void auditSecondCompareAndSetLoopIsNoRereadOfTheFirst() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Exec.java",
            """
            import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

            class Exec {
              static final AtomicIntegerFieldUpdater<Exec> U =
                  AtomicIntegerFieldUpdater.newUpdater(Exec.class, "state");
              volatile int state;

              void shutdown() {
                for (; ; ) {
                  int old = state;
                  if (old >= 3 || U.compareAndSet(this, old, 3)) {
                    break;
                  }
                }
                for (; ; ) {
                  int old = state;
                  if (old >= 4 || U.compareAndSet(this, old, 4)) {
                    break;
                  }
                }
              }

              void waitThenClaim() {
                while (state < 3) {
                  Thread.onSpinWait();
                }
                for (; ; ) {
                  int old = state;
                  if (old >= 4 || U.compareAndSet(this, old, 4)) {
                    break;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * The near variants that are re-reads: the first loop's snapshot is used after the second
   * loop's read (a variable holds it past its loop), and a test made before a loop still decides
   * inside it (the enclosing pass goes on).
   */
  @Test
  void auditEarlierLoopsSnapshotStillHeldIsAReread() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Exec.java",
            """
            import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

            class Exec {
              static final AtomicIntegerFieldUpdater<Exec> U =
                  AtomicIntegerFieldUpdater.newUpdater(Exec.class, "state");
              volatile int state;

              int shutdown() {
                int first;
                for (; ; ) {
                  first = state;
                  if (first >= 3 || U.compareAndSet(this, first, 3)) {
                    break;
                  }
                }
                for (; ; ) {
                  // BUG: Diagnostic contains: its snapshot 'first' (line 11) may still decide
                  int old = state;
                  if (old >= 4 || U.compareAndSet(this, old, 4)) {
                    break;
                  }
                }
                return first;
              }

              void testedBeforeTheLoop() {
                if (state >= 3) {
                  return;
                }
                for (; ; ) {
                  // BUG: Diagnostic contains: after the read on line 27 decided this pass
                  int old = state;
                  if (old >= 4 || U.compareAndSet(this, old, 4)) {
                    break;
                  }
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * A snapshot local of a block that has ended still decides after it when its test chose the
   * path (no loop was left), but it is out of scope there: the message must not tell the user to
   * use it (that fix would not compile).
   */
  @Test
  void auditEarlierBlocksSnapshotIsNotOfferedOutOfScope() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Exec.java",
            """
            class Exec {
              volatile int state;
              volatile boolean ready;

              int shutdown() {
                if (ready) {
                  int old = state;
                  if (old >= 3) {
                    return old;
                  }
                }
                // BUG: Diagnostic contains: after the read on line 7 decided this pass
                int now = state;
                return now;
              }
            }
            """)
        .doTest();
  }

  /** A compare-and-set to an enum state claims the state machine, as one to a constant does. */
  @Test
  void auditCompareAndSetToAnEnumStateIsAClaim() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "Machine.java",
            """
            import java.util.concurrent.atomic.AtomicReference;

            class Machine {
              enum State {
                IDLE,
                COMMITTING,
                DONE
              }

              final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

              void commit() {
                if (state.compareAndSet(State.IDLE, State.COMMITTING)) {
                  state.set(State.DONE);
                }
              }

              void reset() {
                // BUG: Diagnostic contains: write to slot 'state' without its lock
                state.set(State.IDLE);
              }
            }
            """)
        .doTest();
  }
  /**
   * A method annotated {@code @GuardedBy} runs under its callers' lock; a private helper called on
   * {@code this} only from constructors runs before the object is published. Called once from
   * elsewhere (or on another object), it does not.
   */
  @Test
  void auditGuardedByMethodsAndConstructorHelpers() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines(
            "GuardedBy.java",
            """
            @interface GuardedBy {
              String value();
            }
            """)
        .addSourceLines(
            "Segment.java",
            """
            class Segment {
              volatile int count;
              volatile long last;

              Segment() {
                init();
              }

              Segment(long t) {
                this.initAt(t);
              }

              private void init() {
                initAt(0L);
              }

              private void initAt(long t) {
                last = t;
              }

              private void touch(long t) {
                // BUG: Diagnostic contains: write to slot 'last' without its lock
                last = t;
              }

              Segment copy() {
                Segment s = new Segment();
                s.touch(1L);
                return s;
              }

              synchronized void put() {
                count = count + 1;
                last = 2L;
              }

              @GuardedBy("this")
              void removeForTesting() {
                count = count - 1;
              }

              void removeUnguarded() {
                // BUG: Diagnostic contains: write to slot 'count' without its lock
                count = 0;
              }
            }
            """)
        .doTest();
  }
}

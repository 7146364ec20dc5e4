package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Method lock contracts ({@code @Holding}, {@code @AcquiresLock}, {@code @ReleasesLock}) in
 * {@code LinkedBlockingQueue}'s shapes, and the two ways a lock is named that are not its field
 * expression: a local copy of the field (RC-4) and an accessor's declared lock (RC-3). Each is
 * shown silent where the lock is held and firing where it is not.
 */
class MethodLocksTest {

  private final CompilationTestHelper writes =
      CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass());
  private final CompilationTestHelper reads =
      CompilationTestHelper.newInstance(PlainSlotRead.class, getClass());

  /** The two-lock queue: head under takeLock, last under putLock. */
  private static final String[] QUEUE_HEAD = {
    "import dev.readonce.annotations.*;",
    "import java.util.concurrent.locks.ReentrantLock;",
    "final class Queue {",
    "  static final class Node { Object item; Node next; }",
    "  @ReadOnce(lock = \"takeLock\") Node head = new Node();",
    "  @ReadOnce(lock = \"putLock\") Node last = head;",
    "  final ReentrantLock takeLock = new ReentrantLock();",
    "  final ReentrantLock putLock = new ReentrantLock();",
  };

  private static String[] queue(String... body) {
    String[] out = new String[QUEUE_HEAD.length + body.length + 1];
    System.arraycopy(QUEUE_HEAD, 0, out, 0, QUEUE_HEAD.length);
    System.arraycopy(body, 0, out, QUEUE_HEAD.length, body.length);
    out[out.length - 1] = "}";
    return out;
  }

  @Test
  void holdingMethodReadsAndWritesUnderTheCallersLock() {
    String[] source =
        queue(
            "  @Holding(\"putLock\") private void enqueue(Node node) {",
            "    last = last.next = node;",
            "  }",
            "  private void enqueueUndeclared(Node node) {",
            "    // BUG: Diagnostic contains: %s",
            "    last = last.next = node;",
            "  }");
    writes.addSourceLines("Queue.java", marker(source, "UnlockedSlotWrite")).doTest();
    reads.addSourceLines("Queue.java", marker(source, "PlainSlotRead")).doTest();
  }

  @Test
  void methodReferenceToAHoldingMethodIsACallWithoutTheLock() {
    writes
        .addSourceLines(
            "Queue.java",
            queue(
                "  @Holding(\"putLock\") private void enqueue(Node node) {",
                "    last = last.next = node;",
                "  }",
                "  private void enqueueLocked(Node node) {",
                "    putLock.lock();",
                "    try { enqueue(node); } finally { putLock.unlock(); }",
                "  }",
                "  void handOff(java.util.concurrent.Executor ex, Node node) {",
                "    // BUG: Diagnostic contains: method reference to enqueue(), whose callers must"
                    + " hold lock 'putLock'",
                "    java.util.function.Consumer<Node> c = this::enqueue;",
                "    ex.execute(() -> c.accept(node));",
                "  }",
                "  void evenUnderTheLock(java.util.List<Node> nodes) {",
                "    putLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: method reference to enqueue()",
                "      nodes.forEach(this::enqueue);",
                "    } finally { putLock.unlock(); }",
                "  }",
                "  void referenceToTheLockingWrapper(java.util.List<Node> nodes) {",
                "    nodes.forEach(this::enqueueLocked);",
                "  }"))
        .doTest();
  }

  @Test
  void holdingIsCheckedAtEveryCall() {
    writes
        .addSourceLines(
            "Queue.java",
            queue(
                "  @Holding(\"putLock\") private void enqueue(Node node) {",
                "    last = last.next = node;",
                "  }",
                "  @Holding(\"this\") private void touch() {}",
                "  void put(Node node) {",
                "    putLock.lock();",
                "    try { enqueue(node); } finally { putLock.unlock(); }",
                "  }",
                "  void racyPut(Node node) {",
                "    // BUG: Diagnostic contains: enqueue() is called without lock 'putLock'",
                "    enqueue(node);",
                "    // BUG: Diagnostic contains: enqueue() is called without lock 'putLock'",
                "    enqueue(node);",
                "  }",
                "  void wrongLock(Node node) {",
                "    takeLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: without lock 'putLock'",
                "      enqueue(node);",
                "    } finally { takeLock.unlock(); }",
                "  }",
                "  void afterUnlock(Node node) {",
                "    putLock.lock();",
                "    putLock.unlock();",
                "    // BUG: Diagnostic contains: UnlockedSlotWrite",
                "    enqueue(node);",
                "  }",
                "  void nested(Queue other, Node node) {",
                "    putLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: without lock 'putLock'",
                "      other.enqueue(node);",
                "    } finally { putLock.unlock(); }",
                "  }",
                "  @Holding(\"putLock\") private void helperCallsHelper(Node node) {",
                "    enqueue(node);",
                "  }",
                "  Queue(Node node) { enqueue(node); }"))
        .doTest();
  }

  @Test
  void holdingThisMonitor() {
    writes
        .addSourceLines(
            "Promise.java",
            "import dev.readonce.annotations.*;",
            "final class Promise {",
            "  @ReadOnce(lock = \"this\") Object listener;",
            "  @ReadOnce(lock = \"this\") short waiters;",
            "  @Holding(\"this\") private void addListener0(Object l) { listener = l; }",
            "  @Holding(\"this\") private void incWaiters() { ++waiters; }",
            "  void addListener(Object l) {",
            "    synchronized (this) { addListener0(l); }",
            "  }",
            "  synchronized void await0() { incWaiters(); }",
            "  void racy(Object l) {",
            "    // BUG: Diagnostic contains: addListener0() is called without lock 'this'",
            "    addListener0(l);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void anInnerClassCallsTheOuterHelperUnderTheOuterLock() {
    // COWSubList.bulkRemove: synchronized (lock) { CopyOnWriteArrayList.this.bulkRemove(...); }
    writes
        .addSourceLines(
            "Cow.java",
            "import dev.readonce.annotations.*;",
            "final class Cow {",
            "  final Object lock = new Object();",
            "  @ReadOnce(lock = \"lock\") Object[] array = new Object[0];",
            "  @Holding(\"lock\") void bulkRemove() { array = new Object[0]; }",
            "  final class Sub {",
            "    void implicitOuter() { synchronized (lock) { bulkRemove(); } }",
            "    void explicitOuter() { synchronized (lock) { Cow.this.bulkRemove(); } }",
            "    void explicitLock() { synchronized (Cow.this.lock) { Cow.this.bulkRemove(); } }",
            "    void unlocked() {",
            "      // BUG: Diagnostic contains: bulkRemove() is called without lock 'lock'",
            "      Cow.this.bulkRemove();",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void acquiresAndReleasesNamedLocks() {
    String[] source =
        queue(
            "  @AcquiresLock({\"putLock\", \"takeLock\"}) void fullyLock() {",
            "    putLock.lock();",
            "    takeLock.lock();",
            "  }",
            "  @ReleasesLock({\"takeLock\", \"putLock\"}) void fullyUnlock() {",
            "    takeLock.unlock();",
            "    putLock.unlock();",
            "  }",
            "  void clear() {",
            "    fullyLock();",
            "    try { head = last; } finally { fullyUnlock(); }",
            "  }",
            "  Object peekLast() {",
            "    fullyLock();",
            "    try { return last.item; } finally { fullyUnlock(); }",
            "  }",
            "  void afterRelease() {",
            "    fullyLock();",
            "    fullyUnlock();",
            "    // BUG: Diagnostic contains: %s",
            "    head = last;",
            "  }");
    writes.addSourceLines("Queue.java", marker(source, "UnlockedSlotWrite")).doTest();
    reads.addSourceLines("Queue.java", marker(source, "PlainSlotRead")).doTest();
  }

  @Test
  void aLockHelperThatDoesNotKeepItsContractIsReported() {
    writes
        .addSourceLines(
            "Queue.java",
            queue(
                "  // BUG: Diagnostic contains: declared to return holding lock 'takeLock'",
                "  @AcquiresLock({\"putLock\", \"takeLock\"}) void halfLock() {",
                "    putLock.lock();",
                "  }",
                "  // BUG: Diagnostic contains: declared to return holding lock 'putLock'",
                "  @AcquiresLock(\"putLock\") void sometimes(boolean b) {",
                "    if (b) putLock.lock();",
                "  }",
                "  // BUG: Diagnostic contains: declared to release lock 'takeLock'",
                "  @ReleasesLock(\"takeLock\") void keepsIt() {}",
                "  @AcquiresLock(\"putLock\") void orThrows() {",
                "    if (!putLock.tryLock()) throw new IllegalStateException();",
                "  }",
                "  @ReleasesLock(\"putLock\") void releases() { putLock.unlock(); }"))
        .doTest();
  }

  @Test
  void aFinalLocalCopyOfTheLockFieldIsTheLock() {
    reads
        .addSourceLines(
            "Queue.java",
            queue(
                "  ReentrantLock spare = new ReentrantLock();",
                "  Object peek() {",
                "    final ReentrantLock takeLock = this.takeLock;",
                "    takeLock.lock();",
                "    try { return head.item; } finally { takeLock.unlock(); }",
                "  }",
                "  Object peekImplicit() {",
                "    ReentrantLock lock = takeLock;",
                "    lock.lock();",
                "    try { return head.item; } finally { lock.unlock(); }",
                "  }",
                "  Object otherLock() {",
                "    final ReentrantLock putLock = this.putLock;",
                "    putLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: PlainSlotRead",
                "      return head.item;",
                "    } finally { putLock.unlock(); }",
                "  }",
                "  Object reassigned(boolean b) {",
                "    ReentrantLock lock = takeLock;",
                "    if (b) lock = putLock;",
                "    lock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: PlainSlotRead",
                "      return head.item;",
                "    } finally { lock.unlock(); }",
                "  }",
                "  Object monitorCopy(Queue q) {",
                "    final Queue other = q;",
                "    final ReentrantLock lock = other.takeLock;",
                "    lock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: PlainSlotRead",
                "      return head.item;",
                "    } finally { lock.unlock(); }",
                "  }"))
        .doTest();
  }

  @Test
  void viewsOfAReadWriteLockKeptInFinalFieldsAreItsViews() {
    String[] source = {
      "import dev.readonce.annotations.*;",
      "import java.util.concurrent.locks.*;",
      "final class Subject {",
      "  @ReadOnce(lock = \"lock\") long index;",
      "  final ReadWriteLock lock;",
      "  final Lock readLock;",
      "  final Lock writeLock;",
      "  final Lock other = new ReentrantLock();",
      "  Subject() {",
      "    this.lock = new ReentrantReadWriteLock();",
      "    this.readLock = lock.readLock();",
      "    this.writeLock = lock.writeLock();",
      "  }",
      "  void setCurrent() {",
      "    writeLock.lock();",
      "    index++;",
      "    writeLock.unlock();",
      "  }",
      "  long emitFirst(Subject s) {",
      "    Lock lock = s.readLock;",
      "    lock.lock();",
      "    long i = s.index;",
      "    lock.unlock();",
      "    return i;",
      "  }",
      "  void writeUnderReadView() {",
      "    readLock.lock();",
      "    try {",
      "      // BUG: Diagnostic contains: %w",
      "      index = 0;",
      "    } finally { readLock.unlock(); }",
      "  }",
      "  long readUnderAnotherLock() {",
      "    other.lock();",
      "    try {",
      "      // BUG: Diagnostic contains: %r",
      "      return index;",
      "    } finally { other.unlock(); }",
      "  }",
      "}"
    };
    writes
        .addSourceLines("Subject.java", only(source, "%w", "UnlockedSlotWrite", "%r"))
        .doTest();
    reads.addSourceLines("Subject.java", only(source, "%r", "PlainSlotRead", "%w")).doTest();
  }

  @Test
  void anAccessorsLockGuardsTheSlotItsModifierWrites() {
    CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .addSourceLines(
            "Cow.java",
            "import dev.readonce.annotations.*;",
            "final class Cow {",
            "  final Object lock = new Object();",
            "  private volatile Object[] array = new Object[0];",
            "  @ReadOnce(lock = \"lock\") Object[] getArray() { return array; }",
            "  @ModifiesSlot(requiresLock = true) void setArray(Object[] a) { array = a; }",
            "  void add(Object o) {",
            "    synchronized (lock) {",
            "      Object[] es = getArray();",
            "      Object[] n = java.util.Arrays.copyOf(es, es.length + 1);",
            "      n[es.length] = o;",
            "      setArray(n);",
            "    }",
            "  }",
            "  void addOther(Cow other) {",
            "    synchronized (lock) {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      other.setArray(new Object[0]);",
            "    }",
            "  }",
            "  void racyClear() {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    setArray(new Object[0]);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void underTheAccessorsLockASecondReadIsNoReread() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .addSourceLines(
            "Cow.java",
            "import dev.readonce.annotations.*;",
            "final class Cow {",
            "  final Object lock = new Object();",
            "  private volatile Object[] array = new Object[0];",
            "  @ReadOnce(lock = \"lock\") Object[] getArray() { return array; }",
            "  int lockedTwice() {",
            "    synchronized (lock) {",
            "      Object[] es = getArray();",
            "      if (es.length == 0) return 0;",
            "      return getArray().length + es.length;",
            "    }",
            "  }",
            "  int unlockedTwice() {",
            "    Object[] es = getArray();",
            "    if (es.length == 0) return 0;",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    return getArray().length + es.length;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void declaredInADeclarationsFile(@TempDir Path dir) throws Exception {
    Path decls =
        Files.writeString(
            dir.resolve("queue.decls"),
            """
            slot          lib.Queue#head                    lock=takeLock
            slot          lib.Queue#last                    lock=putLock
            holding       lib.Queue#enqueue(lib.Queue.Node) lock=putLock
            acquires-lock lib.Queue#fullyLock()             lock=putLock,takeLock
            releases-lock lib.Queue#fullyUnlock()           lock=takeLock,putLock
            """);
    writes
        .addSourceLines(
            "Queue.java",
            "package lib;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Queue {",
            "  static final class Node { Object item; Node next; }",
            "  Node head = new Node();",
            "  Node last = head;",
            "  final ReentrantLock takeLock = new ReentrantLock();",
            "  final ReentrantLock putLock = new ReentrantLock();",
            "  private void enqueue(Node node) { last = last.next = node; }",
            "  void fullyLock() { putLock.lock(); takeLock.lock(); }",
            "  void fullyUnlock() { takeLock.unlock(); putLock.unlock(); }",
            "  void put(Node node) {",
            "    final ReentrantLock putLock = this.putLock;",
            "    putLock.lock();",
            "    try { enqueue(node); } finally { putLock.unlock(); }",
            "  }",
            "  void clear() {",
            "    fullyLock();",
            "    try { enqueue(new Node()); head = last; } finally { fullyUnlock(); }",
            "  }",
            "  void racy() {",
            "    // BUG: Diagnostic contains: enqueue() is called without lock 'putLock'",
            "    enqueue(new Node());",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    head = null;",
            "  }",
            "}")
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.DECLARATIONS + "=" + decls))
        .doTest();
  }

  @Test
  void lockNamesMustResolve() {
    CompilationTestHelper.newInstance(UnknownContractName.class, getClass())
        .addSourceLines(
            "Queue.java",
            "import dev.readonce.annotations.*;",
            "final class Queue {",
            "  final Object lock = new Object();",
            "  static final Object GLOBAL = new Object();",
            "  @Holding({\"lock\", \"this\"}) void fine() {}",
            "  @AcquiresLock(\"GLOBAL\") static void global() {}",
            "  // BUG: Diagnostic contains: @Holding(\"nope\"): no lock field 'nope' in Queue",
            "  @Holding(\"nope\") void typo() {}",
            "  // BUG: Diagnostic contains: @AcquiresLock(\"this\"): lock 'this' on static method",
            "  @AcquiresLock(\"this\") static void noReceiver() {}",
            "  // BUG: Diagnostic contains: @ReleasesLock(\"lock\"): lock 'lock' of static method",
            "  @ReleasesLock(\"lock\") static void instanceLock() {}",
            "}")
        .doTest();
  }

  /** Fills the {@code keep} markers with the check's name and drops the lines of {@code drop}. */
  private static String[] only(String[] lines, String keep, String check, String drop) {
    return java.util.Arrays.stream(lines)
        .filter(l -> !l.contains(drop))
        .map(l -> l.replace(keep, check))
        .toArray(String[]::new);
  }

  /** Fills the one {@code %s} marker with the check's name, which its helper then expects. */
  private static String[] marker(String[] lines, String check) {
    String[] out = lines.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i].replace("%s", check);
    }
    return out;
  }
}

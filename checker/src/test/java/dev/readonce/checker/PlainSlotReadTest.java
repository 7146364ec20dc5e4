package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class PlainSlotReadTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(CompilationTestHelper.newInstance(PlainSlotRead.class, getClass()));

  @Test
  void plainArrayElementAndDerefAccessorAreFlagged() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  long element(Upper u) {",
            "    // BUG: Diagnostic contains: plain read of slot 'u.table[u.index]'",
            "    return u.table[u.index];",
            "  }",
            "  long deref(Upper u) {",
            "    // BUG: Diagnostic contains: plain read of slot 'u'",
            "    return u.deref();",
            "  }",
            "  long opaque(Upper u) {",
            "    return u.get();",
            "  }",
            "  long viaVarHandle(Upper u) {",
            "    return (long) Ref.E.getAcquire(u.table, u.index);",
            "  }",
            "  long plainVarHandleGet(Upper u) {",
            "    // BUG: Diagnostic contains: PlainSlotRead",
            "    return (long) Ref.E.get(u.table, u.index);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldSlots() {
    helper
        .addSourceLines(
            "Node.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.atomic.*;",
            "final class Node {",
            "  @ReadOnce(lock = \"this\") Node next;",
            "  @ReadOnce(lock = \"this\") volatile Node link;",
            "  @ReadOnce(lock = \"lock\") final AtomicLong count = new AtomicLong();",
            "  @ReadOnce(lock = \"lock\") final AtomicLongArray bins = new AtomicLongArray(8);",
            "  @ReadOnce(lock = \"lock\") long[] cells = new long[8];",
            "  final Object lock = new Object();",
            "  Node plainNext() {",
            "    // BUG: Diagnostic contains: plain read of slot 'next'",
            "    return next;",
            "  }",
            "  Node volatileLink() { return link; }",
            "  long atomic() { return count.get() + count.getAcquire() + bins.getOpaque(3); }",
            "  long atomicPlain() {",
            "    // BUG: Diagnostic contains: plain read of slot 'count'",
            "    return count.getPlain();",
            "  }",
            "  long atomicArrayPlain(int i) {",
            "    // BUG: Diagnostic contains: plain read of slot 'bins[i]'",
            "    return bins.getPlain(i);",
            "  }",
            "  long cell(int i) {",
            "    long[] c = cells;",
            "    // BUG: Diagnostic contains: plain read of slot 'c[i]'",
            "    return c[i];",
            "  }",
            "  synchronized Node lockedByThis() {",
            "    return next;",
            "  }",
            "  Node lockedMonitor() {",
            "    synchronized (this) { return next; }",
            "  }",
            "  long lockedField(int i) {",
            "    synchronized (lock) { return cells[i]; }",
            "  }",
            "  Node otherNode(Node other) {",
            "    synchronized (this) {",
            "      // BUG: Diagnostic contains: plain read of slot 'other.next'",
            "      return other.next;",
            "    }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void underTheSlotLockPlainReadsAreFine() {
    helper
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  long locked(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      return u.deref() + u.table[u.index];",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  long afterFinally(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      Pt.use(u.deref());",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "    // BUG: Diagnostic contains: PlainSlotRead",
            "    return u.deref();",
            "  }",
            "  long maybeLocked(Upper u) {",
            "    Lock l = Pt.hugeLock(u);",
            "    if (l == null) {",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return u.deref();",
            "    }",
            "    long v = u.deref();",
            "    l.unlock();",
            "    return v;",
            "  }",
            "  long otherSlotNotCovered(Upper u, Upper w) {",
            "    Lock l = Pt.lock(u);",
            "    // BUG: Diagnostic contains: slot 'w'",
            "    long v = w.deref();",
            "    l.unlock();",
            "    return v;",
            "  }",
            "  @SuppressWarnings(\"PlainSlotRead\")",
            "  long suppressed(Upper u) { return u.deref(); }",
            "  long suppressedLocal(Upper u) {",
            "    @SuppressWarnings(\"PlainSlotRead\") long v = u.deref();",
            "    return v;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void tryLockAndLambdas() {
    helper
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.*;",
            "import java.util.function.LongSupplier;",
            "final class Box {",
            "  @ReadOnce(lock = \"lock\") long value;",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  long tryIt() {",
            "    if (lock.tryLock()) {",
            "      try { return value; } finally { lock.unlock(); }",
            "    }",
            "    return -1;",
            "  }",
            "  long lockIt() {",
            "    lock.lock();",
            "    try { return value; } finally { lock.unlock(); }",
            "  }",
            "  long failedTry() {",
            "    if (!lock.tryLock()) {",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return value;",
            "    }",
            "    lock.unlock();",
            "    return 0;",
            "  }",
            "  // BUG: Diagnostic contains: PlainSlotRead",
            "  LongSupplier lambda = () -> value;",
            "  LongSupplier anonymous = new LongSupplier() {",
            "    @Override public long getAsLong() {",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return value;",
            "    }",
            "  };",
            "  long ternary(boolean b) {",
            "    lock.lock();",
            "    long v = b ? value : 0;",
            "    lock.unlock();",
            "    return v;",
            "  }",
            "}")
        .doTest();
  }
}

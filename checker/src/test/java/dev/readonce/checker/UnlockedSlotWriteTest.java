package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnlockedSlotWriteTest {

  private final CompilationTestHelper helper =
      Fixtures.withSlots(CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass()));

  @Test
  void storesNeedTheLock() {
    helper
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  void unlocked(Upper u) {",
            "    // BUG: Diagnostic contains: write to slot 'u' without its lock",
            "    u.set(0);",
            "  }",
            "  void locked(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    try {",
            "      if (Pt.none(u.get())) u.set(5);",
            "    } finally {",
            "      l.unlock();",
            "    }",
            "  }",
            "  void cas(Upper u) {",
            "    long v = u.get();",
            "    u.cas(v, v | 4);",
            "  }",
            "  void plainStore(Upper u) {",
            "    // BUG: Diagnostic contains: write to slot 'u.table[u.index]'",
            "    u.table[u.index] = 1;",
            "  }",
            "  void lockedPlainStore(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    u.table[u.index] = 1;",
            "    l.unlock();",
            "  }",
            "  void afterUnlock(Upper u) {",
            "    Lock l = Pt.lock(u);",
            "    l.unlock();",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    u.set(1);",
            "  }",
            "  void maybeNotTaken(Upper u) {",
            "    Lock l = Pt.hugeLock(u);",
            "    if (l != null) {",
            "      u.set(0);",
            "      l.unlock();",
            "    } else {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      u.set(0);",
            "    }",
            "  }",
            "  void varHandleStores(Upper u) {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    Ref.E.setRelease(u.table, u.index, 3L);",
            "    Ref.E.compareAndSet(u.table, u.index, 3L, 4L);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void lowerTableSlotsUnderTheLockTheSnapshotDesignates() {
    helper
        .addSourceLines(
            "Zap.java",
            "import dev.readonce.annotations.Snapshot;",
            "import java.util.concurrent.locks.Lock;",
            "class Zap {",
            "  void zapLower(Lower pmdp) {",
            "    long pmd = pmdp.get();",
            "    if (!Pt.table(pmd)) return;",
            "    Lock ptl = Pt.tableLock(pmd);",
            "    try {",
            "      if (!Pt.same(pmdp, pmd)) return;",
            "      Lower ptep = Pt.lower(pmd, 0);",
            "      for (int i = 0; i < 4; i++, ptep = ptep.next()) {",
            "        ptep.set(0);",
            "      }",
            "    } finally {",
            "      ptl.unlock();",
            "    }",
            "  }",
            "  void notRevalidated(Lower pmdp) {",
            "    long pmd = pmdp.get();",
            "    if (!Pt.table(pmd)) return;",
            "    Lock ptl = Pt.tableLock(pmd);",
            "    Lower ptep = Pt.lower(pmd, 0);",
            "    // BUG: Diagnostic contains: write to slot 'ptep'",
            "    ptep.set(0);",
            "    ptl.unlock();",
            "  }",
            "  void afterUnlock(Lower pmdp) {",
            "    long pmd = pmdp.get();",
            "    if (!Pt.table(pmd)) return;",
            "    Lock ptl = Pt.tableLock(pmd);",
            "    if (!Pt.same(pmdp, pmd)) { ptl.unlock(); return; }",
            "    Lower ptep = Pt.lower(pmd, 0);",
            "    ptl.unlock();",
            "    // BUG: Diagnostic contains: write to slot 'ptep'",
            "    ptep.set(0);",
            "  }",
            "  void handleLockIsNotTheTablesLock(Lower pmdp) {",
            "    Lock l = Pt.lock(pmdp);",
            "    long pmd = pmdp.get();",
            "    if (!Pt.table(pmd)) { l.unlock(); return; }",
            "    Lower ptep = Pt.lower(pmd, 0);",
            "    // BUG: Diagnostic contains: write to slot 'ptep'",
            "    ptep.set(0);",
            "    l.unlock();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void callbacksCalledUnderTheLockMayStore() {
    helper
        .addSourceLines(
            "T.java",
            "class T {",
            "  LeafOps clean = (v, l) -> {",
            "    l.set(v & ~4L);",
            "    return 0;",
            "  };",
            "  Ops notLocked = (v, u) -> {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    u.set(0);",
            "    return 0;",
            "  };",
            "}")
        .doTest();
  }

  @Test
  void fieldSlotsMonitorsAndConstructors() {
    helper
        .addSourceLines(
            "Node.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.atomic.*;",
            "import java.util.concurrent.locks.*;",
            "final class Node {",
            "  @ReadOnce(lock = \"this\") Node next;",
            "  @ReadOnce(lock = \"lock\") final AtomicLong count = new AtomicLong();",
            "  @ReadOnce(lock = \"lock\") final long[] cells = new long[4];",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  Node(Node next) { this.next = next; }",
            "  void link(Node n) {",
            "    // BUG: Diagnostic contains: write to slot 'next'",
            "    next = n;",
            "  }",
            "  synchronized void linkLocked(Node n) { next = n; }",
            "  void linkMonitor(Node n) {",
            "    synchronized (this) { this.next = n; }",
            "  }",
            "  void otherNode(Node other, Node n) {",
            "    synchronized (this) {",
            "      // BUG: Diagnostic contains: write to slot 'other.next'",
            "      other.next = n;",
            "    }",
            "  }",
            "  void counter() {",
            "    count.incrementAndGet();",
            "    count.compareAndSet(1, 2);",
            "    // BUG: Diagnostic contains: write to slot 'count'",
            "    count.set(0);",
            "  }",
            "  void counterLocked() {",
            "    lock.lock();",
            "    try { count.lazySet(0); cells[1] = 2; } finally { lock.unlock(); }",
            "  }",
            "  void cell(int i) {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    cells[i] += 1;",
            "  }",
            "  void increment(int i) {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    cells[i]++;",
            "  }",
            "  void lockedIncrement(int i) {",
            "    lock.lock();",
            "    try { cells[i]--; } finally { lock.unlock(); }",
            "  }",
            "  void tryLocked(int i) {",
            "    if (lock.tryLock()) {",
            "      try { cells[i] = 0; } finally { lock.unlock(); }",
            "    } else {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      cells[i] = 0;",
            "    }",
            "  }",
            "  @SuppressWarnings(\"UnlockedSlotWrite\")",
            "  void suppressed(Node n) { next = n; }",
            "  Runnable lambda = () -> {",
            "    lock.lock();",
            "    try { cells[0] = 1; } finally { lock.unlock(); }",
            "  };",
            "  // BUG: Diagnostic contains: UnlockedSlotWrite",
            "  Runnable badLambda = () -> cells[0] = 1;",
            "}")
        .doTest();
  }
}

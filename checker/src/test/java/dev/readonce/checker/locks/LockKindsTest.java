package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.MissingRevalidation;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.UnlockedSlotWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of lock a Java user has, each shown held (silent) and not held (firing). */
class LockKindsTest {

  private final CompilationTestHelper writes =
      CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass());
  private final CompilationTestHelper reads =
      CompilationTestHelper.newInstance(PlainSlotRead.class, getClass());
  private final CompilationTestHelper revalidation =
      CompilationTestHelper.newInstance(MissingRevalidation.class, getClass());

  @Test
  void lockInterruptiblyAndTryLock() {
    writes
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Box {",
            "  @ReadOnce(lock = \"lock\") long value;",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  void interruptibly() throws InterruptedException {",
            "    lock.lockInterruptibly();",
            "    try { value = 1; } finally { lock.unlock(); }",
            "  }",
            "  void tried() {",
            "    if (!lock.tryLock()) {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      value = 2;",
            "      return;",
            "    }",
            "    try { value = 3; } finally { lock.unlock(); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readWriteLockWritersHoldTheWriteLock() {
    writes
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.ReentrantReadWriteLock;",
            "final class Box {",
            "  @ReadOnce(lock = \"rw\") long value;",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  void write() {",
            "    rw.writeLock().lock();",
            "    try { value = 1; } finally { rw.writeLock().unlock(); }",
            "  }",
            "  void writeUnderReadLock() {",
            "    rw.readLock().lock();",
            "    try {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      value = 2;",
            "    } finally {",
            "      rw.readLock().unlock();",
            "    }",
            "  }",
            "  void afterRelease() {",
            "    rw.writeLock().lock();",
            "    rw.writeLock().unlock();",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    value = 3;",
            "  }",
            "}")
        .doTest();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1"})
  void readWriteLockViewKeptInALocalIsThatView(String chunkStatements) {
    // With 1, every statement is its own CFG: the view is declared in an earlier chunk than the
    // lock call and the store.
    String chunks = "-XepOpt:ReadOnce:ChunkStatements=" + chunkStatements;
    writes
        .setArgs(chunks)
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.*;",
            "final class Box {",
            "  @ReadOnce(lock = \"rw\") long value;",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  void writeView() {",
            "    Thread.yield();", // the view is declared after the first chunk
            "    Lock w = rw.writeLock();",
            "    w.lock();",
            "    try { value = 1; } finally { w.unlock(); }",
            "  }",
            "  void readView() {",
            "    Thread.yield();",
            "    Lock r = rw.readLock();",
            "    r.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      value = 2;",
            "    } finally { r.unlock(); }",
            "  }",
            "  void reassignedView(boolean read) {",
            "    Lock v = rw.writeLock();",
            "    if (read) v = rw.readLock();",
            "    v.lock();",
            "    try {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      value = 3;",
            "    } finally { v.unlock(); }",
            "  }",
            "}")
        .doTest();
    reads
        .setArgs(chunks)
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.*;",
            "final class Box {",
            "  @ReadOnce(lock = \"rw\") long value;",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  long readView() {",
            "    Thread.yield();",
            "    final Lock r = rw.readLock();",
            "    r.lock();",
            "    try { return value; } finally { r.unlock(); }",
            "  }",
            "  long afterUnlock() {",
            "    Lock r = rw.readLock();",
            "    r.lock();",
            "    r.unlock();",
            "    // BUG: Diagnostic contains: PlainSlotRead",
            "    return value;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void readWriteLockReadersAreStableUnderTheReadLock() {
    reads
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.ReentrantReadWriteLock;",
            "final class Box {",
            "  @ReadOnce(lock = \"rw\") long value;",
            "  final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();",
            "  long underReadLock() {",
            "    rw.readLock().lock();",
            "    try { return value; } finally { rw.readLock().unlock(); }",
            "  }",
            "  long unlocked() {",
            "    // BUG: Diagnostic contains: PlainSlotRead",
            "    return value;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void stampedLockWriteAndReadStamps() {
    writes
        .addSourceLines(
            "Point.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.StampedLock;",
            "final class Point {",
            "  @ReadOnce(lock = \"sl\") double x;",
            "  final StampedLock sl = new StampedLock();",
            "  void move(double dx) {",
            "    long stamp = sl.writeLock();",
            "    try { x += dx; } finally { sl.unlockWrite(stamp); }",
            "  }",
            "  void moveUnlock(double dx) {",
            "    long stamp = sl.writeLock();",
            "    try { x = dx; } finally { sl.unlock(stamp); }",
            "  }",
            "  void underReadStamp(double v) {",
            "    long stamp = sl.readLock();",
            "    try {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      x = v;",
            "    } finally {",
            "      sl.unlockRead(stamp);",
            "    }",
            "  }",
            "  void tryWrite(double v) {",
            "    long stamp = sl.tryWriteLock();",
            "    if (stamp != 0L) {",
            "      try { x = v; } finally { sl.unlockWrite(stamp); }",
            "    } else {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      x = v;",
            "    }",
            "  }",
            "  void tryWriteZeroFirst(double v) {",
            "    long stamp = sl.tryWriteLock();",
            "    if (stamp == 0) {",
            "      return;",
            "    }",
            "    x = v;",
            "    sl.unlockWrite(stamp);",
            "  }",
            "  void afterUnlockWrite(double v) {",
            "    long stamp = sl.writeLock();",
            "    sl.unlockWrite(stamp);",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    x = v;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void stampedLockOptimisticReadValidated() {
    reads
        .addSourceLines(
            "Point.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.StampedLock;",
            "final class Point {",
            "  @ReadOnce(lock = \"sl\") double x;",
            "  @ReadOnce(lock = \"sl\") double y;",
            "  final StampedLock sl = new StampedLock();",
            "  double distance() {", // the StampedLock Javadoc's example
            "    long stamp = sl.tryOptimisticRead();",
            "    double cx = x, cy = y;",
            "    if (!sl.validate(stamp)) {",
            "      stamp = sl.readLock();",
            "      try { cx = x; cy = y; } finally { sl.unlockRead(stamp); }",
            "    }",
            "    return Math.sqrt(cx * cx + cy * cy);",
            "  }",
            "  double noWindow() {",
            "    // BUG: Diagnostic contains: PlainSlotRead",
            "    return x;",
            "  }",
            "  double afterValidate() {",
            "    long stamp = sl.tryOptimisticRead();",
            "    double cx = x;",
            "    if (sl.validate(stamp)) {",
            "      // BUG: Diagnostic contains: PlainSlotRead",
            "      return cx + y;",
            "    }",
            "    return 0;",
            "  }",
            "}")
        .doTest();
    revalidation
        .addSourceLines(
            "Point.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.StampedLock;",
            "final class Point {",
            "  @ReadOnce(lock = \"sl\") double x;",
            "  final StampedLock sl = new StampedLock();",
            "  double retries() {",
            "    for (;;) {",
            "      long stamp = sl.tryOptimisticRead();",
            "      double cx = x;",
            "      if (sl.validate(stamp)) {",
            "        return cx;",
            "      }",
            "    }",
            "  }",
            "  double takesTheLock() {",
            "    long stamp = sl.tryOptimisticRead();",
            "    double cx = x;",
            "    if (!sl.validate(stamp)) {",
            "      stamp = sl.readLock();",
            "      try { cx = x; } finally { sl.unlockRead(stamp); }",
            "    }",
            "    return cx;",
            "  }",
            "  double unvalidated() {",
            "    long stamp = sl.tryOptimisticRead();",
            "    double cx = x;",
            "    // BUG: Diagnostic contains: before validate(stamp) confirmed it",
            "    return cx;",
            "  }",
            "  double actsOnFailedSnapshot() {",
            "    long stamp = sl.tryOptimisticRead();",
            "    double cx = x;",
            "    if (!sl.validate(stamp)) {",
            "      // BUG: Diagnostic contains: MissingRevalidation",
            "      return cx;",
            "    }",
            "    return cx * 2;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void locksReachedThroughGettersAndChains() {
    writes
        .addSourceLines(
            "Table.java",
            "import dev.readonce.annotations.ReadOnce;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Table {",
            "  @ReadOnce(lock = \"ptl\") final long[] entries = new long[512];",
            "  final ReentrantLock ptl = new ReentrantLock();",
            "  private final ReentrantLock other = new ReentrantLock();",
            "  ReentrantLock lock() { return ptl; }",
            "  ReentrantLock otherLock() { return this.other; }",
            "}")
        .addSourceLines(
            "Ref.java",
            "final class Ref {",
            "  private final Table table;",
            "  final int index;",
            "  Ref(Table t, int i) { table = t; index = i; }",
            "  Table table() { return table; }",
            "}")
        .addSourceLines(
            "Pud.java",
            "interface Pud {",
            "  Table table();", // an interface method: no body, the field it returns is unknown
            "}")
        .addSourceLines(
            "Walk.java",
            "final class Walk {",
            "  void chain(Ref pudp, int i) {",
            "    pudp.table().ptl.lock();",
            "    try { pudp.table().entries[i] = 1; } finally { pudp.table().ptl.unlock(); }",
            "  }",
            "  void getterAndChain(Ref pudp, int i) {",
            "    Table t = pudp.table();",
            "    pudp.table().lock().lock();",
            "    try {",
            "      pudp.table().entries[i] = 1;",
            "    } finally {",
            "      pudp.table().lock().unlock();",
            "    }",
            "  }",
            "  void accessor(Table t, int i) {",
            "    t.lock().lock();",
            "    try { t.entries[i] = 1; } finally { t.lock().unlock(); }",
            "  }",
            "  void wrongLock(Table t, int i) {",
            "    t.otherLock().lock();",
            "    try {",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      t.entries[i] = 1;",
            "    } finally {",
            "      t.otherLock().unlock();",
            "    }",
            "  }",
            "  void unknownOwnerCoversNoKnownSlot(Pud pud, Table t, int i) {",
            "    pud.table().ptl.lock();",
            "    try {",
            "      pud.table().entries[i] = 1;",
            "      // BUG: Diagnostic contains: UnlockedSlotWrite",
            "      t.entries[i] = 1;",
            "    } finally {",
            "      pud.table().ptl.unlock();",
            "    }",
            "  }",
            "  void noLock(Ref pudp, int i) {",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    pudp.table().entries[i] = 1;",
            "  }",
            "}")
        .doTest();
  }
}

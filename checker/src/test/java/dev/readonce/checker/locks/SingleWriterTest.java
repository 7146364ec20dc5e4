package dev.readonce.checker.locks;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.PlainSlotRead;
import dev.readonce.checker.UnknownContractName;
import dev.readonce.checker.UnlockedReread;
import dev.readonce.checker.UnlockedSlotWrite;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The single-writer contract ({@code @SingleWriter}) in RxJava {@code BehaviorSubject}'s shape:
 * {@code index} is written under the write lock by {@code setCurrent}, which only the serialized
 * {@code onNext}/{@code onError}/{@code onComplete} reach, and read without the lock by them.
 * Each behaviour is shown silent inside the writer and firing outside it.
 */
class SingleWriterTest {

  private final CompilationTestHelper writes =
      CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass());
  private final CompilationTestHelper reads =
      CompilationTestHelper.newInstance(PlainSlotRead.class, getClass());
  private final CompilationTestHelper rereads =
      CompilationTestHelper.newInstance(UnlockedReread.class, getClass());
  private final CompilationTestHelper names =
      CompilationTestHelper.newInstance(UnknownContractName.class, getClass());

  /** The subject: the version {@code index} under the read-write lock's write view. */
  private static final String[] SUBJECT_HEAD = {
    "import dev.readonce.annotations.*;",
    "import java.util.concurrent.atomic.AtomicReference;",
    "import java.util.concurrent.locks.*;",
    "final class Subject {",
    "  @ReadOnce(lock = \"lock\") long index;",
    "  @ReadOnce(lock = \"lock\") final AtomicReference<Object> value = new AtomicReference<>();",
    "  final ReadWriteLock lock = new ReentrantReadWriteLock();",
    "  final Lock readLock = lock.readLock();",
    "  final Lock writeLock = lock.writeLock();",
    "  static void emit(Object o, long i) {}",
    "  @SingleWriter({\"index\", \"value\"}) void setCurrent(Object o) {",
    "    writeLock.lock();",
    "    index++;",
    "    value.lazySet(o);",
    "    writeLock.unlock();",
    "  }",
    "  @SingleWriter({\"index\", \"value\"}) void onNext(Object o) {",
    "    setCurrent(o);",
    "    emit(o, index);",
    "  }",
    "  @SingleWriter({\"index\", \"value\"}) void onComplete() {",
    "    terminate(null);",
    "    emit(null, index);",
    "  }",
    "  @SingleWriter({\"index\", \"value\"}) void terminate(Object o) { setCurrent(o); }",
  };

  private static String[] subject(String... body) {
    String[] out = Arrays.copyOf(SUBJECT_HEAD, SUBJECT_HEAD.length + body.length + 1);
    System.arraycopy(body, 0, out, SUBJECT_HEAD.length, body.length);
    out[out.length - 1] = "}";
    return out;
  }

  @Test
  void methodReferenceToAWriterIsACallFromOutsideIt() {
    writes
        .addSourceLines(
            "Subject.java",
            subject(
                "  void subscribeLater(java.util.concurrent.Executor ex, Object o) {",
                "    // BUG: Diagnostic contains: method reference to setCurrent(), part of the"
                    + " single writer of slot 'index'",
                "    java.util.function.Consumer<Object> c = this::setCurrent;",
                "    ex.execute(() -> c.accept(o));",
                "  }",
                "  void notAWriter(java.util.List<Object> items) {",
                "    items.forEach(Subject::emitOne);",
                "  }",
                "  static void emitOne(Object o) {}"))
        .doTest();
  }

  @Test
  void theWriterReadsItsOwnWriteWithoutTheLock() {
    reads
        .addSourceLines(
            "Subject.java",
            subject(
                "  long emitFirst() {",
                "    readLock.lock();",
                "    try { return index; } finally { readLock.unlock(); }",
                "  }",
                "  long racyReader() {",
                "    // BUG: Diagnostic contains: plain read of slot 'index' without its lock",
                "    return index;",
                "  }",
                "  @SingleWriter(\"value\") long writerOfAnotherSlot() {",
                "    // BUG: Diagnostic contains: PlainSlotRead",
                "    return index;",
                "  }",
                "  @SingleWriter({\"index\", \"value\"}) long otherObject(Subject s) {",
                "    // BUG: Diagnostic contains: plain read of slot 's.index'",
                "    return s.index;",
                "  }",
                "  @SingleWriter({\"index\", \"value\"}) Runnable inALambda() {",
                "    // BUG: Diagnostic contains: PlainSlotRead",
                "    return () -> emit(null, index);",
                "  }"))
        .doTest();
  }

  @Test
  void theWritersReadsAreStableSoASecondOneIsNoReread() {
    rereads
        .addSourceLines(
            "Counter.java",
            "import dev.readonce.annotations.*;",
            "final class Counter {",
            "  @ReadOnce(lock = \"this\") volatile long index;",
            "  static void emit(long i) {}",
            "  @SingleWriter(\"index\") void onNext() {",
            "    long before = index;",
            "    synchronized (this) { index = before + 1; }",
            "    if (index > before) emit(index);",
            "  }",
            "  void reader() {",
            "    long before = index;",
            "    // BUG: Diagnostic contains: slot 'index' read again",
            "    if (index > before) emit(before);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * The findings outside the writer come from bodies with nothing else in them (a locked store, a
   * single call), which the feasibility pre-pass must not skip: each such test runs with it and
   * without it ({@code ReadOnce:Prepass=false}), with the same expectations.
   */
  private CompilationTestHelper writes(boolean prepass) {
    return CompilationTestHelper.newInstance(UnlockedSlotWrite.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Prepass=" + prepass);
  }

  @ParameterizedTest(name = "prepass={0}")
  @ValueSource(booleans = {true, false})
  void everyWriteOutsideTheWriterIsReportedEvenUnderTheLock(boolean prepass) {
    writes(prepass)
        .addSourceLines(
            "Subject.java",
            subject(
                "  Subject() { index = 1; value.set(null); }",
                "  void reset() {",
                "    writeLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: slot 'index' is written outside its single"
                    + " writer (anotherObject, onComplete, onNext, setCurrent, terminate,"
                    + " writerWithoutTheLock, declared @SingleWriter)",
                "      index = 0;",
                "      // BUG: Diagnostic contains: slot 'value' is written outside",
                "      value.set(null);",
                "      // BUG: Diagnostic contains: written outside its single writer",
                "      value.compareAndSet(null, 1);",
                "    } finally { writeLock.unlock(); }",
                "  }",
                "  @SingleWriter({\"index\", \"value\"}) void writerWithoutTheLock() {",
                "    // BUG: Diagnostic contains: UnlockedSlotWrite",
                "    index = 2;",
                "  }",
                "  @SingleWriter({\"index\", \"value\"}) void anotherObject(Subject s) {",
                "    s.writeLock.lock();",
                "    try {",
                "      // BUG: Diagnostic contains: slot 's.index' is written outside",
                "      s.index = 3;",
                "    } finally { s.writeLock.unlock(); }",
                "  }",
                "  static Subject fresh() {",
                "    Subject s = new Subject();",
                "    s.index = 4;",
                "    return s;",
                "  }"))
        .doTest();
  }

  @ParameterizedTest(name = "prepass={0}")
  @ValueSource(booleans = {true, false})
  void theWritersMethodsAreCalledOnlyFromTheWriter(boolean prepass) {
    writes(prepass)
        .addSourceLines(
            "Subject.java",
            subject(
                "  Subject(Object initial) { setCurrent(initial); }",
                "  Subject() {}",
                "  void subscribe() {",
                "    // BUG: Diagnostic contains: setCurrent() is part of the single writer of slot"
                    + " 'index' (@SingleWriter), but subscribe is not",
                "    setCurrent(null);",
                "  }",
                "  @SingleWriter(\"index\") void writerOfIndexOnly() {",
                "    // BUG: Diagnostic contains: single writer of slot 'value'",
                "    setCurrent(null);",
                "  }",
                "  @SingleWriter({\"index\", \"value\"}) void onError(Subject other) {",
                "    // BUG: Diagnostic contains: calling it on another object",
                "    other.terminate(null);",
                "    this.terminate(null);",
                "  }"))
        .doTest();
  }

  @Test
  void withoutASingleWriterTheSlotIsWrittenAnywhereUnderItsLock() {
    writes
        .addSourceLines(
            "Plain.java",
            "import dev.readonce.annotations.*;",
            "final class Plain {",
            "  @ReadOnce(lock = \"this\") long index;",
            "  synchronized void a() { index++; }",
            "  synchronized void b() { index = 0; }",
            "}")
        .doTest();
  }

  @Test
  void theNamesAreSlotsOfTheMethodsClass() {
    names
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.*;",
            "final class Box {",
            "  @ReadOnce(lock = \"this\") long index;",
            "  @ReadOnce(lock = \"this\") static long total;",
            "  long plain;",
            "  @SingleWriter(\"index\") void ok() {}",
            "  @SingleWriter(\"total\") static void okStatic() {}",
            "  // BUG: Diagnostic contains: @SingleWriter(\"idx\"): no field 'idx' in Box (a slot"
                + " of the single writer typo is a field of its class; its fields: index, total,"
                + " plain)",
            "  @SingleWriter(\"idx\") void typo() {}",
            "  // BUG: Diagnostic contains: @SingleWriter(\"plain\"): field 'plain' of Box is not a"
                + " slot",
            "  @SingleWriter(\"plain\") void notASlot() {}",
            "  // BUG: Diagnostic contains: slot 'total' of instance method perObject is a static"
                + " field of Box",
            "  @SingleWriter(\"total\") void perObject() {}",
            "  // BUG: Diagnostic contains: slot 'index' of static method classWide is an instance"
                + " field of Box",
            "  @SingleWriter(\"index\") static void classWide() {}",
            "}")
        .doTest();
  }
}

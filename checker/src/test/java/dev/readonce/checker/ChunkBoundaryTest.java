package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a naive split of a long body into chunks would get wrong, shown right: every case runs with
 * each top-level statement its own CFG ({@code ChunkStatements=1}) and with one CFG per body
 * ({@code 0}), with the same expected findings. Each case has a twin that differs only in what
 * crosses the boundary, so a finding appears or disappears with it.
 */
class ChunkBoundaryTest {

  private static CompilationTestHelper helper(Class<? extends ReadOnceCheck> check, int chunks) {
    return Fixtures.withSlots(CompilationTestHelper.newInstance(check, ChunkBoundaryTest.class))
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.CHUNK_STATEMENTS + "=" + chunks));
  }

  /**
   * A {@code return} in an early chunk leaves the method: the store the next chunk starts from is
   * the fall-through store, not the join with the returns (which would bring the returned path's
   * read into the next statement and flag its read as a re-read).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void aReturnInAnEarlyChunkLeavesTheMethod(int chunks) {
    helper(UnlockedReread.class, chunks)
        .addSourceLines(
            "T.java",
            "class T {",
            "  int returns(Upper u, boolean c) {",
            "    if (c) {",
            "      if (Pt.none(u.get())) return 0;",
            "      return 1;",
            "    }",
            "    return Pt.leaf(u.get()) ? 2 : 3;",
            "  }",
            "  int fallsThrough(Upper u, boolean c) {",
            "    if (c) {",
            "      if (Pt.none(u.get())) return 0;",
            "    }",
            "    // BUG: Diagnostic contains: UnlockedReread",
            "    return Pt.leaf(u.get()) ? 2 : 3;",
            "  }",
            "}")
        .doTest();
  }

  /** A lock taken in one chunk is held in the next ones until a later chunk releases it. */
  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void aLockTakenInOneChunkIsReleasedInALaterOne(int chunks) {
    helper(UnlockedSlotWrite.class, chunks)
        .addSourceLines(
            "T.java",
            "import java.util.concurrent.locks.Lock;",
            "class T {",
            "  void write(Upper u, long v) {",
            "    Lock l = Pt.lock(u);",
            "    u.set(v);",
            "    u.set(v + 1);",
            "    l.unlock();",
            "    // BUG: Diagnostic contains: UnlockedSlotWrite",
            "    u.set(v);",
            "  }",
            "}")
        .doTest();
  }

  /**
   * What a method's exit holds is the join of every chunk's returns and the last chunk's end: an
   * early {@code return} without the lock breaks an {@code @AcquiresLock} contract even though
   * the last chunk takes it.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void theExitJoinsTheReturnsOfEveryChunk(int chunks) {
    helper(UnlockedSlotWrite.class, chunks)
        .addSourceLines(
            "Q.java",
            "import dev.readonce.annotations.*;",
            "import java.util.concurrent.locks.ReentrantLock;",
            "final class Q {",
            "  @ReadOnce(lock = \"lock\") Object item;",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  // BUG: Diagnostic contains: declared to return holding lock 'lock'",
            "  @AcquiresLock(\"lock\") void early(boolean c) {",
            "    if (c) {",
            "      return;",
            "    }",
            "    lock.lock();",
            "  }",
            "  @AcquiresLock(\"lock\") void always(boolean c) {",
            "    if (c) {",
            "      lock.lock();",
            "      return;",
            "    }",
            "    lock.lock();",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A snapshot read in one chunk and re-read in a later one is a re-read while a chunk after both
   * still uses it: liveness runs across the chunks (each chunk's CFG alone would call it dead).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void aSnapshotLiveInALaterChunkStillDecides(int chunks) {
    helper(UnlockedReread.class, chunks)
        .addSourceLines(
            "T.java",
            "class T {",
            "  long live(Upper u) {",
            "    long v = u.get();",
            "    Pt.use(1);",
            "    // BUG: Diagnostic contains: use 'v'",
            "    long w = u.get();",
            "    Pt.use(w);",
            "    return v + w;",
            "  }",
            "  long dead(Upper u) {",
            "    long v = u.get();",
            "    Pt.use(v + 1);",
            "    long w = u.get();",
            "    Pt.use(w);",
            "    return w;",
            "  }",
            "}")
        .doTest();
  }

  /**
   * A loop after the split starts a pass of its own at its header, in its own chunk's CFG, while
   * a test made before it (another chunk) still decides inside it.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void aLoopAfterTheSplitStartsItsOwnPasses(int chunks) {
    helper(UnlockedReread.class, chunks)
        .addSourceLines(
            "T.java",
            "class T {",
            "  int perPass(Upper u) {",
            "    int n = 0;",
            "    Pt.use(n);",
            "    for (int i = 0; i < 4; i++) {",
            "      long v = u.get();",
            "      if (Pt.none(v)) continue;",
            "      n++;",
            "    }",
            "    return n;",
            "  }",
            "  int beforeTheLoop(Upper u) {",
            "    int n = 0;",
            "    if (Pt.none(u.get())) return 0;",
            "    for (int i = 0; i < 4; i++) {",
            "      // BUG: Diagnostic contains: UnlockedReread",
            "      if (Pt.leaf(u.get())) n++;",
            "    }",
            "    return n;",
            "  }",
            "}")
        .doTest();
  }
}

package dev.readonce.checker.analysis;

import com.google.errorprone.CompilationTestHelper;
import dev.readonce.checker.ReadOnceConfig;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins the engine's lock regions as text, one line per statement: {@code line statement |
 * regions held on every evaluation of it}. A region comes from the CFG's monitor and lock nodes and
 * ends at a release or at the first source tree outside the block (issue 8 row 2); the trees the
 * CFG makes up for {@code ?:}, {@code ++}, {@code +=} and packed varargs never end it.
 */
class HeldRegionsTest {

  private static final String BINS =
      """
      import dev.readonce.annotations.*;
      import java.lang.invoke.*;
      import java.util.concurrent.locks.*;
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

  /**
   * The printer's helper; every listing is the same with each top-level statement its own CFG
   * ({@code ChunkStatements=1}) as with one CFG per body: the stores a chunk starts from are the
   * whole body's at that statement.
   */
  private static CompilationTestHelper helper(int chunks) {
    return CompilationTestHelper.newInstance(HeldRegionPrinter.class, HeldRegionsTest.class)
        .setArgs(List.of("-XepOpt:" + ReadOnceConfig.CHUNK_STATEMENTS + "=" + chunks))
        .addSourceLines("Bins.java", BINS);
  }

  /** The printed listing, without the indentation javac gives a diagnostic's later lines. */
  private static String listing(String message) {
    return message.replace("\n  ", "\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void monitorRegionSurvivesMadeUpTreesAndEndsAtEveryExit(int chunks) {
    helper(chunks)
        .addSourceLines(
            "M.java",
            """
            class M {
              // BUG: Diagnostic matches: REGIONS
              int shapes(Bins map, int i, int k) {
                Object[] tab = map.table;
                for (; ; ) {
                  Object f = Bins.tabAt(tab, i);
                  if (f == null) return 0;
                  synchronized (f) {
                    int c = k > 0 ? 1 : 2;
                    map.count++;
                    ++map.count;
                    map.count += c;
                    String s = String.format("%d %d", c, k);
                    Bins.BIN.setRelease(tab, i, s);
                    Bins.setTabAt(tab, i++, null);
                    if (k == 1) break;
                    if (k == 2) continue;
                    if (k == 3) throw new IllegalStateException();
                    try {
                      Bins.setTabAt(tab, i, s);
                    } finally {
                      map.count--;
                    }
                    if (k == 4) return c;
                  }
                  Bins.setTabAt(tab, i, null);
                }
                return -1;
              }
            }
            """)
        .expectErrorMessage("REGIONS", m -> listing(m).contains("\n" + MONITOR))
        .doTest();
  }

  private static final String MONITOR =
      """
      4 Object[] tab = map.table; | -
      5 for (; ; ) | (no node)
      6 Object f = Bins.tabAt(tab, i); | -
      7 if (f == null) return 0; | -
      7 return 0; | -
      8 synchronized (f) | -
      9 int c = k > 0 ? 1 : 2; | tab[i] (monitor)
      10 map.count++; | tab[i] (monitor)
      11 ++map.count; | tab[i] (monitor)
      12 map.count += c; | tab[i] (monitor)
      13 String s = String.format("%d %d", c, k); | tab[i] (monitor)
      14 Bins.BIN.setRelease(tab, i, s); | tab[i] (monitor)
      15 Bins.setTabAt(tab, i++, null); | tab[i] (monitor)
      16 if (k == 1) break; | tab[i] (monitor)
      16 break; | (no node)
      17 if (k == 2) continue; | tab[i] (monitor)
      17 continue; | (no node)
      18 if (k == 3) throw new IllegalStateException(); | tab[i] (monitor)
      18 throw new IllegalStateException(); | tab[i] (monitor)
      19 try | (no node)
      20 Bins.setTabAt(tab, i, s); | tab[i] (monitor)
      22 map.count--; | tab[i] (monitor)
      24 if (k == 4) return c; | tab[i] (monitor)
      24 return c; | tab[i] (monitor)
      26 Bins.setTabAt(tab, i, null); | -
      28 return -1; | -
      """;

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void lockRegionEndsAtUnlockOnEveryPath(int chunks) {
    helper(chunks)
        .addSourceLines(
            "L.java",
            """
            class L {
              // BUG: Diagnostic matches: REGIONS
              Object locked(Bins map, int k) {
                map.lock.lock();
                try {
                  Object h = map.head;
                  if (k == 0) return h;
                  map.head = k > 1 ? h : null;
                } finally {
                  map.lock.unlock();
                }
                return map.head;
              }
            }
            """)
        .expectErrorMessage("REGIONS", m -> listing(m).contains("\n" + LOCK))
        .doTest();
  }

  private static final String LOCK =
      """
      4 map.lock.lock(); | -
      5 try | (no node)
      6 Object h = map.head; | map.head (lock)
      7 if (k == 0) return h; | map.head (lock)
      7 return h; | map.head (lock)
      8 map.head = k > 1 ? h : null; | map.head (lock)
      10 map.lock.unlock(); | -
      12 return map.head; | -
      """;
}

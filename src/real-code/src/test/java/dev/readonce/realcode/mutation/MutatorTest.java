package dev.readonce.realcode.mutation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.realcode.CorpusClass;
import dev.readonce.realcode.PreparedClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each operator on a small bin map: where it applies, what it writes, and where it does not. */
class MutatorTest {

  private static final String SOURCE =
      """
      package m;

      final class Bins {
        final Object[] table = new Object[8];

        static Object tabAt(Object[] tab, int i) { return tab[i]; }

        static void setTabAt(Object[] tab, int i, Object v) { tab[i] = v; }

        Object get(int i) {
          Object[] tab = table;
          Object f = tabAt(tab, i);
          if (f == null) {
            return null;
          }
          return f.toString();
        }

        void put(int i, Object v) {
          Object[] tab = table;
          Object f = tabAt(tab, i);
          synchronized (f) {
            if (tabAt(tab, i) == f) {
              setTabAt(tab, i, v);
            }
          }
        }

        Object once(int i) {
          Object f = tabAt(table, i);
          return f;
        }
      }
      """;

  private static final String DECLS =
      """
      slot          m.Bins#table  lock=<held value>
      accessor      m.Bins#tabAt(java.lang.Object[], int)  lock=<held value>
      modifies-slot m.Bins#setTabAt(java.lang.Object[], int, java.lang.Object)  slot=0,1 requiresLock
      """;

  @TempDir Path dir;

  @Test
  void eachOperatorAppliesWhereTheDisciplineCanBeBroken() throws Exception {
    Path decls = dir.resolve("bins.decls");
    Files.writeString(decls, DECLS, UTF_8);
    CorpusClass c = new CorpusClass("m.Bins", CorpusClass.Origin.JDK, "-", List.of(), List.of());
    PreparedClass prepared =
        new PreparedClass(c, SOURCE, List.of(), List.of(), List.of(), List.of(decls));
    List<Mutant> mutants = new Mutator().mutants(prepared);
    Map<Operator, List<Mutant>> byOp =
        mutants.stream().collect(Collectors.groupingBy(Mutant::operator));

    // get(): the snapshot decides twice, so each use is re-read in its own mutant; put(): the
    // monitor expression is a use before the lock (the re-check's use under it is not a site);
    // once() uses it once: no mutant.
    List<Mutant> dup = byOp.get(Operator.DUPLICATE_READ);
    assertEquals(List.of(13, 16, 22), dup.stream().map(Mutant::line).toList(), mutants.toString());
    assertTrue(dup.get(0).source().contains("if ((tabAt(tab, i)) == null) {"));
    assertTrue(dup.get(1).source().contains("return (tabAt(tab, i)).toString();"));
    assertTrue(dup.get(2).source().contains("synchronized ((tabAt(tab, i))) {"));

    // put(): the re-check is dropped, its block kept.
    Mutant drop = byOp.get(Operator.DROP_RECHECK).get(0);
    assertTrue(
        !drop.source().contains("if (tabAt(tab, i) == f)")
            && drop.source().contains("setTabAt(tab, i, v);"));

    // put(): the store leaves the synchronized block, on the block's closing line.
    Mutant move = byOp.get(Operator.MOVE_WRITE_OUT).get(0);
    assertEquals(26, move.line());
    assertTrue(
        move.source().lines().toList().get(25).strip().equals("} setTabAt(tab, i, v);"),
        move.source());

    // Lock-free reads through the accessor become plain element reads (not the one under the lock).
    assertEquals(
        List.of(
            "tabAt(tab, i) replaced by tab[i]",
            "tabAt(tab, i) replaced by tab[i]",
            "tabAt(table, i) replaced by table[i]"),
        byOp.get(Operator.PLAIN_ACCESS).stream().map(Mutant::what).toList());

    for (Mutant m : mutants) {
      assertEquals(SOURCE.lines().count(), m.source().lines().count(), m.id());
    }
  }

  private static final String FRESH =
      """
      package m;

      final class Bins {
        Object[] table = new Object[8];

        static Object tabAt(Object[] tab, int i) { return tab[i]; }

        static void setTabAt(Object[] tab, int i, Object v) { tab[i] = v; }

        void fill(int n, Object v) {
          Object[] tab = (Object[]) new Object[n];
          for (int j = 0; j < tab.length; j++) {
            Object first = tabAt(tab, j);
            if (first == null) {
              setTabAt(tab, j, v);
            } else {
              setTabAt(tab, j, first.toString());
            }
          }
          table = tab;
          Object after = tabAt(tab, 0);
          if (after == null) {
            return;
          }
          setTabAt(tab, 1, after.toString());
        }
      }
      """;

  @Test
  void readsOfAnArrayTheMethodHasNotPublishedAreEquivalent() throws Exception {
    Path decls = dir.resolve("bins.decls");
    Files.writeString(decls, DECLS, UTF_8);
    CorpusClass c = new CorpusClass("m.Bins", CorpusClass.Origin.JDK, "-", List.of(), List.of());
    PreparedClass prepared =
        new PreparedClass(c, FRESH, List.of(), List.of(), List.of(), List.of(decls));
    List<Mutant> mutants = new Mutator().mutants(prepared);

    // Before `table = tab` the fresh table is this thread's alone: its mutants are equivalent.
    // After it, the same reads are real sites again.
    Map<Integer, List<String>> byLine =
        mutants.stream()
            .collect(
                Collectors.groupingBy(
                    Mutant::line,
                    java.util.TreeMap::new,
                    Collectors.mapping(
                        m -> m.operator() + (m.equivalent() == null ? "" : " equivalent"),
                        Collectors.toList())));
    assertEquals(
        Map.of(
            13, List.of("PLAIN_ACCESS equivalent"),
            14, List.of("DUPLICATE_READ equivalent"),
            17, List.of("DUPLICATE_READ equivalent"),
            21, List.of("PLAIN_ACCESS"),
            22, List.of("DUPLICATE_READ"),
            25, List.of("DUPLICATE_READ")),
        byLine,
        mutants.toString());
    assertTrue(
        mutants.stream()
            .filter(m -> m.equivalent() != null)
            .allMatch(m -> m.equivalent().contains("'tab' is an array this method created")));
  }

  @Test
  void aMethodDeclaredToRunUnderItsCallersLockHasNoLockFreeSites() throws Exception {
    String source =
        """
        package m;

        final class Bins {
          final Object[] table = new Object[8];

          static Object tabAt(Object[] tab, int i) { return tab[i]; }

          Object helper(int i) {
            Object[] tab = table;
            Object f = tabAt(tab, i);
            if (f != tabAt(tab, i)) throw new IllegalStateException();
            return f == null ? null : f.toString();
          }

          Object helper() {
            Object[] tab = table;
            Object f = tabAt(tab, 0);
            return f == null ? null : f.toString();
          }
        }
        """;
    Path decls = dir.resolve("holding.decls");
    Files.writeString(
        decls, DECLS + "holding m.Bins#helper(int)  lock=<held value>\n", UTF_8);
    CorpusClass c = new CorpusClass("m.Bins", CorpusClass.Origin.JDK, "-", List.of(), List.of());
    PreparedClass prepared =
        new PreparedClass(c, source, List.of(), List.of(), List.of(), List.of(decls));
    // helper(int) runs under its callers' lock: no re-read or plain read there is a breach, and
    // its comparison of two locked reads re-validates no snapshot (no re-check to drop). The
    // overload helper() is not declared so: its reads are sites.
    assertEquals(
        List.of(17, 18, 18),
        new Mutator().mutants(prepared).stream().map(Mutant::line).sorted().toList());
  }
}

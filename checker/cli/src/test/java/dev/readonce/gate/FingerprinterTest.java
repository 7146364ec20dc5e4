package dev.readonce.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fingerprints name the structure around a finding and its normalized statement, never a line: they
 * survive moves and reformatting, and change when the code of the finding changes.
 */
class FingerprinterTest {

  @TempDir Path dir;

  private Fingerprint fingerprint(String source, int line, int column) throws Exception {
    return fingerprints(source, List.of(new int[] {line, column})).get(0);
  }

  private List<Fingerprint> fingerprints(String source, List<int[]> at) throws Exception {
    Path root = dir.toRealPath();
    Path file = Files.createDirectories(root.resolve("src/p")).resolve("T.java");
    Files.writeString(file, source);
    List<Finding> findings =
        at.stream()
            .map(p -> new Finding("UnlockedReread", file, p[0], p[1], "slot 'u' read again"))
            .toList();
    return new Fingerprinter(new RepoPaths(root)).fingerprint(findings);
  }

  @Test
  void namesTypeMemberSlotAndStatement() throws Exception {
    Fingerprint fp =
        fingerprint(
            """
            package p;
            class T {
              class Inner {
                int walk(Upper u, long[] t, String... names) {
                  if (Pt.leaf(u.get())) { return 1; } else { return 2; }
                }
              }
            }
            """,
            5,
            22);
    assertEquals("UnlockedReread", fp.rule());
    assertEquals("src/p/T.java", fp.path());
    assertEquals("p.T.Inner", fp.type());
    assertEquals("walk(Upper,long[],String...)", fp.member());
    assertEquals("u", fp.slot());
    assertEquals("if(Pt.leaf(u.get()))…else…", fp.statement());
    assertEquals(0, fp.occurrence());
  }

  @Test
  void whitespaceCommentsAndLineShiftsDoNotMatter() throws Exception {
    Fingerprint before =
        fingerprint(
            "package p;\nclass T {\n  int walk(Upper u) {\n    return u.get() + u.get();\n  }\n}\n",
            4,
            24);
    Fingerprint after =
        fingerprint(
            """
            package p;

            /** Moved down. */
            class T {
              int other() { return 0; }

              int walk(Upper u) {
                return u.get()   // first
                    + u.get();   /* second */
              }
            }
            """,
            9,
            12);
    assertEquals(before, after);
    assertEquals("return u.get()+u.get();", before.statement());
  }

  @Test
  void editsInsideANestedBodyDoNotMatter() throws Exception {
    String template =
        """
        package p;
        class T {
          int walk(Upper u) {
            while (u.get() != 0) {
              %s
            }
            return 0;
          }
        }
        """;
    Fingerprint before = fingerprint(template.formatted("u = u.next();"), 4, 17);
    Fingerprint after = fingerprint(template.formatted("log(u); u = u.next();"), 4, 17);
    assertEquals(before, after);
    assertEquals("while(u.get()!=0)…", before.statement());
  }

  @Test
  void changingTheStatementChangesTheFingerprint() throws Exception {
    Fingerprint before =
        fingerprint("package p;\nclass T {\n  long f(Upper u) { return u.get(); }\n}\n", 3, 31);
    Fingerprint after =
        fingerprint("package p;\nclass T {\n  long f(Upper u) { return u.get() + 1; }\n}\n", 3, 31);
    assertNotEquals(before.id(), after.id());
  }

  @Test
  void identicalFindingsGetOccurrenceIndexesInSourceOrder() throws Exception {
    List<Fingerprint> fps =
        fingerprints(
            """
            package p;
            class T {
              void f(Upper u) {
                Pt.use(u.get());
                Pt.use(u.get());
              }
            }
            """,
            List.of(new int[] {5, 13}, new int[] {4, 13}));
    assertEquals(1, fps.get(0).occurrence());
    assertEquals(0, fps.get(1).occurrence());
    assertEquals(fps.get(0).context(), fps.get(1).context());
    assertNotEquals(fps.get(0).id(), fps.get(1).id());
  }

  @Test
  void membersOfConstructorsInitializersFieldsLambdasAndAnonymousClasses() throws Exception {
    String source =
        """
        package p;
        class T {
          static final Ops OPS = (s, u) -> (int) u.get();
          static { Pt.use(U.get()); }
          T(Upper u) { Pt.use(u.get()); }
          int run(Upper u) {
            Ops ops = new Ops() {
              @Override public int entry(long s, Upper v) { return (int) v.get(); }
            };
            Runnable r = () -> Pt.use(u.get());
            return 0;
          }
        }
        """;
    List<Fingerprint> fps =
        fingerprints(
            source,
            List.of(
                new int[] {3, 42},
                new int[] {4, 21},
                new int[] {5, 24},
                new int[] {8, 67},
                new int[] {10, 33}));
    assertEquals("OPS", fps.get(0).member());
    // An expression-bodied lambda is its own statement (JavaParser wraps the expression in one).
    assertEquals("(int)u.get()", fps.get(0).statement());
    assertEquals("<clinit>", fps.get(1).member());
    assertEquals("<init>(Upper)", fps.get(2).member());
    assertEquals("run(Upper)/new Ops/entry(long,Upper)", fps.get(3).member());
    assertEquals("p.T", fps.get(3).type());
    assertEquals("run(Upper)", fps.get(4).member());
    assertEquals("Pt.use(u.get())", fps.get(4).statement());
  }

  @Test
  void unparsableSourceFallsBackToTheLine() throws Exception {
    Fingerprint fp =
        fingerprint("package p;\nclass T {\n  long f(Upper u) { return u.get(); \n", 3, 31);
    assertEquals("", fp.type());
    assertEquals("", fp.member());
    assertEquals("longf(Upperu){returnu.get();", fp.statement());
  }
}

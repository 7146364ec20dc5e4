package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.readonce.checker.model.Declarations;
import dev.readonce.checker.model.DeclaredEntry;
import dev.readonce.checker.model.DeclaredMember;
import dev.readonce.checker.model.DeclaredOrigin;
import dev.readonce.checker.model.DeclaredProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code filled-under-lock-of} kind: how it parses, each way a line is malformed, and the
 * errors found once its method resolves (a parameter that is not an array).
 */
class FilledUnderLockOfDeclarationsTest {

  private static DeclaredOrigin at(int line) {
    return new DeclaredOrigin("decls.txt", line);
  }

  @Test
  void parsesToTheModel() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt",
            """
            # ConcurrentHashMap.transfer(Node[] tab, Node[] nextTab)
            filled-under-lock-of a.Map#transfer(a.Map.Node[], a.Map.Node[]) param=1 of=0
            filled-under-lock-of a.Map#copy(a.Map.Node[], int, a.Map.Node[]) of=2 param=0
            """);
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(
            new DeclaredEntry.FilledUnderLockOf(
                at(2), DeclaredMember.parse("a.Map#transfer(a.Map.Node[], a.Map.Node[])"), 1, 0),
            new DeclaredEntry.FilledUnderLockOf(
                at(3),
                DeclaredMember.parse("a.Map#copy(a.Map.Node[], int, a.Map.Node[])"),
                0,
                2)),
        parsed.entries());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          filled-under-lock-of a.B#t                          | 'filled-under-lock-of' needs a method (pkg.Class#method(type, ...)), not 'a.B#t'
          filled-under-lock-of a.B#t(a.N[], a.N[]) of=0       | 'filled-under-lock-of' needs the key 'param'
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=1    | 'filled-under-lock-of' needs the key 'of'
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=1 of=0 lock=x | unknown key 'lock' for 'filled-under-lock-of'; expected one of: param, of
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=2 of=0 | bad parameter index 2 for 'param': t has 2 parameters (indices start at 0)
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=1 of=5 | bad parameter index 5 for 'of': t has 2 parameters (indices start at 0)
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=x of=0 | bad parameter index 'x' for 'param'; expected a 0-based number
          filled-under-lock-of a.B#t(a.N[], a.N[]) param=1 of=1 | 'param' and 'of' are both parameter 1; an array is filled under the lock of a slot of another array parameter
          filled-under-lock-of a.B#t(a.N[], a.N[]) param      | key 'param' needs a value (param=...)
          """)
  void malformedLineIsAnErrorNamingFileAndLine(String line, String message) {
    Declarations parsed =
        Declarations.parse("decls.txt", "slot a.Good#first\n" + line + "\nslot a.Good#second\n");
    assertEquals(List.of(DeclaredProblem.error(at(2), message)), parsed.problems(), line);
    assertEquals(2, parsed.entries().size());
  }

  @Test
  void aSecondEntryForTheSameParameterIsADuplicate() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt",
            """
            filled-under-lock-of a.B#t(a.N[], a.N[], a.N[]) param=1 of=0
            filled-under-lock-of a.B#t(a.N[], a.N[], a.N[]) param=1 of=2
            filled-under-lock-of a.B#t(a.N[], a.N[], a.N[]) param=2 of=0
            """);
    assertEquals(
        List.of(
            DeclaredProblem.error(
                at(2),
                "duplicate declaration 'filled-under-lock-of a.B#t(a.N[], a.N[], a.N[]) param=1',"
                    + " first declared at decls.txt:1")),
        parsed.problems());
    assertEquals(2, parsed.entries().size());
  }

  @Test
  void parametersThatAreNotArraysAreErrors(@TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("fill.decls"),
            """
            filled-under-lock-of fixture.fill.Mover#move(java.lang.Object[], java.lang.Object, int) param=1 of=0
            filled-under-lock-of fixture.fill.Mover#move(java.lang.Object[], java.lang.Object, int) param=0 of=2
            filled-under-lock-of fixture.fill.Mover#move(java.lang.Object[], java.lang.Object[]) param=1 of=0
            """);
    Javac.Result result =
        Javac.compile(
            dir,
            declarationsFlag(file),
            Javac.source(
                "Mover.java",
                """
                package fixture.fill;
                final class Mover {
                  void move(Object[] tab, Object next, int i) {}
                  void move(Object[] tab, Object[] nextTab) {}
                }
                """));
    assertFalse(result.success());
    String prefix = "[ReadOnce:Declarations] " + file;
    assertEquals(
        List.of(
            prefix
                + ":1: 'param' is parameter 1 of move (java.lang.Object), not an array;"
                + " 'filled-under-lock-of' relates two array parameters",
            prefix
                + ":2: 'of' is parameter 2 of move (int), not an array;"
                + " 'filled-under-lock-of' relates two array parameters"),
        result.messages(Diagnostic.Kind.ERROR));
  }
}

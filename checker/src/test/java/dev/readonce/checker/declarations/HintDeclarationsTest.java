package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.checker.model.Declarations;
import dev.readonce.checker.model.DeclaredEntry;
import dev.readonce.checker.model.DeclaredMember;
import dev.readonce.checker.model.DeclaredOrigin;
import dev.readonce.checker.model.DeclaredProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code racy-hint} and {@code validates-hint} kinds: parsing, and their errors. */
class HintDeclarationsTest {

  private static final String PREFIX = "[ReadOnce:Declarations] ";

  @TempDir Path dir;

  @Test
  void bothKindsParseToTheModel() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt",
            """
            racy-hint      a.Queue#bulkRemove(a.Filter)      field=head
            racy-hint      a.Queue#bulkRemove(a.Filter)      field=last
            validates-hint a.Queue#findPred(a.Node, a.Node)  param=1 field=head
            """);
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(
            new DeclaredEntry.Hint(
                new DeclaredOrigin("decls.txt", 1),
                DeclaredMember.parse("a.Queue#bulkRemove(a.Filter)"),
                -1,
                "head"),
            new DeclaredEntry.Hint(
                new DeclaredOrigin("decls.txt", 2),
                DeclaredMember.parse("a.Queue#bulkRemove(a.Filter)"),
                -1,
                "last"),
            new DeclaredEntry.Hint(
                new DeclaredOrigin("decls.txt", 3),
                DeclaredMember.parse("a.Queue#findPred(a.Node, a.Node)"),
                1,
                "head")),
        parsed.entries());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          racy-hint a.B#m()                         | 'racy-hint' needs the key 'field'
          racy-hint a.B#f                           | 'racy-hint' needs a method (pkg.Class#method(type, ...)), not 'a.B#f'
          racy-hint a.B#m() field=a.head            | bad field 'a.head' for 'field'; expected the name of a slot field
          racy-hint a.B#m() field=                  | bad field '' for 'field'; expected the name of a slot field
          racy-hint a.B#m() param=0 field=head      | unknown key 'param' for 'racy-hint'; expected one of: field
          validates-hint a.B#v(a.N) field=head      | 'validates-hint' needs the key 'param'
          validates-hint a.B#v(a.N) param=0         | 'validates-hint' needs the key 'field'
          validates-hint a.B#v(a.N) param=1 field=h | bad parameter index 1 for 'param': v has 1 parameter (indices start at 0)
          validates-hint a.B#v(a.N) param=0 field=h lock=x | unknown key 'lock' for 'validates-hint'; expected one of: param, field
          """)
  void malformedLineIsAnErrorNamingFileAndLine(String line, String message) {
    Declarations parsed =
        Declarations.parse("decls.txt", "slot a.Good#first\n" + line + "\nslot a.Good#second\n");
    assertEquals(
        List.of(DeclaredProblem.error(new DeclaredOrigin("decls.txt", 2), message)),
        parsed.problems(),
        "problems of: " + line);
    assertEquals(2, parsed.entries().size());
  }

  @Test
  void duplicatesAreByFieldForRacyHintsAndByParameterForValidators() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt",
            """
            racy-hint a.B#m() field=head
            racy-hint a.B#m() field=head
            validates-hint a.B#v(a.N, a.N) param=0 field=head
            validates-hint a.B#v(a.N, a.N) param=1 field=head
            validates-hint a.B#v(a.N, a.N) param=1 field=last
            """);
    assertEquals(
        List.of(
            DeclaredProblem.error(
                new DeclaredOrigin("decls.txt", 2),
                "duplicate declaration 'racy-hint a.B#m() field=head', first declared at"
                    + " decls.txt:1"),
            DeclaredProblem.error(
                new DeclaredOrigin("decls.txt", 5),
                "duplicate declaration 'validates-hint a.B#v(a.N, a.N) param=1', first declared"
                    + " at decls.txt:4")),
        parsed.problems());
  }

  private static final JavaFileObject QUEUE =
      Javac.source(
          "Queue.java",
          """
          package fixture.q;
          public final class Queue {
            static final class Node { Object item; Node next; }
            Node head;
            int count;
            Node findPred(Node p, Node ancestor) { return ancestor; }
            final class Spliterator { void trySplit() {} }
          }
          """);

  @Test
  void namesResolveAgainstTheMethodsClassAndItsEnclosingClasses() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("hints.decls"),
            """
            slot fixture.q.Queue#head lock=this
            racy-hint fixture.q.Queue.Spliterator#trySplit() field=head
            racy-hint fixture.q.Queue.Spliterator#trySplit() field=hed
            validates-hint fixture.q.Queue#findPred(fixture.q.Queue.Node, fixture.q.Queue.Node) param=1 field=count
            """);
    Javac.Result result = Javac.compile(dir, declarationsFlag(file), QUEUE);
    assertFalse(result.success());
    assertEquals(
        List.of(
            PREFIX
                + file
                + ":3: no field 'hed' in fixture.q.Queue.Spliterator or its enclosing classes (a"
                + " hint names a slot field; their fields: head, count)",
            PREFIX
                + file
                + ":4: 'validates-hint' names 'count', which is not a slot (declare it with a slot"
                + " entry or @ReadOnce)"),
        result.messages(Diagnostic.Kind.ERROR));
  }

  @Test
  void wellFormedHintsCompile() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("hints.decls"),
            """
            racy-hint fixture.q.Queue.Spliterator#trySplit() field=head
            slot fixture.q.Queue#head lock=this
            """);
    Javac.Result result = Javac.compile(dir, declarationsFlag(file), QUEUE);
    assertTrue(result.success(), result.diagnostics().toString());
  }
}

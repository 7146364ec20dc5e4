package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How problems of declarations files surface in javac: each exactly once per compilation (six
 * checks, several compilation units), as a diagnostic without a source position whose message
 * starts with {@code [ReadOnce:Declarations] file:line:}.
 */
class DeclarationsDiagnosticsTest {

  private static final String PREFIX = "[ReadOnce:Declarations] ";

  @TempDir Path dir;

  /** A class with a plain read of a slot that only the declarations make a slot. */
  private static final JavaFileObject PLAIN_READ =
      Javac.source(
          "Cell.java",
          """
          package fixture.cell;
          public final class Cell {
            long value;
            long read() { return value; }
          }
          """);

  private static final JavaFileObject OTHER =
      Javac.source("Other.java", "package fixture.cell;\nclass Other { int n() { return 1; } }\n");

  private static final String CELL_SLOT = "slot fixture.cell.Cell#value lock=this\n";

  private Path decls(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private Javac.Result compile(List<String> flags, JavaFileObject... sources) {
    return Javac.compile(dir, flags, sources);
  }

  private static void assertPositionless(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      assertNull(d.getSource(), "a declarations problem belongs to no source file: " + d);
      assertEquals(Diagnostic.NOPOS, d.getPosition());
    }
  }

  @Test
  void declaredSlotIsCheckedWhenTheFileIsWellFormed() throws Exception {
    Javac.Result result = compile(declarationsFlag(decls("ok.decls", CELL_SLOT)), PLAIN_READ);
    assertFalse(result.success());
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).startsWith("[PlainSlotRead] plain read of slot 'value'"), errors.get(0));
  }

  @Test
  void malformedLinesFailTheCompilationOnceEachAndNothingElseIsReported() throws Exception {
    Path file =
        decls(
            "bad.decls",
            "# header\n"
                + "slott fixture.cell.Cell#value\n"
                + CELL_SLOT
                + "pointer-test fixture.cell.Cell#read() shows=POINTER\n");
    Javac.Result result = compile(declarationsFlag(file), PLAIN_READ, OTHER);
    assertFalse(result.success());
    assertEquals(
        List.of(
            PREFIX
                + file
                + ":2: unknown kind 'slott'; expected one of: slot, accessor, stable-handle,"
                + " locks-slot, revalidates, descends, pointer-test, modifies-slot, snapshot,"
                + " lock-held, holding, acquires-lock, releases-lock, racy-hint, validates-hint,"
                + " single-writer, filled-under-lock-of",
            PREFIX
                + file
                + ":4: bad shows value 'POINTER'; expected one of: NONE, PRESENT, LEAF, TABLE"),
        result.messages(Diagnostic.Kind.ERROR));
    assertEquals(List.of(), result.messages(Diagnostic.Kind.WARNING));
    // The good line 3 would flag Cell.read(); with the file broken, only the file is reported.
    assertPositionless(result.diagnostics());
  }

  @Test
  void unreadableFileFailsTheCompilation() {
    Path missing = dir.resolve("missing.decls");
    Javac.Result result = compile(declarationsFlag(missing), OTHER);
    assertFalse(result.success());
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).startsWith(PREFIX + missing + ": cannot read the declarations file: "),
        errors.get(0));
    assertTrue(errors.get(0).endsWith(": no such file"), errors.get(0));
  }

  @Test
  void classNotOnTheClasspathIsAWarningAndTheOtherEntriesApply() throws Exception {
    Path file = decls("lib.decls", "slot com.example.absent.Gone#x\n" + CELL_SLOT);
    Javac.Result result = compile(declarationsFlag(file), PLAIN_READ, OTHER);
    assertEquals(
        List.of(
            PREFIX
                + file
                + ":1: class 'com.example.absent.Gone' is not on the classpath; the entry for"
                + " com.example.absent.Gone#x is ignored"),
        result.messages(Diagnostic.Kind.WARNING));
    assertPositionless(result.of(Diagnostic.Kind.WARNING));
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("[PlainSlotRead]"), errors.get(0));
  }

  @Test
  void classOnTheClasspathWithoutTheMemberIsAnError() throws Exception {
    Path file =
        decls(
            "members.decls",
            """
            slot fixture.cell.Cell#valeu
            accessor fixture.cell.Cell#read(long)
            accessor fixture.cell.Cell#write()
            accessor fixture.cell.Cell#read(fixture.cell.Missing)
            slot fixture.cell.Cell#value lock=mutex
            pointer-test fixture.cell.Cell#read() shows=NONE
            stable-handle fixture.cell.Cell.Inner
            """);
    Javac.Result result = compile(declarationsFlag(file), PLAIN_READ);
    assertFalse(result.success());
    assertEquals(
        List.of(
            PREFIX + file + ":1: no field 'valeu' in fixture.cell.Cell",
            PREFIX + file + ":2: no method read(long) in fixture.cell.Cell; it declares read()",
            PREFIX
                + file
                + ":3: no method write() in fixture.cell.Cell; it declares no method of that name",
            PREFIX
                + file
                + ":4: parameter type 'fixture.cell.Missing' of read is not on the classpath",
            PREFIX
                + file
                + ":5: no lock field 'mutex' in fixture.cell.Cell (the lock field must be declared"
                + " in the slot's class)",
            PREFIX + file + ":6: read must return boolean to be a test",
            PREFIX + file + ":7: no member class 'Inner' in fixture.cell.Cell"),
        result.messages(Diagnostic.Kind.ERROR));
    assertEquals(List.of(), result.messages(Diagnostic.Kind.WARNING));
    assertPositionless(result.diagnostics());
  }

  @Test
  void problemsOfSeveralFilesComeInFileThenLineOrder() throws Exception {
    Path first = decls("first.decls", "slot fixture.cell.Cell#nope\nslott x\n");
    Path second = decls("second.decls", "slot fixture.cell.Cell#gone\n");
    Javac.Result result = compile(declarationsFlag(first, second), PLAIN_READ);
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith(PREFIX + first + ":1: no field 'nope'"), errors.get(0));
    assertTrue(errors.get(1).startsWith(PREFIX + first + ":2: unknown kind"), errors.get(1));
    assertTrue(errors.get(2).startsWith(PREFIX + second + ":1: no field 'gone'"), errors.get(2));
  }

  @Test
  void jdkConcurrentHashMapDeclarationsResolveWithoutTheSourcesMentioningIt() {
    // The JDK's own bin primitives, package-private members of a class the sources never name.
    Javac.Result result =
        compile(declarationsFlag(Fixtures.path("jdk-concurrenthashmap.decls")), OTHER);
    assertTrue(result.success(), result.diagnostics().toString());
    assertEquals(List.of(), result.diagnostics());
  }
}

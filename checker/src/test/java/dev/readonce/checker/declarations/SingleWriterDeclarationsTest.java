package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.readonce.checker.model.DeclaredEntry;
import dev.readonce.checker.model.DeclaredMember;
import dev.readonce.checker.model.DeclaredOrigin;
import dev.readonce.checker.model.DeclaredProblem;
import dev.readonce.checker.model.Declarations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code single-writer} kind: how it parses, what its resolution rejects, and that the
 * declared contract is checked exactly as {@code @SingleWriter} is (see {@code SingleWriterTest}).
 */
class SingleWriterDeclarationsTest {

  @TempDir Path dir;

  /** BehaviorSubject's shape without annotations: the declarations make index a slot. */
  private static final JavaFileObject SUBJECT =
      Javac.source(
          "Subject.java",
          """
          package fixture.rx;
          import java.util.concurrent.locks.*;
          public final class Subject {
            long index;
            long plain;
            static long total;
            final ReadWriteLock lock = new ReentrantReadWriteLock();
            final Lock writeLock = lock.writeLock();
            static void emit(long i) {}
            void setCurrent() {
              writeLock.lock();
              index++;
              writeLock.unlock();
            }
            public void onNext() {
              setCurrent();
              emit(index);
            }
            long racyReader() {
              return index;
            }
            void reset() {
              writeLock.lock();
              index = 0;
              writeLock.unlock();
            }
          }
          """);

  private static final String DECLS =
      """
      slot          fixture.rx.Subject#index        lock=lock
      single-writer fixture.rx.Subject#setCurrent() slot=index
      single-writer fixture.rx.Subject#onNext()     slot=index
      """;

  private Javac.Result compile(String decls) throws Exception {
    Path file = Files.writeString(dir.resolve("subject.decls"), decls);
    return Javac.compile(dir, declarationsFlag(file), SUBJECT);
  }

  @Test
  void parsesToTheSlotNames() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt", "single-writer a.B#onNext(java.lang.Object) slot=index,value\n");
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(
            new DeclaredEntry.SingleWriter(
                new DeclaredOrigin("decls.txt", 1),
                DeclaredMember.parse("a.B#onNext(java.lang.Object)"),
                ImmutableList.of("index", "value"))),
        parsed.entries());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          single-writer a.B#m()                | 'single-writer' needs the key 'slot'
          single-writer a.B#m() slot=a.b       | bad slot 'a.b' in 'a.b'; expected field names of the method's class, comma-separated
          single-writer a.B#m() slot=          | bad slot '' in ''; expected field names of the method's class, comma-separated
          single-writer a.B#m() slot=x,x       | slot 'x' repeated in 'slot'
          single-writer a.B#m() slot=0         | bad slot '0' in '0'; expected field names of the method's class, comma-separated
          single-writer a.B#m() lock=x         | unknown key 'lock' for 'single-writer'; expected one of: slot
          single-writer a.B#f slot=x           | 'single-writer' needs a method (pkg.Class#method(type, ...)), not 'a.B#f'
          """)
  void malformedLineIsAnErrorNamingFileAndLine(String line, String message) {
    Declarations parsed = Declarations.parse("decls.txt", line + "\n");
    assertEquals(
        List.of(DeclaredProblem.error(new DeclaredOrigin("decls.txt", 1), message)),
        parsed.problems(),
        "problems of: " + line);
  }

  @Test
  void theDeclaredWriterIsCheckedAsTheAnnotatedOne() throws Exception {
    Javac.Result result = compile(DECLS);
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    assertEquals(2, errors.size(), errors.toString());
    // onNext's read of index is the writer's own: only the reader and the stray write are found.
    assertTrue(
        errors.get(0).startsWith("[PlainSlotRead] plain read of slot 'index'"), errors.get(0));
    assertTrue(
        errors
            .get(1)
            .startsWith(
                "[UnlockedSlotWrite] slot 'index' is written outside its single writer (onNext,"
                    + " setCurrent, declared @SingleWriter)"),
        errors.get(1));
    assertEquals(
        List.of(20L, 24L),
        result.of(Diagnostic.Kind.ERROR).stream().map(Diagnostic::getLineNumber).sorted().toList());
  }

  @Test
  void withoutTheWriterTheWritersReadIsAPlainRead() throws Exception {
    Javac.Result result =
        compile(DECLS.substring(0, DECLS.indexOf("single-writer fixture.rx.Subject#onNext")));
    List<String> errors = result.messages(Diagnostic.Kind.ERROR);
    // setCurrent is still a writer, so its call from undeclared onNext is reported too.
    assertEquals(
        List.of(16L, 17L, 20L, 24L),
        result.of(Diagnostic.Kind.ERROR).stream().map(Diagnostic::getLineNumber).sorted().toList(),
        errors.toString());
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("setCurrent() is part of the single writer")),
        errors.toString());
    assertEquals(2, errors.stream().filter(e -> e.startsWith("[PlainSlotRead]")).count());
  }

  @Test
  void namesThatAreNotSlotsOfTheMethodsClassAreErrors() throws Exception {
    String prefix = "[ReadOnce:Declarations] " + dir.resolve("subject.decls") + ":";
    Javac.Result result =
        compile(
            """
            slot          fixture.rx.Subject#index        lock=lock
            slot          fixture.rx.Subject#total        lock=lock
            single-writer fixture.rx.Subject#setCurrent() slot=idx
            single-writer fixture.rx.Subject#onNext()     slot=plain
            single-writer fixture.rx.Subject#reset()      slot=index,total
            single-writer fixture.rx.Subject#emit(long)   slot=index
            """);
    assertFalse(result.success());
    assertEquals(
        List.of(
            prefix
                + "3: no field 'idx' in fixture.rx.Subject (a slot of the single writer setCurrent"
                + " is a field of its class; its fields: index, plain, total, lock, writeLock)",
            prefix
                + "4: field 'plain' of fixture.rx.Subject is not a slot (declare it one: @ReadOnce"
                + " on the field, or a 'slot' entry)",
            prefix
                + "5: slot 'total' of instance method reset is a static field of fixture.rx.Subject"
                + " (the calls of an instance method are serialized per object: its slots are"
                + " instance fields; a static method's are static fields)",
            prefix
                + "6: slot 'index' of static method emit is an instance field of"
                + " fixture.rx.Subject (the calls of an instance method are serialized per object:"
                + " its slots are instance fields; a static method's are static fields)"),
        result.messages(Diagnostic.Kind.ERROR));
  }
}

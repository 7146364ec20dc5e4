package dev.readonce.checker.declarations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.Declarations;
import dev.readonce.checker.model.DeclaredEntry;
import dev.readonce.checker.model.DeclaredMember;
import dev.readonce.checker.model.DeclaredOrigin;
import dev.readonce.checker.model.DeclaredProblem;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.ModifiesDecl;
import dev.readonce.checker.model.SlotDecl;
import dev.readonce.checker.model.SlotParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing declarations files into the model, and every way a line can be malformed. */
class DeclarationsParserTest {

  private static DeclaredOrigin at(int line) {
    return new DeclaredOrigin("decls.txt", line);
  }

  private static DeclaredMember member(String text) {
    return DeclaredMember.parse(text);
  }

  @Test
  void everyKindAndKeyParsesToTheModel() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt",
            """
            # one entry of each kind, with each key

            slot   a.Table#entries  lock=ptl stableAfterPointer   # a trailing comment
            slot   a.Map#table lock=<held value>
            slot   a.Map#other lock="" stableAfterPointer=false reference
            slot   a.Map#self lock=this
            accessor a.Ref#get() lock="<held value>" stableAfterPointer=true
            accessor a.Ref#getPlain() atomic=false
            stable-handle a.PudRef
            locks-slot a.Walk#pudLock(a.Ref, a.Vma) slot=0
            locks-slot a.Ref#lock()
            revalidates a.Walk#same(a.Ref, long)
            descends a.Walk#pmdOffset(long, long)
            descends a.Walk#lower(a.Ref, long) snapshot=1
            pointer-test a.Walk#none(long) shows=NONE
            pointer-test a.Walk#table(long) shows=TABLE
            modifies-slot a.Walk#split(a.Vma, a.Ref, long) slot=1
            modifies-slot a.Map#setTabAt(a.Map.Node[], int, a.Map.Node) slot=0,1 requiresLock
            modifies-slot a.Ref#set(long) requiresLock=true
            snapshot a.Ops#pudEntry(long, a.Ref, long, long, a.Walk) param=0 slot=1
            snapshot a.Ops#leaf(long) param=0
            accessor a.Arrays#at(Object..., int[][], String)
            lock-held a.Ops#pteEntry(a.Ref, long) param=0
            holding a.Queue#enqueue(a.Node) lock=putLock
            acquires-lock a.Queue#fullyLock() lock="putLock, takeLock"
            releases-lock a.Queue#unlockAll() lock=this,takeLock
            """);
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(
            new DeclaredEntry.Slot(
                at(3), member("a.Table#entries"), new SlotDecl(LockSpec.parse("ptl"), true)),
            new DeclaredEntry.Slot(
                at(4), member("a.Map#table"), new SlotDecl(LockSpec.HELD_VALUE, false)),
            new DeclaredEntry.Slot(
                at(5), member("a.Map#other"), new SlotDecl(LockSpec.HELPERS, false, true)),
            new DeclaredEntry.Slot(
                at(6),
                member("a.Map#self"),
                new SlotDecl(new LockSpec(LockSpec.Kind.FIELD, "this"), false)),
            new DeclaredEntry.Accessor(
                at(7),
                member("a.Ref#get()"),
                new AccessorDecl(new SlotDecl(LockSpec.HELD_VALUE, true), true)),
            new DeclaredEntry.Accessor(
                at(8),
                member("a.Ref#getPlain()"),
                new AccessorDecl(new SlotDecl(LockSpec.HELPERS, false), false)),
            new DeclaredEntry.StableHandle(at(9), member("a.PudRef")),
            new DeclaredEntry.LocksSlot(
                at(10), member("a.Walk#pudLock(a.Ref, a.Vma)"), SlotParams.of(0)),
            new DeclaredEntry.LocksSlot(at(11), member("a.Ref#lock()"), SlotParams.RECEIVER),
            new DeclaredEntry.Revalidates(at(12), member("a.Walk#same(a.Ref, long)")),
            new DeclaredEntry.Descends(at(13), member("a.Walk#pmdOffset(long, long)"), 0),
            new DeclaredEntry.Descends(at(14), member("a.Walk#lower(a.Ref, long)"), 1),
            new DeclaredEntry.PointerTest(at(15), member("a.Walk#none(long)"), Shows.NONE),
            new DeclaredEntry.PointerTest(at(16), member("a.Walk#table(long)"), Shows.TABLE),
            new DeclaredEntry.ModifiesSlot(
                at(17),
                member("a.Walk#split(a.Vma, a.Ref, long)"),
                new ModifiesDecl(SlotParams.of(1), false)),
            new DeclaredEntry.ModifiesSlot(
                at(18),
                member("a.Map#setTabAt(a.Map.Node[], int, a.Map.Node)"),
                new ModifiesDecl(SlotParams.of(0, 1), true)),
            new DeclaredEntry.ModifiesSlot(
                at(19), member("a.Ref#set(long)"), new ModifiesDecl(SlotParams.RECEIVER, true)),
            new DeclaredEntry.Snapshot(
                at(20),
                member("a.Ops#pudEntry(long, a.Ref, long, long, a.Walk)"),
                0,
                SlotParams.of(1)),
            new DeclaredEntry.Snapshot(at(21), member("a.Ops#leaf(long)"), 0, SlotParams.NONE),
            new DeclaredEntry.Accessor(
                at(22),
                member("a.Arrays#at(Object[], int[][], String)"),
                new AccessorDecl(new SlotDecl(LockSpec.HELPERS, false), true)),
            new DeclaredEntry.LockHeld(at(23), member("a.Ops#pteEntry(a.Ref, long)"), 0),
            new DeclaredEntry.LockNames(
                at(24),
                member("a.Queue#enqueue(a.Node)"),
                DeclaredEntry.LockNames.Use.HOLDING,
                ImmutableList.of("putLock")),
            new DeclaredEntry.LockNames(
                at(25),
                member("a.Queue#fullyLock()"),
                DeclaredEntry.LockNames.Use.ACQUIRES,
                ImmutableList.of("putLock", "takeLock")),
            new DeclaredEntry.LockNames(
                at(26),
                member("a.Queue#unlockAll()"),
                DeclaredEntry.LockNames.Use.RELEASES,
                ImmutableList.of("this", "takeLock"))),
        parsed.entries());
  }

  @Test
  void membersAreNormalizedSoSpellingsOfOneMemberAreEqual() {
    assertEquals(
        member("a.Map#tabAt(a.Map.Node[],int)"), member("a.Map#tabAt( a.Map.Node [] , int )"));
    assertEquals(
        ImmutableList.of("java.lang.Object[]", "int"),
        member("a.B#m(java.lang.Object..., int)").parameterTypes());
    assertEquals(
        "a.Map#tabAt(a.Map.Node[], int)", member("a.Map#tabAt(a.Map.Node [],int)").toString());
  }

  @Test
  void crlfLineEndsAndTrailingCommentsAreAccepted() {
    Declarations parsed =
        Declarations.parse(
            "decls.txt", "# header\r\nslot a.B#c # the slot\r\n\r\n   # indented\r\n");
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(
            new DeclaredEntry.Slot(at(2), member("a.B#c"), new SlotDecl(LockSpec.HELPERS, false))),
        parsed.entries());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          slott a.B#c                         | unknown kind 'slott'; expected one of: slot, accessor, stable-handle, locks-slot, revalidates, descends, pointer-test, modifies-slot, snapshot, lock-held, holding, acquires-lock, releases-lock, racy-hint, validates-hint, single-writer, filled-under-lock-of
          slot                                | missing member after 'slot'
          slot a.B#c(                         | unbalanced '('
          slot a.B#c)                         | unbalanced ')'
          slot a.B#c lock="ptl                | unterminated '"'
          slot a.B#c lock=<held value         | unterminated '<'
          slot a.B#c()                        | 'slot' needs a field (pkg.Class#field), not 'a.B#c()'
          accessor a.B#c                      | 'accessor' needs a method (pkg.Class#method(type, ...)), not 'a.B#c'
          stable-handle a.B#c                 | 'stable-handle' needs a class (pkg.Class), not 'a.B#c'
          slot a..B#c                         | bad member 'a..B#c': 'a..B' is not a valid class name
          slot a.B#                           | bad member 'a.B#': missing field name
          slot a.B$C#d                        | bad member 'a.B$C#d': write nested classes with dots (Outer.Inner), not '$', in 'a.B$C'
          accessor a.B#get(a.B$C)             | bad member 'a.B#get(a.B$C)': write nested classes with dots (Outer.Inner), not '$', in 'a.B$C'
          accessor a.B#get(a.N<K>)            | bad member 'a.B#get(a.N<K>)': type arguments are not allowed in 'a.N<K>'; write the erased type
          accessor a.B#get(int,)              | bad member 'a.B#get(int,)': empty parameter type
          accessor a.B#get(int) x             | unknown key 'x' for 'accessor'; expected one of: lock, stableAfterPointer, atomic
          slot a.B#c lcok=ptl                 | unknown key 'lcok' for 'slot'; expected one of: lock, stableAfterPointer, reference
          revalidates a.B#same(long) slot=0   | unknown key 'slot' for 'revalidates'; it takes no keys
          slot a.B#c lock                     | key 'lock' needs a value (lock=...)
          slot a.B#c lock=a lock=b            | key 'lock' given twice
          slot a.B#c lock=a.b                 | bad lock 'a.b'; expected a field name, this, <held value>, or nothing (lock taken only through locks-slot methods)
          accessor a.B#get() atomic=no        | bad value 'no' for 'atomic'; expected true or false
          pointer-test a.B#none(long)         | 'pointer-test' needs the key 'shows'
          pointer-test a.B#t(long) shows=PTR  | bad shows value 'PTR'; expected one of: NONE, PRESENT, LEAF, TABLE
          pointer-test a.B#t(long) shows=none | bad shows value 'none'; expected one of: NONE, PRESENT, LEAF, TABLE
          snapshot a.B#cb(long, a.R)          | 'snapshot' needs the key 'param'
          snapshot a.B#cb(long, a.R) param=2  | bad parameter index 2 for 'param': cb has 2 parameters (indices start at 0)
          snapshot a.B#cb(long) param=-1      | bad parameter index -1 for 'param': cb has 1 parameter (indices start at 0)
          snapshot a.B#cb(long) param=x       | bad parameter index 'x' for 'param'; expected a 0-based number
          locks-slot a.B#l(a.R) slot=0,1      | bad parameter index 1 for 'slot': l has 1 parameter (indices start at 0)
          locks-slot a.B#l(a.R, int) slot=0,0 | parameter index 0 repeated in 'slot'
          locks-slot a.B#l(a.R) slot=         | bad parameter index '' for 'slot'; expected a 0-based number
          descends a.B#d() snapshot=0         | bad parameter index 0 for 'snapshot': d has 0 parameters (indices start at 0)
          holding a.B#h()                     | 'holding' needs the key 'lock'
          holding a.B#h() lock=a.b            | bad lock 'a.b' in 'a.b'; expected this or field names, comma-separated
          acquires-lock a.B#h() lock=a,,b     | bad lock '' in 'a,,b'; expected this or field names, comma-separated
          releases-lock a.B#h() lock=a,a      | lock 'a' repeated in 'lock'
          holding a.B#h() slot=0              | unknown key 'slot' for 'holding'; expected one of: lock
          """)
  void malformedLineIsAnErrorNamingFileAndLine(String line, String message) {
    // The bad line sits between two good ones: it is reported at its own line, and the others
    // still parse.
    Declarations parsed =
        Declarations.parse("decls.txt", "slot a.Good#first\n" + line + "\nslot a.Good#second\n");
    assertEquals(
        List.of(DeclaredProblem.error(at(2), message)), parsed.problems(), "problems of: " + line);
    assertEquals("decls.txt:2: " + message, parsed.problems().get(0).toString());
    assertEquals(2, parsed.entries().size());
    assertTrue(parsed.hasErrors());
  }

  @Test
  void duplicateDeclarationNamesTheFirst(@TempDir Path dir) throws Exception {
    Path first = Files.writeString(dir.resolve("one.decls"), "\nslot a.B#c lock=x\n");
    Path second =
        Files.writeString(
            dir.resolve("two.decls"),
            """
            snapshot a.B#m(long, long) param=0
            snapshot a.B#m(long,long) param=1
            slot a.B#c
            snapshot a.B#m(long, long) param=0 slot=1
            """);
    Declarations parsed = Declarations.read(List.of(first, second));
    assertEquals(
        List.of(
            second + ":3: duplicate declaration 'slot a.B#c', first declared at " + first + ":2",
            second
                + ":4: duplicate declaration 'snapshot a.B#m(long, long) param=0', first declared"
                + " at "
                + second
                + ":1"),
        parsed.problems().stream().map(DeclaredProblem::toString).toList());
    assertEquals(3, parsed.entries().size());
    assertEquals(List.of(first.toString(), second.toString()), parsed.files());
  }

  @Test
  void unreadableFileIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.decls");
    Path good =
        Files.writeString(dir.resolve("good.decls"), "slot a.B#c\n", StandardCharsets.UTF_8);
    Declarations parsed = Declarations.read(List.of(missing, good));
    assertEquals(1, parsed.problems().size());
    DeclaredProblem problem = parsed.problems().get(0);
    assertEquals(new DeclaredOrigin(missing.toString(), 0), problem.origin());
    assertTrue(
        problem.toString().startsWith(missing + ": cannot read the declarations file: "),
        problem.toString());
    assertEquals(1, parsed.entries().size());
  }

  @Test
  void binaryFileIsNotUtf8Text(@TempDir Path dir) throws Exception {
    Path binary = Files.write(dir.resolve("jdk.decls"), new byte[] {'s', (byte) 0xff, 0});
    DeclaredProblem problem = Declarations.read(List.of(binary)).problems().get(0);
    assertEquals(
        binary + ": cannot read the declarations file: not UTF-8 text (is it a binary file?)",
        problem.toString());
  }

  @Test
  void directoryIsNotAFile(@TempDir Path dir) {
    DeclaredProblem problem = Declarations.read(List.of(dir)).problems().get(0);
    assertEquals(
        dir + ": cannot read the declarations file: it is a directory, not a file",
        problem.toString());
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstKind() {
    Declarations parsed = Declarations.parse("decls.txt", "\uFEFFslot a.B#c\n");
    assertEquals(List.of(), parsed.problems());
    assertEquals(1, parsed.entries().size());
  }

  @Test
  void emptyAndCommentOnlyFilesDeclareNothing() {
    Declarations parsed = Declarations.parse("decls.txt", "\n# nothing here\n   \n");
    assertTrue(parsed.entries().isEmpty());
    assertFalse(parsed.hasErrors());
  }
}

package dev.readonce.checker.declarations;

import static dev.readonce.checker.declarations.Fixtures.declarationsFlag;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import dev.readonce.checker.DescentWithoutPointerCheck;
import dev.readonce.checker.PlainSlotRead;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annotations and declarations of one compilation act together; the annotation wins a conflict. */
class MergedContractsTest {

  private static final String[] ANNOTATED = {
    "package merged;",
    "import dev.readonce.annotations.*;",
    "import java.lang.invoke.*;",
    "class Ref {",
    "  static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
    "  final long[] table = new long[8];",
    "  final int index = 0;",
    "  @ReadOnce long get() { return (long) E.getOpaque(table, index); }",
    "  @ReadOnce(atomic = false) long getPlain() { return table[index]; }",
    "}",
    "final class Walk {",
    "  @PointerTest(PointerTest.Shows.TABLE) static boolean table(long e) { return e != 0; }",
    "  @Descends static Ref lower(long e) { return null; }",
    "}"
  };

  private static final String DECLS =
      """
      # Ref's slots keep their table pointers: a declaration about an annotated class.
      stable-handle merged.Ref
      # Contradicts the annotation (atomic = false), which wins.
      accessor      merged.Ref#getPlain()
      """;

  @TempDir Path dir;
  private Path decls;

  @BeforeEach
  void writeDeclarations() throws Exception {
    decls = Files.writeString(dir.resolve("merged.decls"), DECLS);
  }

  private static CompilationTestHelper helper(Class<? extends BugChecker> check) {
    return CompilationTestHelper.newInstance(check, MergedContractsTest.class)
        .addSourceLines("Ref.java", ANNOTATED);
  }

  private static final String[] DESCEND = {
    "package merged;",
    "class Use {",
    "  Ref descend(Ref r) {",
    "    long e = r.get();",
    "    if (!Walk.table(e)) return null;",
    "    // BUG: Diagnostic contains: is not @StableAfterPointer",
    "    return Walk.lower(e);",
    "  }",
    "}"
  };

  @Test
  void declaredStableHandleMakesAnAnnotatedAccessorStable() {
    helper(DescentWithoutPointerCheck.class)
        .addSourceLines("Use.java", DESCEND)
        .setArgs(declarationsFlag(decls))
        .expectNoDiagnostics()
        .doTest();
  }

  @Test
  void withoutTheDeclarationTheSameDescentIsUnstable() {
    helper(DescentWithoutPointerCheck.class).addSourceLines("Use.java", DESCEND).doTest();
  }

  @Test
  void annotationWinsOverAConflictingDeclaration() {
    helper(PlainSlotRead.class)
        .addSourceLines(
            "Plain.java",
            "package merged;",
            "class Plain {",
            "  long read(Ref r) {",
            "    // BUG: Diagnostic contains: plain read of slot 'r'",
            "    return r.getPlain();",
            "  }",
            "}")
        .setArgs(declarationsFlag(decls))
        .doTest();
  }
}

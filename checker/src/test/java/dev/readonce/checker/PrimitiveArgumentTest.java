package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A call to a method whose body is not in the unit, given a primitive local, is not a slot handle
 * passed along. Regression: javac gives primitive types a placeholder class symbol without members,
 * and asking it for its members crashed the plugin.
 */
class PrimitiveArgumentTest {

  @Test
  void primitiveSnapshotPassedToLibraryMethodIsNotAHandle() {
    CompilationTestHelper.newInstance(SnapshotNotPassed.class, getClass())
        .addSourceLines(
            "Slot.java",
            "import dev.readonce.annotations.*;",
            "import java.lang.invoke.*;",
            "final class Slot {",
            "  private static final VarHandle E ="
                + " MethodHandles.arrayElementVarHandle(long[].class);",
            "  @ReadOnce final long[] table = new long[8];",
            "  final int index = 0;",
            "  @ReadOnce long get() { return (long) E.getOpaque(table, index); }",
            "}",
            "interface Reader { void read(Slot s); }")
        .addSourceLines(
            "Use.java",
            "class Use {",
            "  long max(Slot s) {",
            "    long v = s.get();",
            "    if (v == 0) return 0;",
            "    return Math.max(v, 1L);",
            "  }",
            "  void handleAfterDeciding(Slot s, Reader reader) {",
            "    long v = s.get();",
            "    if (v == 0) return;",
            "    // BUG: Diagnostic contains: read() is given slot 's' and reads it again",
            "    reader.read(s);",
            "  }",
            "}")
        .doTest();
  }
}

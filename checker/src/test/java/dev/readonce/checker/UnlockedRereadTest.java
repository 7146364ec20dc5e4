package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnlockedRereadTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
          .addSourceLines(
              "Slot.java",
              "import dev.readonce.annotations.*;",
              "import java.lang.invoke.*;",
              "final class Slot {",
              "  private static final VarHandle E = MethodHandles.arrayElementVarHandle(long[].class);",
              "  @ReadOnce final long[] table; final int index;",
              "  Slot(long[] table, int index) { this.table = table; this.index = index; }",
              "  @ReadOnce long get() { return (long) E.getOpaque(table, index); }",
              "  Slot next() { return new Slot(table, index + 1); }",
              "  @PointerTest(PointerTest.Shows.NONE) static boolean none(long v) { return v == 0; }",
              "  @PointerTest(PointerTest.Shows.LEAF) static boolean leaf(long v) { return (v & 2) != 0; }",
              "  @ModifiesSlot(\"s\") static void split(Slot s) {}",
              "}");

  @Test
  void secondReadAfterTestIsFlagged() {
    helper
        .addSourceLines(
            "Walk.java",
            "class Walk {",
            "  int walk(Slot s) {",
            "    if (Slot.none(s.get())) return 0;",
            "    // BUG: Diagnostic contains: slot 's' read again after the read on line 3",
            "    if (Slot.leaf(s.get())) return 1;",
            "    return 2;",
            "  }",
            "  int once(Slot s) {",
            "    long v = s.get();",
            "    if (Slot.none(v)) return 0;",
            "    if (Slot.leaf(v)) return 1;",
            "    return 2;",
            "  }",
            "  int refresh(Slot s) {",
            "    long v = s.get();",
            "    if (Slot.none(v)) return 0;",
            "    Slot.split(s);",
            "    v = s.get();",
            "    return Slot.leaf(v) ? 1 : 2;",
            "  }",
            "  int perPass(Slot s) {",
            "    int n = 0;",
            "    for (int i = 0; i < 4; i++) {",
            "      long v = s.get();",
            "      if (Slot.none(v)) continue;",
            "      n++;",
            "    }",
            "    return n;",
            "  }",
            "  long live(Slot s) {",
            "    long v = s.get();",
            "    // BUG: Diagnostic contains: use 'v'",
            "    long w = s.get();",
            "    return v + w;",
            "  }",
            "}")
        .doTest();
  }
}

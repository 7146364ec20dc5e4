package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

class UnknownContractNameTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnknownContractName.class, getClass());

  @Test
  void everyNameResolves() {
    helper
        .addSourceLines(
            "Box.java",
            "import dev.readonce.annotations.*;",
            "import java.util.concurrent.locks.*;",
            "abstract class Box {",
            "  final ReentrantLock lock = new ReentrantLock();",
            "  static final Object GLOBAL = new Object();",
            "  @ReadOnce(lock = \"lock\") long value;",
            "  @ReadOnce(lock = \"GLOBAL\") static long counter;",
            "  @ReadOnce(lock = \"this\") long own;",
            "  @ReadOnce(lock = ReadOnce.HELD_VALUE) Object[] bins;",
            "  @ReadOnce long helpers;",
            "  // BUG: Diagnostic contains: Box has no field 'noSuchLock'; the lock must be a field"
                + " declared in the slot's class (its fields: lock, GLOBAL, value",
            "  @ReadOnce(lock = \"noSuchLock\") long bad;",
            "  @LocksSlot(\"b\") static Lock lockIt(Box b) { return b.lock; }",
            "  // BUG: Diagnostic contains: @LocksSlot(\"nope\"): lockOther has no parameter"
                + " 'nope'; its parameters: b, other",
            "  @LocksSlot(\"nope\") static Lock lockOther(Box b, int other) { return b.lock; }",
            "  @ModifiesSlot({\"tab\", \"i\"}) static void set(long[] tab, int i) {}",
            "  // BUG: Diagnostic contains: @ModifiesSlot(\"missing\"): split has no parameter"
                + " 'missing'",
            "  @ModifiesSlot({\"tab\", \"missing\"}) static void split(long[] tab, int i) {}",
            "  abstract int visit(@Snapshot(\"ref\") long snap, Box ref);",
            "  // BUG: Diagnostic contains: @Snapshot(\"zz\"): visitBad has no parameter 'zz'",
            "  abstract int visitBad(@Snapshot(\"zz\") long snap, Box ref);",
            "  abstract int noHandle(@Snapshot long snap);",
            "}")
        .doTest();
  }
}

package dev.readonce.checker;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** Audit mode treats racy-looking fields of unannotated code as slots. */
class AuditModeTest {

  private static final String[] RACY = {
    "import java.lang.invoke.*;",
    "import java.util.concurrent.atomic.AtomicReference;",
    "class Racy {",
    "  static final VarHandle ARR = MethodHandles.arrayElementVarHandle(Object[].class);",
    "  volatile Object head;",
    "  final AtomicReference<Object> ref = new AtomicReference<>();",
    "  Object[] table = new Object[8];",
    "  Object plain;",
    "  static final java.util.concurrent.atomic.AtomicReferenceFieldUpdater<Racy, Object> UPDATER =",
    "      java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Racy.class, Object.class, \"head\");",
    "  Object updaterIsNotASlot() {",
    "    Object a = UPDATER.get(this);",
    "    return a == null ? UPDATER.get(this) : a;",
    "  }",
    "  int twice() {",
    "    if (head == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'head' read again",
    "    return head.hashCode();",
    "  }",
    "  int once() {",
    "    Object h = head;",
    "    return h == null ? 0 : h.hashCode();",
    "  }",
    "  int atomicTwice() {",
    "    if (ref.get() == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'ref' read again",
    "    return ref.get().hashCode();",
    "  }",
    "  int elementTwice(int i) {",
    "    if (ARR.getAcquire(table, i) == null) return 0;",
    "    // BUG: Diagnostic contains: slot 'table[i]' read again",
    "    return ARR.getAcquire(table, i).hashCode();",
    "  }",
    "  int plainFieldIsNotAudited() {",
    "    if (plain == null) return 0;",
    "    return plain.hashCode();",
    "  }",
    "}"
  };

  @Test
  void auditFlagsDoubleReadsOfRacyFields() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .setArgs("-XepOpt:ReadOnce:Audit=true")
        .addSourceLines("Racy.java", RACY)
        .doTest();
  }

  @Test
  void withoutAuditUnannotatedCodeIsNotAnalyzed() {
    CompilationTestHelper.newInstance(UnlockedReread.class, getClass())
        .addSourceLines(
            "Racy.java",
            java.util.Arrays.stream(RACY).filter(l -> !l.contains("// BUG")).toArray(String[]::new))
        .expectNoDiagnostics()
        .doTest();
  }
}

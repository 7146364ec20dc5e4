package dev.readonce.checker.declarations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.JavacTask;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Context;
import dev.readonce.annotations.ReadOnce;
import dev.readonce.checker.model.AnnotationContracts;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.Declarations;
import dev.readonce.checker.model.DeclaredContracts;
import dev.readonce.checker.model.DeclaredProblem;
import dev.readonce.checker.model.MethodLocks;
import dev.readonce.checker.model.SlotParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declarations format states everything the annotations state: {@code Annotated.java} uses
 * every annotation, {@code annotated.decls} declares the same contracts, and for every class,
 * field, method and parameter of the fixture both {@link Contracts} give the same answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationsMatchAnnotationsTest {

  /** Every comparison made, as "member what". */
  private final List<String> compared = new ArrayList<>();

  /** The comparisons where the declarations state a contract (not empty, not false). */
  private final List<String> stated = new ArrayList<>();

  private final List<String> differences = new ArrayList<>();
  private final List<DeclaredProblem> problems = new ArrayList<>();

  @BeforeAll
  void compareEveryMember(@TempDir Path out) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      Path annotations =
          Path.of(ReadOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-proc:none", "-d", out.toString(), "-classpath", annotations.toString()),
                  null,
                  files.getJavaFileObjects(Fixtures.path("Annotated.java")));
      task.analyze();
      assertEquals(List.of(), diagnostics.getDiagnostics(), "the fixture compiles cleanly");
      Context context = ((BasicJavacTask) task).getContext();
      Contracts annotated = new AnnotationContracts(Types.instance(context));
      DeclaredContracts declared =
          DeclaredContracts.create(
              context, Declarations.read(List.of(Fixtures.path("annotated.decls"))), problems::add);
      TypeElement root = task.getElements().getTypeElement("fixture.walk.Annotated");
      compareClass((ClassSymbol) root, annotated, declared);
    }
  }

  private void compareClass(ClassSymbol c, Contracts annotated, Contracts declared) {
    same(c, "stableHandleType", annotated.stableHandleType(c), declared.stableHandleType(c));
    same(c, "hasContract", annotated.hasContract(c), declared.hasContract(c));
    for (Symbol e : ASTHelpers.getEnclosedElements(c)) {
      if (e instanceof ClassSymbol nested) {
        compareClass(nested, annotated, declared);
      } else if (e instanceof VarSymbol field) {
        same(field, "slotField", annotated.slotField(field), declared.slotField(field));
        same(field, "hasContract", annotated.hasContract(field), declared.hasContract(field));
        same(
            field,
            "singleWriters",
            stated(annotated.singleWriters(field)),
            stated(declared.singleWriters(field)));
      } else if (e instanceof MethodSymbol m) {
        compareMethod(m, annotated, declared);
      }
    }
  }

  private void compareMethod(MethodSymbol m, Contracts annotated, Contracts declared) {
    same(m, "accessor", annotated.accessor(m), declared.accessor(m));
    same(m, "locksSlot", annotated.locksSlot(m), declared.locksSlot(m));
    same(m, "revalidates", annotated.revalidates(m), declared.revalidates(m));
    same(m, "descends", annotated.descends(m), declared.descends(m));
    same(m, "pointerTest", annotated.pointerTest(m), declared.pointerTest(m));
    same(m, "modifies", annotated.modifies(m), declared.modifies(m));
    same(m, "methodLocks", stated(annotated.methodLocks(m)), stated(declared.methodLocks(m)));
    same(
        m,
        "hints",
        annotated.hints(m).isEmpty() ? Optional.empty() : annotated.hints(m),
        declared.hints(m).isEmpty() ? Optional.empty() : declared.hints(m));
    same(
        m,
        "singleWriterOf",
        stated(annotated.singleWriterOf(m)),
        stated(declared.singleWriterOf(m)));
    boolean snapshots = false;
    for (int i = 0; i <= m.getParameters().size(); i++) {
      Optional<SlotParams> a =
          annotated.snapshotParam(m, i).map(DeclarationsMatchAnnotationsTest::none);
      Optional<SlotParams> d = declared.snapshotParam(m, i);
      same(m, "snapshotParam(" + i + ")", a, d);
      snapshots |= d.isPresent();
      OptionalInt filled = declared.filledUnderLockOf(m, i);
      same(m, "filledUnderLockOf(" + i + ")", annotated.filledUnderLockOf(m, i), filled);
      snapshots |= filled.isPresent();
    }
    // The annotations mark a snapshot (or an array filled under another's lock) on the parameter,
    // the declarations on the method; a method whose only contract is such a parameter is
    // therefore a contract symbol only for the declarations (which only makes more callers
    // analyzed). So does a hint parameter.
    if (!snapshots && declared.hints(m).validates().isEmpty()) {
      same(m, "hasContract", annotated.hasContract(m), declared.hasContract(m));
    }
  }

  /** No lock contract is empty, as the other answers are, so that it counts as none stated. */
  private static Object stated(MethodLocks locks) {
    return locks.isEmpty() ? Optional.empty() : locks;
  }

  /** No single writer is empty, as the other answers are, so that it counts as none stated. */
  private static Object stated(java.util.Set<?> set) {
    return set.isEmpty() ? Optional.empty() : set;
  }

  /**
   * {@code @Snapshot} without a value means "the method does not receive the slot's handle" ({@link
   * SlotParams#NONE}, as its Javadoc says); the annotation reader answers {@link
   * SlotParams#RECEIVER} for it, which the analysis treats the same way (no slot to pair).
   */
  private static SlotParams none(SlotParams p) {
    return p.isReceiver() ? SlotParams.NONE : p;
  }

  private void same(Symbol where, String what, Object annotated, Object declared) {
    String member = where.owner + "#" + where + " " + what;
    compared.add(member);
    if (!Objects.equals(declared, Optional.empty())
        && !Objects.equals(declared, OptionalInt.empty())
        && !Objects.equals(declared, false)) {
      stated.add(member);
    }
    if (!Objects.equals(annotated, declared)) {
      differences.add(member + ": annotations say " + annotated + ", declarations say " + declared);
    }
  }

  @Test
  void declarationsResolveWithoutProblems() {
    assertEquals(List.of(), problems);
  }

  @Test
  void everyMemberHasTheSameContractsFromBoth() {
    assertEquals(List.of(), differences);
  }

  @Test
  void theComparisonCoversTheWholeFixture() {
    // Guards against a vacuous pass: every class, field, method and parameter was compared.
    assertTrue(compared.size() > 250, "compared " + compared.size());
    // 63 answers state a contract (an entry can show in several, e.g. accessor and hasContract).
    assertTrue(stated.size() >= 60, String.join("\n", stated));
    assertTrue(compared.stream().anyMatch(s -> s.contains("tabAt") && s.contains("accessor")));
    assertTrue(compared.stream().anyMatch(s -> s.contains("bothEntry") && s.contains("(3)")));
    assertTrue(
        stated.stream()
            .anyMatch(s -> s.contains("#transfer(") && s.endsWith(" filledUnderLockOf(1)")));
  }
}

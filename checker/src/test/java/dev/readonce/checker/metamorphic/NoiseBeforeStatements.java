package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts real, side-effect-free code before every statement of every statement list — so also as
 * the first statement inside every {@code synchronized} block and every locked {@code try}: code
 * whose CFG nodes javac or the dataflow framework make up (a ternary's merge, {@code ++}
 * temporaries, a packed varargs array, a {@code VarHandle} call on an unrelated field).
 */
public final class NoiseBeforeStatements implements Rewriting {

  /** What code goes in. */
  public enum Kind {
    /** {@code int mmv1 = System.nanoTime() > 0L ? 1 : 2;} */
    TERNARY("ternary-inside-lock"),
    /** {@code int mmv1 = 0; mmv1++; ++mmv1; mmv1 += 2;} */
    INCREMENT("increments-inside-lock"),
    /** {@code String.format("%d %s", 1, "x");} */
    VARARGS("varargs-inside-lock"),
    /** {@code int mmv1 = (int) C.MMV_HANDLE.getOpaque();} on a field no slot declares. */
    VAR_HANDLE("varhandle-inside-lock");

    private final String rewritingName;

    Kind(String rewritingName) {
      this.rewritingName = rewritingName;
    }
  }

  private final Kind kind;

  public NoiseBeforeStatements(Kind kind) {
    this.kind = kind;
  }

  @Override
  public String name() {
    return kind.rewritingName;
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    String holder = null;
    if (kind == Kind.VAR_HANDLE) {
      Optional<ClassOrInterfaceDeclaration> c = Edits.firstClass(cu);
      if (c.isEmpty()) {
        return false;
      }
      holder = c.get().getNameAsString();
      addHandle(c.get(), holder);
    }
    boolean changed = false;
    for (Statement s : Edits.listedStatements(cu)) {
      if (s instanceof ExplicitConstructorInvocationStmt) {
        continue;
      }
      Edits.insertBefore(s, noise(fresh, holder));
      changed = true;
    }
    return changed;
  }

  private List<Statement> noise(Fresh fresh, String holder) {
    String v = fresh.name();
    List<String> code =
        switch (kind) {
          case TERNARY -> List.of("int " + v + " = System.nanoTime() > 0L ? 1 : 2;");
          case INCREMENT -> List.of("int " + v + " = 0;", v + "++;", "++" + v + ";", v + " += 2;");
          case VARARGS -> List.of("String.format(\"%d %s\", 1, \"" + v + "\");");
          case VAR_HANDLE ->
              List.of("int " + v + " = (int) " + holder + ".MMV_HANDLE.getOpaque();");
        };
    List<Statement> out = new ArrayList<>();
    for (String c : code) {
      out.add(Identity.noise(Parsing.statement(c)));
    }
    return out;
  }

  private static void addHandle(ClassOrInterfaceDeclaration c, String holder) {
    c.addMember(Identity.noise(Parsing.member("static volatile int mmvField;")));
    c.addMember(
        Identity.noise(
            Parsing.member(
                "static final java.lang.invoke.VarHandle MMV_HANDLE = mmvHandle();")));
    c.addMember(
        Identity.noise(
            Parsing.member(
                "private static java.lang.invoke.VarHandle mmvHandle() {"
                    + " try { return java.lang.invoke.MethodHandles.lookup()"
                    + ".findStaticVarHandle("
                    + holder
                    + ".class, \"mmvField\", int.class); }"
                    + " catch (ReflectiveOperationException e) {"
                    + " throw new IllegalStateException(e); } }")));
  }
}

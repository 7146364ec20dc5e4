package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;

/**
 * Declares each local of a loop body's top level before the loop and assigns it in the body, as a
 * retry loop does with its snapshot ({@code long v; for (;;) { v = slot.get(); … }}). Skipped for a
 * name declared twice in the method, or read by a lambda or anonymous class in the loop (it would
 * no longer be effectively final).
 */
public final class SnapshotOutsideLoop implements Rewriting {

  @Override
  public String name() {
    return "snapshot-declared-outside-loop";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (Statement loop : cu.findAll(Statement.class, SnapshotOutsideLoop::isLoop)) {
      Statement top = Edits.withLabels(loop);
      if (Edits.list(top).isEmpty() || !(body(loop) instanceof BlockStmt body)) {
        continue;
      }
      for (Statement s : List.copyOf(body.getStatements())) {
        if (!(s instanceof ExpressionStmt e)
            || !(e.getExpression() instanceof VariableDeclarationExpr decl)
            || decl.getVariables().size() != 1) {
          continue;
        }
        VariableDeclarator v = decl.getVariable(0);
        String name = v.getNameAsString();
        if (v.getInitializer().isEmpty()
            || v.getType().isVarType()
            || declarations(loop, name) != 1
            || captured(loop, name)) {
          continue;
        }
        Statement assign =
            new ExpressionStmt(
                new AssignExpr(
                    new NameExpr(name),
                    v.getInitializer().get().clone(),
                    AssignExpr.Operator.ASSIGN));
        Identity.copy(s, assign);
        Edits.insertBefore(
            top, List.of(Identity.noise(Parsing.statement(v.getType() + " " + name + ";"))));
        s.replace(assign);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean isLoop(Statement s) {
    return s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt
        || s instanceof ForEachStmt;
  }

  private static Statement body(Statement loop) {
    if (loop instanceof WhileStmt w) {
      return w.getBody();
    }
    if (loop instanceof DoStmt d) {
      return d.getBody();
    }
    if (loop instanceof ForStmt f) {
      return f.getBody();
    }
    return ((ForEachStmt) loop).getBody();
  }

  /** How many times the method (or lambda, or class) around {@code loop} declares {@code name}. */
  private static int declarations(Statement loop, String name) {
    Node scope =
        Edits.ancestor(loop, n -> n instanceof CallableDeclaration<?>)
            .or(() -> Edits.ancestor(loop, LambdaExpr.class::isInstance))
            .orElse(loop);
    return scope.findAll(VariableDeclarator.class, d -> d.getNameAsString().equals(name)).size()
        + scope.findAll(Parameter.class, p -> p.getNameAsString().equals(name)).size();
  }

  private static boolean captured(Statement loop, String name) {
    for (NameExpr use : loop.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
      boolean inLambda =
          Edits.ancestor(use, LambdaExpr.class::isInstance)
              .filter(l -> l.isDescendantOf(loop))
              .isPresent();
      boolean inClass =
          Edits.ancestor(
                  use,
                  n -> n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())
              .filter(o -> o.isDescendantOf(loop))
              .isPresent();
      if (inLambda || inClass) {
        return true;
      }
    }
    return false;
  }
}

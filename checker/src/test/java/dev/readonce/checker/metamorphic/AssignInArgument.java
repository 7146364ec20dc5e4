package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;

/**
 * Passes every local or parameter argument through an assignment to a fresh local, as
 * {@code tabAt(tab, i = (n - 1) & h)} does: {@code Pt.lock(u)} becomes {@code Pt.lock(mmv1 = u)}.
 * The value passed is the same object or number.
 */
public final class AssignInArgument implements Rewriting {

  @Override
  public String name() {
    return "assign-in-argument";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
      Optional<Statement> at = Edits.listedStatement(call);
      if (at.isEmpty() || !Edits.inMethodBody(call)) {
        continue;
      }
      List<Expression> args = List.copyOf(call.getArguments());
      for (Expression arg : args) {
        if (!(arg instanceof NameExpr name)) {
          continue;
        }
        Optional<Type> type = Edits.declaredType(call, name.getNameAsString());
        if (type.isEmpty()) {
          continue;
        }
        String temp = fresh.name();
        Edits.insertBefore(
            at.get(), List.of(Identity.noise(Parsing.statement(type.get() + " " + temp + ";"))));
        arg.replace(
            new EnclosedExpr(
                new AssignExpr(new NameExpr(temp), name.clone(), AssignExpr.Operator.ASSIGN)));
        changed = true;
      }
    }
    return changed;
  }
}

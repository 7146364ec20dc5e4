package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes every loop condition assign a variable declared before the loop, as
 * {@code while ((sc = sizeCtl) >= 0)} does: {@code while (c)} becomes
 * {@code boolean mmv1; while ((mmv1 = c))}. Loops with a constant condition (and {@code for (;;)})
 * are left alone: making their condition non-constant would change what javac deems reachable.
 */
public final class LoopHeadAssigns implements Rewriting {

  @Override
  public String name() {
    return "loop-head-assigns";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (Statement loop : cu.findAll(Statement.class)) {
      Optional<Expression> condition;
      Consumer<Expression> set;
      if (loop instanceof WhileStmt w) {
        condition = Optional.of(w.getCondition());
        set = w::setCondition;
      } else if (loop instanceof DoStmt d) {
        condition = Optional.of(d.getCondition());
        set = d::setCondition;
      } else if (loop instanceof ForStmt f) {
        condition = f.getCompare();
        set = f::setCompare;
      } else {
        continue;
      }
      Statement top = Edits.withLabels(loop);
      if (condition.isEmpty()
          || condition.get() instanceof BooleanLiteralExpr
          || Edits.list(top).isEmpty()) {
        continue;
      }
      String temp = fresh.name();
      Edits.insertBefore(top, List.of(Identity.noise(Parsing.statement("boolean " + temp + ";"))));
      set.accept(
          new EnclosedExpr(
              new AssignExpr(
                  new NameExpr(temp), condition.get().clone(), AssignExpr.Operator.ASSIGN)));
      changed = true;
    }
    return changed;
  }
}

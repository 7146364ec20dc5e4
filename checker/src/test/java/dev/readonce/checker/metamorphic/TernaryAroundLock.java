package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.regex.Pattern;

/**
 * Takes every lock through a ternary whose two arms are the same: {@code synchronized (f)} becomes
 * {@code synchronized (c ? f : f)}, {@code Lock l = Pt.lock(u)} becomes
 * {@code Lock l = (c ? Pt.lock(u) : Pt.lock(u))}. Exactly one arm runs, so the same lock is taken
 * once. A call counts as taking a lock by its name (any name with "lock" in it that does not start
 * with "unlock"): a heuristic that may also wrap a call that takes none, which is as harmless.
 */
public final class TernaryAroundLock implements Rewriting {

  private static final Pattern LOCKING = Pattern.compile("(?i)(?!unlock).*lock.*");
  private static final String CONDITION = "System.nanoTime() > 0L";

  @Override
  public String name() {
    return "ternary-around-lock";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (SynchronizedStmt s : cu.findAll(SynchronizedStmt.class)) {
      s.setExpression(twice(s.getExpression()));
      changed = true;
    }
    for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
      boolean valueUsed =
          call.getParentNode().isPresent()
              && !(call.getParentNode().get() instanceof ExpressionStmt);
      if (valueUsed && LOCKING.matcher(call.getNameAsString()).matches()) {
        call.replace(twice(call.clone()));
        changed = true;
      }
    }
    return changed;
  }

  private static Expression twice(Expression e) {
    return new EnclosedExpr(
        new ConditionalExpr(Parsing.expression(CONDITION), e.clone(), e.clone()));
  }
}

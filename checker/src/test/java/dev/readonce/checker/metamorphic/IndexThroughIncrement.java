package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Indexes every array element through a fresh counter's {@code i++} (or {@code ++i}), as
 * {@code setTabAt(tab, i++, null)} does: {@code a[i]} becomes {@code int mmv1 = i; … a[mmv1++]}.
 * Only indexes that cannot throw or change anything (names, literals, {@code + - *} of those) are
 * moved, and only when the statement does not assign any name the index reads.
 */
public final class IndexThroughIncrement implements Rewriting {

  private static final Set<UnaryExpr.Operator> STEPS =
      Set.of(
          UnaryExpr.Operator.PREFIX_INCREMENT,
          UnaryExpr.Operator.PREFIX_DECREMENT,
          UnaryExpr.Operator.POSTFIX_INCREMENT,
          UnaryExpr.Operator.POSTFIX_DECREMENT);

  private final boolean prefix;

  /** {@code prefix}: {@code ++i}; else {@code i++}. */
  public IndexThroughIncrement(boolean prefix) {
    this.prefix = prefix;
  }

  @Override
  public String name() {
    return prefix ? "index-prefix-increment" : "index-postfix-increment";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (ArrayAccessExpr access : cu.findAll(ArrayAccessExpr.class)) {
      Expression index = access.getIndex();
      Optional<Statement> at = Edits.listedStatement(access);
      if (!pure(index) || at.isEmpty() || Edits.isLoop(at.get()) || assignsAny(at.get(), index)) {
        continue;
      }
      String temp = fresh.name();
      String init = prefix ? "(" + index + ") - 1" : index.toString();
      Edits.insertBefore(
          at.get(), List.of(Identity.noise(Parsing.statement("int " + temp + " = " + init + ";"))));
      access.setIndex(
          new UnaryExpr(
              new NameExpr(temp),
              prefix ? UnaryExpr.Operator.PREFIX_INCREMENT : UnaryExpr.Operator.POSTFIX_INCREMENT));
      changed = true;
    }
    return changed;
  }

  private static boolean pure(Expression e) {
    if (e instanceof NameExpr || e instanceof IntegerLiteralExpr) {
      return true;
    }
    if (e instanceof EnclosedExpr p) {
      return pure(p.getInner());
    }
    if (e instanceof BinaryExpr b) {
      return Set.of(BinaryExpr.Operator.PLUS, BinaryExpr.Operator.MINUS,
                  BinaryExpr.Operator.MULTIPLY, BinaryExpr.Operator.BINARY_AND)
              .contains(b.getOperator())
          && pure(b.getLeft())
          && pure(b.getRight());
    }
    return false;
  }

  private static boolean assignsAny(Statement s, Expression index) {
    Set<String> names =
        index.findAll(NameExpr.class).stream()
            .map(NameExpr::getNameAsString)
            .collect(Collectors.toSet());
    boolean assigned =
        s.findAll(AssignExpr.class).stream()
            .anyMatch(
                a -> a.getTarget() instanceof NameExpr n && names.contains(n.getNameAsString()));
    boolean stepped =
        s.findAll(UnaryExpr.class).stream()
            .anyMatch(
                u ->
                    STEPS.contains(u.getOperator())
                        && u.getExpression() instanceof NameExpr n
                        && names.contains(n.getNameAsString()));
    return assigned || stepped;
  }
}

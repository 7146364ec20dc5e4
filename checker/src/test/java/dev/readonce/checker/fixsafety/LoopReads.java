package dev.readonce.checker.fixsafety;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The slots each loop of a unit reads, by the loop's identity: what a fix must leave inside the
 * loop, since a later pass needs its own read.
 *
 * <p>A heuristic, from syntax alone: a read is a call named {@code get…}, {@code deref} or
 * {@code tabAt}, or an array element read, and its slot is named by the variable the access path
 * starts from (the receiver's, or for a static accessor the first argument's). So {@code u.deref()}
 * turned into {@code u.get()} is still a read of {@code u}, and a fix that deletes the loop's only
 * {@code v = u.get()} loses {@code u}. Plain field reads are not seen.
 */
final class LoopReads {

  private LoopReads() {}

  /** Loop identity → names of the slots read anywhere in the loop (header and body). */
  static Map<String, Set<String>> of(CompilationUnit cu, Map<Range, String> owners) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (Statement loop : cu.findAll(Statement.class, LoopReads::isLoop)) {
      String id = owners.get(loop.getRange().orElseThrow());
      if (id == null || id.equals("N")) {
        continue;
      }
      Set<String> slots = new TreeSet<>();
      for (MethodCallExpr call : loop.findAll(MethodCallExpr.class, LoopReads::isRead)) {
        slotOf(call).ifPresent(slots::add);
      }
      for (ArrayAccessExpr access : loop.findAll(ArrayAccessExpr.class, LoopReads::isElementRead)) {
        root(access.getName()).ifPresent(slots::add);
      }
      out.put(id, slots);
    }
    return out;
  }

  private static boolean isLoop(Statement s) {
    return s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt
        || s instanceof ForEachStmt;
  }

  private static boolean isRead(MethodCallExpr call) {
    String name = call.getNameAsString();
    return name.startsWith("get") || name.equals("deref") || name.equals("tabAt");
  }

  // The very node is meant: an equal-looking element read on the right is still a read.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isElementRead(ArrayAccessExpr access) {
    Optional<Node> parent = access.getParentNode();
    return !(parent.isPresent()
        && parent.get() instanceof AssignExpr a
        && a.getTarget() == access
        && a.getOperator() == AssignExpr.Operator.ASSIGN);
  }

  private static Optional<String> slotOf(MethodCallExpr call) {
    Optional<String> receiver = call.getScope().flatMap(LoopReads::root);
    boolean typeScope = receiver.isPresent() && Character.isUpperCase(receiver.get().charAt(0));
    if (receiver.isPresent() && !typeScope) {
      return receiver;
    }
    return call.getArguments().isEmpty() ? receiver : root(call.getArgument(0));
  }

  /** The variable an access path starts from: {@code u} for {@code u.table[u.index]}. */
  private static Optional<String> root(Expression e) {
    Expression x = e;
    while (true) {
      if (x instanceof NameExpr n) {
        return Optional.of(n.getNameAsString());
      }
      if (x instanceof FieldAccessExpr f) {
        if (f.getScope() instanceof ThisExpr) {
          return Optional.of(f.getNameAsString());
        }
        x = f.getScope();
      } else if (x instanceof ArrayAccessExpr a) {
        x = a.getName();
      } else if (x instanceof MethodCallExpr m && m.getScope().isPresent()) {
        x = m.getScope().get();
      } else if (x.isEnclosedExpr()) {
        x = x.asEnclosedExpr().getInner();
      } else if (x.isCastExpr()) {
        x = x.asCastExpr().getExpression();
      } else {
        return Optional.empty();
      }
    }
  }
}

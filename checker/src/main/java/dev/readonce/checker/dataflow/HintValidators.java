package dev.readonce.checker.dataflow;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.Map;

/**
 * Checks the body of a method with a {@code @ValidatesHint} parameter for what can be checked: it
 * runs holding the slot's lock (its lock contract, or a {@code synchronized} method), and it
 * assigns the slot to the parameter under a test of the parameter ({@code if (ancestor.item ==
 * null) ancestor = head;}). Whether that test tells a stale hint from a good one is not checked.
 */
public final class HintValidators {

  private HintValidators() {}

  /** Reports, at the method, each validating parameter whose body side does not hold. */
  public static void check(
      MethodContext cx, MethodSymbol method, TreePath methodPath, SlotStore atEntry) {
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    for (Map.Entry<Integer, VarSymbol> e :
        cx.calls.contracts().hints(method).validates().entrySet()) {
      if (e.getKey() >= method.getParameters().size()) {
        continue;
      }
      VarSymbol param = method.getParameters().get(e.getKey());
      VarSymbol field = e.getValue();
      String problem = null;
      if (atEntry.lockCovering(slotOf(field)) == null) {
        problem =
            Messages.validatorUnlocked(
                method.getSimpleName().toString(), field.getSimpleName().toString());
      } else if (!fallsBack(methodPath, param, field)) {
        problem =
            Messages.validatorNoFallback(
                method.getSimpleName().toString(),
                param.getSimpleName().toString(),
                field.getSimpleName().toString());
      }
      if (problem != null) {
        cx.sink.reportAfterFixpoint(
            new Finding(Rule.MISSING_REVALIDATION, tree, problem, null, null));
      }
    }
  }

  /** The slot a field designates from inside its class (or a nested class: {@code Outer.this}). */
  private static SlotKey slotOf(VarSymbol field) {
    AccessPath owner =
        field.isStatic()
            ? AccessPath.of(new AccessPath.Static((ClassSymbol) field.owner))
            : AccessPath.of(new AccessPath.This());
    return new SlotKey(owner.with(new AccessPath.Field(field)));
  }

  /**
   * Whether the body assigns a read of the field to the parameter under a test of the parameter.
   */
  private static boolean fallsBack(TreePath methodPath, VarSymbol param, VarSymbol field) {
    MethodTree tree = (MethodTree) methodPath.getLeaf();
    if (tree.getBody() == null) {
      return false;
    }
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree assignment, Void unused) {
        if (TreeInfo.symbol((JCTree) assignment.getVariable()) == param) {
          ExpressionTree value =
              TreeInfo.skipParens((JCTree.JCExpression) assignment.getExpression());
          if (value instanceof ConditionalExpressionTree c
              && mentions(c.getCondition(), param)
              && (readsField(c.getTrueExpression(), field)
                  || readsField(c.getFalseExpression(), field))) {
            found[0] = true;
          } else if (readsField(value, field) && underTestOf(getCurrentPath(), param)) {
            found[0] = true;
          }
        }
        return super.visitAssignment(assignment, null);
      }
    }.scan(new TreePath(methodPath, tree.getBody()), null);
    return found[0];
  }

  private static boolean readsField(ExpressionTree expression, VarSymbol field) {
    ExpressionTree e = TreeInfo.skipParens((JCTree.JCExpression) expression);
    return TreeInfo.symbol((JCTree) e) == field;
  }

  /** Whether the tree at the path is in a branch of an {@code if} that tests the parameter. */
  private static boolean underTestOf(TreePath path, VarSymbol param) {
    for (TreePath p = path; p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() instanceof IfTree test
          && (test.getThenStatement() == p.getLeaf() || test.getElseStatement() == p.getLeaf())
          && mentions(test.getCondition(), param)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(Tree tree, VarSymbol variable) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void unused) {
        found[0] |= TreeInfo.symbol((JCTree) id) == variable;
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }
}

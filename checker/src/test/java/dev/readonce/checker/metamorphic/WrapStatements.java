package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;

/**
 * Wraps every statement that declares nothing in an extra labelled block ({@code mmv1: { s }}) or
 * an extra one-way {@code switch} ({@code switch (…) { default: { s } }}). Neither changes what
 * runs: no code breaks to the new label, and a statement with an unlabelled {@code break} of its
 * own is not put in a {@code switch} (the break would then leave the switch).
 */
public final class WrapStatements implements Rewriting {

  private final boolean inSwitch;

  /** {@code inSwitch}: wrap in a {@code switch}; else in a labelled block. */
  public WrapStatements(boolean inSwitch) {
    this.inSwitch = inSwitch;
  }

  @Override
  public String name() {
    return inSwitch ? "extra-switch" : "extra-labelled-block";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    boolean changed = false;
    for (Statement s : Edits.listedStatements(cu)) {
      if (declares(s) || (inSwitch && breaksOut(s))) {
        continue;
      }
      NodeList<Statement> list = Edits.list(s).orElseThrow();
      int at = list.indexOf(s);
      Statement wrapper;
      BlockStmt body = new BlockStmt();
      if (inSwitch) {
        wrapper = Parsing.statement("switch ((int) (System.nanoTime() & 1L)) { default: {} }");
        ((SwitchStmt) wrapper).getEntry(0).getStatements().set(0, body);
      } else {
        wrapper = new LabeledStmt(new SimpleName(fresh.name()), body);
      }
      list.set(at, Identity.noise(wrapper));
      body.addStatement(s);
      changed = true;
    }
    return changed;
  }

  private static boolean declares(Statement s) {
    return s instanceof LocalClassDeclarationStmt
        || s instanceof LocalRecordDeclarationStmt
        || s instanceof ExplicitConstructorInvocationStmt
        || (s instanceof ExpressionStmt e && e.getExpression() instanceof VariableDeclarationExpr);
  }

  /** Whether an unlabelled break or a yield in {@code s} leaves {@code s} itself. */
  private static boolean breaksOut(Statement s) {
    for (BreakStmt b : s.findAll(BreakStmt.class, b -> b.getLabel().isEmpty())) {
      if (!hasTargetWithin(b, s)) {
        return true;
      }
    }
    return !s.findAll(YieldStmt.class).isEmpty();
  }

  // Walking up to that very node: tree equality would stop at any equal-looking statement.
  @SuppressWarnings("ReferenceEquality")
  private static boolean hasTargetWithin(Node from, Statement outer) {
    Node n = from;
    while (n != outer && n.getParentNode().isPresent()) {
      n = n.getParentNode().get();
      if (n instanceof WhileStmt
          || n instanceof DoStmt
          || n instanceof ForStmt
          || n instanceof ForEachStmt
          || n instanceof SwitchStmt
          || n instanceof SwitchExpr
          || n instanceof LambdaExpr) {
        return true;
      }
    }
    return false;
  }
}

package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Small tree edits the rewritings share: where a statement may go, and what a name declares. */
final class Edits {

  private Edits() {}

  /**
   * The statement list that directly holds {@code statement} (a block's or a {@code case} group's),
   * where a statement can be inserted before it; empty for a statement that is the single body of
   * an {@code if} or a loop, where an insertion would change what the body is.
   */
  static Optional<NodeList<Statement>> list(Statement statement) {
    Optional<Node> parent = statement.getParentNode();
    if (parent.isPresent() && parent.get() instanceof BlockStmt block) {
      return Optional.of(block.getStatements());
    }
    if (parent.isPresent()
        && parent.get() instanceof SwitchEntry entry
        && entry.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
      return Optional.of(entry.getStatements());
    }
    return Optional.empty();
  }

  /**
   * The statement of a statement list that evaluates {@code node}, found without leaving the
   * method, lambda or class body it is in; empty when there is none (an expression lambda, a field
   * initializer, a statement that is a branch's single body).
   */
  static Optional<Statement> listedStatement(Node node) {
    Node n = node;
    while (true) {
      if (n instanceof Statement s && !(n instanceof BlockStmt)) {
        Statement top = withLabels(s);
        return list(top).isPresent() ? Optional.of(top) : Optional.empty();
      }
      if (n instanceof LambdaExpr
          || n instanceof TypeDeclaration
          || n instanceof CallableDeclaration
          || n.getParentNode().isEmpty()) {
        return Optional.empty();
      }
      n = n.getParentNode().get();
    }
  }

  /** The statement together with the labels around it: what a declaration must go before. */
  static Statement withLabels(Statement statement) {
    Statement s = statement;
    while (s.getParentNode().isPresent() && s.getParentNode().get() instanceof LabeledStmt l) {
      s = l;
    }
    return s;
  }

  /** Inserts {@code added} before {@code anchor} in the list that holds it. */
  static void insertBefore(Statement anchor, List<Statement> added) {
    NodeList<Statement> list = list(anchor).orElseThrow();
    for (Statement s : added) {
      list.addBefore(s, anchor);
    }
  }

  /** Whether {@code node} is in a method or constructor body, not in a lambda or field. */
  static boolean inMethodBody(Node node) {
    Optional<Node> p = node.getParentNode();
    while (p.isPresent()) {
      Node n = p.get();
      if (n instanceof CallableDeclaration || n instanceof InitializerDeclaration) {
        return true;
      }
      if (n instanceof LambdaExpr
          || n instanceof TypeDeclaration
          || (n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent())) {
        return false;
      }
      p = n.getParentNode();
    }
    return false;
  }

  /**
   * The declared type of the one local or parameter named {@code name} in the method around
   * {@code node}; empty if the method declares the name more than once, or with {@code var}.
   */
  static Optional<Type> declaredType(Node node, String name) {
    Optional<Node> method = ancestor(node, n -> n instanceof CallableDeclaration<?>);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    List<Type> types = new ArrayList<>();
    for (Parameter p : method.get().findAll(Parameter.class)) {
      if (p.getNameAsString().equals(name)) {
        types.add(p.isVarArgs() ? null : p.getType());
      }
    }
    for (VariableDeclarator v : method.get().findAll(VariableDeclarator.class)) {
      if (v.getNameAsString().equals(name)) {
        types.add(v.getType());
      }
    }
    if (types.size() != 1 || types.get(0) == null || types.get(0).isVarType()) {
      return Optional.empty();
    }
    return Optional.of(types.get(0));
  }

  /** Whether {@code s} (under its labels) is a loop, whose header runs more than once. */
  static boolean isLoop(Statement s) {
    Statement t = s;
    while (t instanceof LabeledStmt l) {
      t = l.getStatement();
    }
    return t instanceof WhileStmt || t instanceof DoStmt || t instanceof ForStmt
        || t instanceof ForEachStmt;
  }

  /** The nearest proper ancestor of {@code node} that {@code test} accepts. */
  static Optional<Node> ancestor(Node node, Predicate<Node> test) {
    Optional<Node> p = node.getParentNode();
    while (p.isPresent() && !test.test(p.get())) {
      p = p.get().getParentNode();
    }
    return p;
  }

  /** Every statement list of the unit, outermost first, as it is before any edit. */
  static List<Statement> listedStatements(Node root) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : root.findAll(Statement.class)) {
      if (!(s instanceof BlockStmt) && list(s).isPresent()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The first class (not interface) of the unit, where a rewriting may add members. */
  static Optional<ClassOrInterfaceDeclaration> firstClass(Node root) {
    return root.findFirst(ClassOrInterfaceDeclaration.class, c -> !c.isInterface());
  }
}

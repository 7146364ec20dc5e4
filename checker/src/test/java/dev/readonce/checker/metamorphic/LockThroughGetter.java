package dev.readonce.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reaches every lock field through a getter of its class, as {@code pudp.table().ptl.lock()} does:
 * {@code synchronized (lock)} becomes {@code synchronized (mmvLock1())} and {@code lock.unlock()}
 * becomes {@code mmvLock1().unlock()}, with {@code private Object mmvLock1() { return lock; }}
 * added. A lock field is one used as a monitor or as the receiver of {@code lock}, {@code unlock},
 * {@code tryLock} or {@code lockInterruptibly}, in the class that declares it.
 */
public final class LockThroughGetter implements Rewriting {

  private static final Set<String> LOCK_CALLS =
      Set.of("lock", "unlock", "tryLock", "lockInterruptibly");

  @Override
  public String name() {
    return "lock-through-getter";
  }

  @Override
  public boolean rewrite(CompilationUnit cu, Fresh fresh) {
    List<Expression> uses = new ArrayList<>();
    for (SynchronizedStmt s : cu.findAll(SynchronizedStmt.class)) {
      uses.add(s.getExpression());
    }
    for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
      if (LOCK_CALLS.contains(call.getNameAsString()) && call.getScope().isPresent()) {
        uses.add(call.getScope().get());
      }
    }
    Map<VariableDeclarator, String> getters = new HashMap<>();
    boolean changed = false;
    for (Expression use : uses) {
      Optional<String> name = fieldName(use);
      Optional<ClassOrInterfaceDeclaration> owner =
          Edits.ancestor(use, n -> n instanceof ClassOrInterfaceDeclaration)
              .map(ClassOrInterfaceDeclaration.class::cast);
      if (name.isEmpty() || owner.isEmpty() || owner.get().isInterface()) {
        continue;
      }
      Optional<FieldDeclaration> field = owner.get().getFieldByName(name.get());
      if (field.isEmpty() || shadowed(use, name.get())) {
        continue;
      }
      VariableDeclarator v =
          field.get().getVariables().stream()
              .filter(d -> d.getNameAsString().equals(name.get()))
              .findFirst()
              .orElseThrow();
      boolean isStatic = field.get().isStatic();
      if (!isStatic && inStaticContext(use)) {
        continue;
      }
      String getter =
          getters.computeIfAbsent(
              v,
              d -> {
                String g = fresh.name() + "Lock";
                owner.get().addMember(
                    Identity.noise(
                        Parsing.member(
                            "private "
                                + (isStatic ? "static " : "")
                                + d.getType()
                                + " "
                                + g
                                + "() { return "
                                + d.getNameAsString()
                                + "; }")));
                return g;
              });
      use.replace(new MethodCallExpr(getter));
      changed = true;
    }
    return changed;
  }

  private static Optional<String> fieldName(Expression e) {
    if (e instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f
        && f.getScope() instanceof ThisExpr t
        && t.getTypeName().isEmpty()) {
      return Optional.of(f.getNameAsString());
    }
    return Optional.empty();
  }

  /** Whether a local or parameter of the same name may hide the field at {@code use}. */
  private static boolean shadowed(Node use, String name) {
    Optional<Node> method = Edits.ancestor(use, n -> n instanceof CallableDeclaration<?>);
    return method.isPresent()
        && (!method.get().findAll(VariableDeclarator.class, d -> d.getNameAsString().equals(name))
                .isEmpty()
            || !method.get().findAll(Parameter.class, p -> p.getNameAsString().equals(name))
                .isEmpty());
  }

  private static boolean inStaticContext(Node use) {
    return Edits.ancestor(use, n -> n instanceof CallableDeclaration<?>)
        .map(m -> ((CallableDeclaration<?>) m).isStatic())
        .orElse(false);
  }
}

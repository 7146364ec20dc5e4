package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableMap;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The field handles of a compilation unit: a static {@code VarHandle} initialized (in its
 * declaration or a static block) with {@code findVarHandle(Owner.class, "field", type)}, or a
 * static {@code Atomic*FieldUpdater} made by {@code newUpdater(Owner.class, [type,] "field")},
 * accesses that field.
 */
public final class FieldVarHandles {

  public static final FieldVarHandles NONE =
      new FieldVarHandles(ImmutableMap.of(), com.google.common.collect.ImmutableSet.of());

  private final ImmutableMap<VarSymbol, VarSymbol> handleToField;
  private final com.google.common.collect.ImmutableSet<VarSymbol> accessedFields;

  private FieldVarHandles(
      ImmutableMap<VarSymbol, VarSymbol> handleToField,
      com.google.common.collect.ImmutableSet<VarSymbol> accessedFields) {
    this.handleToField = handleToField;
    this.accessedFields = accessedFields;
  }

  /**
   * The fields this unit accesses through a VarHandle: the targets of field handles, and the
   * array fields passed to an element handle (for audit mode).
   */
  public com.google.common.collect.ImmutableSet<VarSymbol> accessedFields() {
    return accessedFields;
  }

  /** Scans a compilation unit's VarHandle field initializers. */
  public static FieldVarHandles scan(CompilationUnitTree unit) {
    Map<VarSymbol, VarSymbol> found = new HashMap<>();
    java.util.Set<VarSymbol> arrays = new java.util.HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = TreeInfo.symbol((JCTree) call.getMethodSelect());
        if (method != null
            && method.owner != null
            && method.owner.getQualifiedName().contentEquals("java.lang.invoke.VarHandle")
            && !call.getArguments().isEmpty()
            && TreeInfo.symbol((JCTree) call.getArguments().get(0)) instanceof VarSymbol f
            && f.owner instanceof ClassSymbol) {
          arrays.add(f);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol handle = TreeInfo.symbolFor((JCTree) tree);
        if (handle instanceof VarSymbol h && h.isStatic()) {
          record(h, tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      /** {@code static final VarHandle X; static { X = l.findVarHandle(...); }}, the usual form. */
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        Symbol handle = TreeInfo.symbol((JCTree) tree.getVariable());
        if (handle instanceof VarSymbol h && h.isStatic() && h.owner instanceof ClassSymbol) {
          record(h, tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }

      private void record(VarSymbol handle, @Nullable ExpressionTree init) {
        VarSymbol field = target(init);
        if (field != null) {
          found.put(handle, field);
        }
      }
    }.scan(unit, null);
    if (found.isEmpty() && arrays.isEmpty()) {
      return NONE;
    }
    return new FieldVarHandles(
        ImmutableMap.copyOf(found),
        com.google.common.collect.ImmutableSet.<VarSymbol>builder()
            .addAll(found.values())
            .addAll(arrays)
            .build());
  }

  /**
   * The field a handle's initializer designates: {@code findVarHandle(Owner.class, "field", type)}
   * or an {@code Atomic*FieldUpdater.newUpdater(Owner.class, [type,] "field")}.
   */
  private static @Nullable VarSymbol target(@Nullable ExpressionTree init) {
    if (!(init instanceof MethodInvocationTree call)
        || !(call.getMethodSelect() instanceof MemberSelectTree select)
        || call.getArguments().size() < 2) {
      return null;
    }
    String method = select.getIdentifier().toString();
    ExpressionTree nameArg;
    if (method.equals("findVarHandle") && call.getArguments().size() == 3) {
      nameArg = call.getArguments().get(1);
    } else if (method.equals("newUpdater")) {
      nameArg = call.getArguments().get(call.getArguments().size() - 1);
    } else {
      return null;
    }
    if (!(nameArg instanceof LiteralTree name)
        || !(name.getValue() instanceof String fieldName)
        || !(call.getArguments().get(0) instanceof MemberSelectTree classLiteral)
        || !(TreeInfo.symbol((JCTree) classLiteral.getExpression()) instanceof ClassSymbol c)) {
      return null;
    }
    for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(c)) {
      if (member instanceof VarSymbol f && f.getSimpleName().contentEquals(fieldName)) {
        return f;
      }
    }
    return null;
  }

  /** The field a static VarHandle or field updater of this unit names, or null. */
  public @Nullable VarSymbol fieldNamedBy(VarSymbol handle) {
    return handleToField.get(handle);
  }

  /** The static VarHandle and field updater fields of this unit that name a field. */
  public com.google.common.collect.ImmutableSet<VarSymbol> handles() {
    return handleToField.keySet();
  }

  /** The field a VarHandle-valued node accesses, if it is one of this unit's field handles. */
  public @Nullable VarSymbol fieldOf(Node handle) {
    if (handle instanceof FieldAccessNode f && f.getElement() instanceof VarSymbol v) {
      return handleToField.get(v);
    }
    return null;
  }
}

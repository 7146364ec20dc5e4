package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableMap;
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
 * The field {@code VarHandle}s of a compilation unit: a {@code static final VarHandle} initialized
 * with {@code findVarHandle(Owner.class, "field", type)} accesses that field.
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
        ExpressionTree init = tree.getInitializer();
        if (handle instanceof VarSymbol h
            && h.isStatic()
            && init instanceof MethodInvocationTree call
            && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("findVarHandle")
            && call.getArguments().size() == 3
            && call.getArguments().get(1) instanceof LiteralTree name
            && name.getValue() instanceof String fieldName
            && call.getArguments().get(0) instanceof MemberSelectTree classLiteral) {
          Symbol owner = TreeInfo.symbol((JCTree) classLiteral.getExpression());
          if (owner instanceof ClassSymbol c) {
            for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(c)) {
              if (member instanceof VarSymbol f && f.getSimpleName().contentEquals(fieldName)) {
                found.put(h, f);
              }
            }
          }
        }
        return super.visitVariable(tree, null);
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

  /** The field a VarHandle-valued node accesses, if it is one of this unit's field handles. */
  public @Nullable VarSymbol fieldOf(Node handle) {
    if (handle instanceof FieldAccessNode f && f.getElement() instanceof VarSymbol v) {
      return handleToField.get(v);
    }
    return null;
  }
}

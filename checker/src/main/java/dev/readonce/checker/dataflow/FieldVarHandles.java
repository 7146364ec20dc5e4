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

  public static final FieldVarHandles NONE = new FieldVarHandles(ImmutableMap.of());

  private final ImmutableMap<VarSymbol, VarSymbol> handleToField;

  private FieldVarHandles(ImmutableMap<VarSymbol, VarSymbol> handleToField) {
    this.handleToField = handleToField;
  }

  /** Scans a compilation unit's VarHandle field initializers. */
  public static FieldVarHandles scan(CompilationUnitTree unit) {
    Map<VarSymbol, VarSymbol> found = new HashMap<>();
    new TreeScanner<Void, Void>() {
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
            for (Symbol member : c.getEnclosedElements()) {
              if (member instanceof VarSymbol f && f.getSimpleName().contentEquals(fieldName)) {
                found.put(h, f);
              }
            }
          }
        }
        return super.visitVariable(tree, unused);
      }
    }.scan(unit, null);
    return found.isEmpty() ? NONE : new FieldVarHandles(ImmutableMap.copyOf(found));
  }

  /** The field a VarHandle-valued node accesses, if it is one of this unit's field handles. */
  public @Nullable VarSymbol fieldOf(Node handle) {
    if (handle instanceof FieldAccessNode f && f.getElement() instanceof VarSymbol v) {
      return handleToField.get(v);
    }
    return null;
  }
}

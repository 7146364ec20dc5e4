package dev.readonce.checker.analysis;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.dataflow.SlotValue;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.Contracts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Array parameters that hold slots: a method that hands its parameter {@code tab} to a declared
 * accessor as the array of a slot ({@code tabAt(tab, i)}, a static accessor of an array and an
 * index) treats {@code tab}'s elements as that accessor's slots, so every element of {@code tab}
 * is one of them in the whole method (a plain {@code tab[j]} there is a plain read of a slot).
 * Flow-insensitive on purpose: a parameter names one array until the method reassigns it, and a
 * reassignment replaces the value the store holds for it.
 */
final class TableParameters {

  private TableParameters() {}

  /** What an argument names: past parentheses and assignments ({@code tabAt((t = tab), i)}). */
  private static JCTree.JCExpression named(JCTree.JCExpression arg) {
    JCTree.JCExpression e = TreeInfo.skipParens(arg);
    while (e instanceof JCTree.JCAssign assign) {
      e = TreeInfo.skipParens(assign.rhs);
    }
    return e;
  }

  /** The entry store with each such parameter holding a container of the accessor's slots. */
  static SlotStore seed(
      Contracts contracts, Tree body, List<VarSymbol> params, SlotStore store) {
    Map<VarSymbol, AccessorDecl> tables = new LinkedHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol symbol = TreeInfo.symbol((JCTree) call.getMethodSelect());
        if (symbol instanceof MethodSymbol method
            && method.isStatic()
            && method.getParameters().size() == 2
            && method.getParameters().get(0).type.hasTag(TypeTag.ARRAY)
            && call.getArguments().size() == 2
            && TreeInfo.symbol(named((JCTree.JCExpression) call.getArguments().get(0)))
                instanceof VarSymbol array
            && params.contains(array)) {
          Optional<AccessorDecl> accessor = contracts.accessor(method);
          accessor.ifPresent(a -> tables.putIfAbsent(array, a));
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    SlotStore out = store;
    for (Map.Entry<VarSymbol, AccessorDecl> e : tables.entrySet()) {
      if (out.local(e.getKey()).isNothing()) {
        out = out.withLocal(e.getKey(), SlotValue.container(e.getValue().slot()));
      }
    }
    return out;
  }
}

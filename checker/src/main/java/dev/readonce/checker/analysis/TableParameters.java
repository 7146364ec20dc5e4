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

  /**
   * Records a call of a static (array, index) accessor with a variable as its array: the first
   * accessor each variable is handed to, in scan order. Called for every call of a body, by this
   * class's own scan or by the pre-pass's ({@link Feasibility}), which then spares this one.
   */
  static void record(
      Contracts contracts, MethodInvocationTree call, Map<VarSymbol, AccessorDecl> tables) {
    Symbol symbol = TreeInfo.symbol((JCTree) call.getMethodSelect());
    if (symbol instanceof MethodSymbol method
        && method.isStatic()
        && method.getParameters().size() == 2
        && method.getParameters().get(0).type.hasTag(TypeTag.ARRAY)
        && call.getArguments().size() == 2
        && TreeInfo.symbol(named((JCTree.JCExpression) call.getArguments().get(0)))
            instanceof VarSymbol array
        && !tables.containsKey(array)) {
      Optional<AccessorDecl> accessor = contracts.accessor(method);
      accessor.ifPresent(a -> tables.put(array, a));
    }
  }

  /** Every such call of a body, lambdas and nested classes included. */
  static Map<VarSymbol, AccessorDecl> scan(Contracts contracts, Tree body) {
    Map<VarSymbol, AccessorDecl> tables = new LinkedHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        record(contracts, call, tables);
        return super.visitMethodInvocation(call, null);
      }
    }.scan(body, null);
    return tables;
  }

  /**
   * The entry store with each such parameter holding a container of the accessor's slots; {@code
   * tables} is what {@link #scan} gives for the body (the pre-pass's scan, when it made one).
   */
  static SlotStore seed(
      Map<VarSymbol, AccessorDecl> tables, List<VarSymbol> params, SlotStore store) {
    SlotStore out = store;
    for (Map.Entry<VarSymbol, AccessorDecl> e : tables.entrySet()) {
      if (params.contains(e.getKey()) && out.local(e.getKey()).isNothing()) {
        out = out.withLocal(e.getKey(), SlotValue.container(e.getValue().slot()));
      }
    }
    return out;
  }
}

package dev.readonce.checker.analysis;

import com.sun.tools.javac.code.Symbol.MethodSymbol;
import dev.readonce.checker.dataflow.Call;
import dev.readonce.checker.dataflow.CallModel;
import dev.readonce.checker.dataflow.SlotValue;
import java.util.List;
import org.checkerframework.errorprone.dataflow.analysis.AbstractValue;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.errorprone.dataflow.expression.JavaExpression;
import org.jspecify.annotations.Nullable;

/**
 * The floor ({@code -XepOpt:ReadOnce:Engine=floor}, a benchmark aid): over the CFG the analysis
 * would run on, the Checker Framework's forward fixpoint with a one-element value and store, so
 * that what remains is the framework's own cost (the CFG, the worklist, its per-node maps).
 *
 * <p>It computes nothing and reports nothing, but it builds the same CFGs as the analysis: a call
 * that the analysis would judge against a callee's summary ({@code RuleChecks.callee}: an ordinary
 * call of a method of this unit with a body and an argument, outside a slot primitive) forces that
 * callee's analysis here too, as the analysis would, so a body the fast path skipped gets its CFG.
 */
final class FloorEngine {

  private FloorEngine() {}

  /**
   * Runs the trivial fixpoint over one body's CFG (or nothing, for {@link Engine#CFG}); {@code
   * primitive}: a slot primitive's body.
   */
  static MethodResult analyze(UnitAnalysis unit, ControlFlowGraph cfg, boolean primitive) {
    if (unit.engine() == Engine.FLOOR) {
      new Fixpoint(new Transfer(unit, primitive)).performAnalysis(cfg);
    }
    return MethodResult.NOTHING;
  }

  /** The one abstract value. */
  enum OneValue implements AbstractValue<OneValue> {
    TOP;

    @Override
    public OneValue leastUpperBound(OneValue other) {
      return TOP;
    }
  }

  /** The one store: copies, joins and widenings are itself, so every block is visited once. */
  static final class OneStore implements Store<OneStore> {

    static final OneStore TOP = new OneStore();

    private OneStore() {}

    @Override
    public OneStore copy() {
      return this;
    }

    @Override
    public OneStore leastUpperBound(OneStore other) {
      return this;
    }

    @Override
    public OneStore widenedUpperBound(OneStore previous) {
      return this;
    }

    @Override
    public boolean canAlias(JavaExpression a, JavaExpression b) {
      return true;
    }

    @Override
    public String visualize(CFGVisualizer<?, OneStore, ?> viz) {
      return "floor";
    }
  }

  /** Passes the store on at every node; forces the summaries the analysis would ask for. */
  private static final class Transfer
      extends AbstractNodeVisitor<
          TransferResult<OneValue, OneStore>, TransferInput<OneValue, OneStore>>
      implements ForwardTransferFunction<OneValue, OneStore> {

    private final UnitAnalysis unit;
    private final boolean primitive;

    Transfer(UnitAnalysis unit, boolean primitive) {
      this.unit = unit;
      this.primitive = primitive;
    }

    @Override
    public OneStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
      return OneStore.TOP;
    }

    @Override
    public TransferResult<OneValue, OneStore> visitNode(
        Node node, TransferInput<OneValue, OneStore> in) {
      return new RegularTransferResult<>(OneValue.TOP, in.getRegularStore());
    }

    @Override
    public TransferResult<OneValue, OneStore> visitMethodInvocation(
        MethodInvocationNode node, TransferInput<OneValue, OneStore> in) {
      MethodSymbol callee = CallModel.symbol(node);
      // The analysis asks for a summary (SlotTransfer.visitMethodInvocation, then
      // RuleChecks.callee) exactly here; the cheap tests come first, the classification (which
      // does not depend on the values for a method with a body in this unit) last.
      if (!primitive
          && callee != null
          && unit.hasBody(callee)
          && !CallModel.arguments(node, callee).isEmpty()
          && unit.calls().classify(node, n -> SlotValue.NOTHING) instanceof Call.Other) {
        unit.requiresPointer(callee, 0);
      }
      return visitNode(node, in);
    }
  }

  /** The framework's fixpoint, with the exceptional exit's store dropped as the analysis does. */
  private static final class Fixpoint extends ForwardAnalysisImpl<OneValue, OneStore, Transfer> {

    Fixpoint(Transfer transfer) {
      super(transfer);
    }

    @Override
    protected void addStoreBefore(
        Block b, @Nullable Node node, OneStore s, Store.Kind kind, boolean addBlockToWorklist) {
      if (b instanceof SpecialBlock special
          && special.getSpecialType() == SpecialBlock.SpecialBlockType.EXCEPTIONAL_EXIT) {
        return;
      }
      super.addStoreBefore(b, node, s, kind, addBlockToWorklist);
    }
  }
}

package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.Map;
import org.checkerframework.errorprone.dataflow.analysis.AnalysisResult;
import org.checkerframework.errorprone.dataflow.analysis.BackwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.analysis.UnusedAbstractValue;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.livevariable.LiveVarNode;
import org.checkerframework.errorprone.dataflow.livevariable.LiveVarStore;
import org.checkerframework.errorprone.dataflow.livevariable.LiveVarTransfer;

/**
 * Whether a local is used after a point: the Checker Framework's live-variable analysis, run
 * only for methods that ask (those with a candidate second read), once.
 */
final class Liveness {

  private final ControlFlowGraph cfg;
  private AnalysisResult<UnusedAbstractValue, LiveVarStore> result;
  private final Map<VarSymbol, LiveVarNode> uses = new HashMap<>();

  Liveness(ControlFlowGraph cfg) {
    this.cfg = cfg;
  }

  /**
   * The framework's transfer counts a local as used only where it appears directly in an
   * assignment's right side, a call's argument or a return; not as an array index ({@code k[b]}),
   * a comparison's operand or a receiver. The CFG gives every read of a local its own node, so
   * here every transferred local node is a use (lvalues are never transferred, and the
   * assignment's own transfer kills its target).
   */
  private static final class EveryReadIsAUse extends LiveVarTransfer {
    @Override
    public TransferResult<UnusedAbstractValue, LiveVarStore> visitLocalVariable(
        LocalVariableNode node, TransferInput<UnusedAbstractValue, LiveVarStore> in) {
      LiveVarStore store = in.getRegularStore();
      if (!node.isLValue()) {
        store.putLiveVar(new LiveVarNode(node));
      }
      return new RegularTransferResult<>(null, store);
    }

    /**
     * An assignment kills a local target and nothing else; its right side's locals are uses by
     * their own nodes. (The framework's version builds a {@code LiveVarNode} of any target and
     * asserts it is a local or field, so an array store {@code a[i] = x} failed under -ea.)
     */
    @Override
    public RegularTransferResult<UnusedAbstractValue, LiveVarStore> visitAssignment(
        AssignmentNode node, TransferInput<UnusedAbstractValue, LiveVarStore> in) {
      LiveVarStore store = in.getRegularStore();
      if (node.getTarget() instanceof LocalVariableNode) {
        store.killLiveVar(new LiveVarNode(node.getTarget()));
      }
      return new RegularTransferResult<>(null, store);
    }
  }

  /** Whether the variable may be read after the node executes. */
  boolean liveAfter(Node node, VarSymbol variable) {
    if (result == null) {
      BackwardAnalysisImpl<UnusedAbstractValue, LiveVarStore, LiveVarTransfer> analysis =
          new BackwardAnalysisImpl<>(new EveryReadIsAUse());
      analysis.performAnalysis(cfg);
      result = analysis.getResult();
      for (Node n : cfg.getAllNodes()) {
        if (n instanceof LocalVariableNode local && local.getElement() instanceof VarSymbol v) {
          uses.putIfAbsent(v, new LiveVarNode(n));
        }
      }
    }
    LiveVarStore after = result.getStoreAfter(node);
    if (after == null) {
      return true;
    }
    LiveVarNode use = uses.get(variable);
    if (use == null) {
      return false; // never read anywhere in the method
    }
    // The store exposes no membership test; killing the variable changes it iff it was live.
    LiveVarStore without = after.copy();
    without.killLiveVar(use);
    return !without.equals(after);
  }
}

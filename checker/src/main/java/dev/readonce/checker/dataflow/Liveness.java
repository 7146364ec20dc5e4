package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import org.checkerframework.errorprone.dataflow.analysis.AnalysisResult;
import org.checkerframework.errorprone.dataflow.analysis.BackwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.UnusedAbstractValue;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
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

  Liveness(ControlFlowGraph cfg) {
    this.cfg = cfg;
  }

  /** Whether the variable may be read after the node executes. */
  boolean liveAfter(Node node, VarSymbol variable) {
    if (result == null) {
      BackwardAnalysisImpl<UnusedAbstractValue, LiveVarStore, LiveVarTransfer> analysis =
          new BackwardAnalysisImpl<>(new LiveVarTransfer());
      analysis.performAnalysis(cfg);
      result = analysis.getResult();
    }
    LiveVarStore after = result.getStoreAfter(node);
    if (after == null) {
      return true;
    }
    for (Node n : cfg.getAllNodes()) {
      if (n instanceof LocalVariableNode local && local.getElement().equals(variable)) {
        // The store exposes no membership test; killing the variable changes it iff it was live.
        LiveVarStore without = after.copy();
        without.killLiveVar(new LiveVarNode(n));
        return !without.equals(after);
      }
    }
    return false;
  }
}

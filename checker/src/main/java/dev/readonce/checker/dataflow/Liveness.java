package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.Map;
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
  private final Map<VarSymbol, LiveVarNode> uses = new HashMap<>();

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

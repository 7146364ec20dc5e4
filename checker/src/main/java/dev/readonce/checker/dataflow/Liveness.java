package dev.readonce.checker.dataflow;

import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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
import org.jspecify.annotations.Nullable;

/**
 * Whether a local is used after a point: the Checker Framework's live-variable analysis, run
 * only for methods that ask (those with a candidate second read), once.
 */
final class Liveness {

  private final ControlFlowGraph cfg;
  private final @Nullable Tree end;
  private final @Nullable Supplier<Liveness> next;
  private AnalysisResult<UnusedAbstractValue, LiveVarStore> result;
  private LiveVarStore atEntry;
  private final Map<VarSymbol, LiveVarNode> uses;

  Liveness(ControlFlowGraph cfg) {
    this(cfg, null, null, new HashMap<>());
  }

  /**
   * The liveness of one chunk of a long body ({@link ChunkChain}): what the next chunk reads is
   * live where this one falls through, at the nodes of the tree {@code end} (returns leave the
   * method, where nothing is live). {@code uses} is shared by the chunks of one body.
   */
  Liveness(
      ControlFlowGraph cfg,
      @Nullable Tree end,
      @Nullable Supplier<Liveness> next,
      Map<VarSymbol, LiveVarNode> uses) {
    this.cfg = cfg;
    this.end = end;
    this.next = next;
    this.uses = uses;
  }

  /**
   * The framework's transfer counts a local as used only where it appears directly in an
   * assignment's right side, a call's argument or a return; not as an array index ({@code k[b]}),
   * a comparison's operand or a receiver. The CFG gives every read of a local its own node, so
   * here every transferred local node is a use (lvalues are never transferred, and the
   * assignment's own transfer kills its target).
   */
  private final class EveryReadIsAUse extends LiveVarTransfer {
    @Override
    public RegularTransferResult<UnusedAbstractValue, LiveVarStore> visitNode(
        Node node, TransferInput<UnusedAbstractValue, LiveVarStore> in) {
      RegularTransferResult<UnusedAbstractValue, LiveVarStore> out = super.visitNode(node, in);
      if (end == null || next == null || node.getTree() != end) {
        return out;
      }
      // The chunk falls through here into the next one: what that one reads is live.
      return new RegularTransferResult<>(
          null, out.getRegularStore().leastUpperBound(next.get().atEntry()));
    }

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

  private void run() {
    if (result == null) {
      BackwardAnalysisImpl<UnusedAbstractValue, LiveVarStore, LiveVarTransfer> analysis =
          new BackwardAnalysisImpl<>(new EveryReadIsAUse());
      analysis.performAnalysis(cfg);
      result = analysis.getResult();
      atEntry = analysis.getEntryStore();
      for (Node n : cfg.getAllNodes()) {
        if (n instanceof LocalVariableNode local && local.getElement() instanceof VarSymbol v) {
          uses.putIfAbsent(v, new LiveVarNode(n));
        }
      }
    }
  }

  /** The locals live where the CFG starts (none, if it is never left normally). */
  LiveVarStore atEntry() {
    run();
    return atEntry == null ? new LiveVarStore() : atEntry;
  }

  /** Whether the variable may be read after the node executes. */
  boolean liveAfter(Node node, VarSymbol variable) {
    run();
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

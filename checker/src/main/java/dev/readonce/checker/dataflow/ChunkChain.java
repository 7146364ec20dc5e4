package dev.readonce.checker.dataflow;

import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.livevariable.LiveVarNode;
import org.jspecify.annotations.Nullable;

/**
 * The CFGs of a long body analyzed in chunks of consecutive top-level statements, each built when
 * first needed, and the liveness that runs across them: a chunk's locals are live where it falls
 * through if a later chunk reads them.
 */
public final class ChunkChain {

  private final List<Supplier<ControlFlowGraph>> builders;
  private final List<? extends @Nullable Tree> ends;
  private final ControlFlowGraph[] cfgs;
  private final Liveness[] liveness;
  private final Map<VarSymbol, LiveVarNode> uses = new HashMap<>();

  /**
   * @param builders each chunk's CFG builder, in source order
   * @param ends each chunk's fall-through tree (the last chunk's is null: it ends the method)
   */
  public ChunkChain(
      List<Supplier<ControlFlowGraph>> builders,
      List<? extends @Nullable Tree> ends) {
    this.builders = builders;
    this.ends = ends;
    this.cfgs = new ControlFlowGraph[builders.size()];
    this.liveness = new Liveness[builders.size()];
  }

  public int size() {
    return builders.size();
  }

  /** Chunk {@code i}'s CFG, built once. */
  public ControlFlowGraph cfg(int i) {
    if (cfgs[i] == null) {
      cfgs[i] = builders.get(i).get();
    }
    return cfgs[i];
  }

  /** Points the method's context at chunk {@code i}: its loops and its liveness. */
  public void enter(MethodContext cx, int i) {
    cx.enterChunk(cfg(i), liveness(i));
  }

  /** Chunk {@code i}'s liveness, solved only when the rules first ask (as for a whole body). */
  private Liveness liveness(int i) {
    if (liveness[i] == null) {
      liveness[i] =
          new Liveness(cfg(i), ends.get(i), i + 1 < size() ? () -> solved(i + 1) : null, uses);
    }
    return liveness[i];
  }

  /**
   * Chunk {@code i}'s liveness, solved with every chunk after it, last to first: each needs what
   * the next reads at its entry (iteratively, not by recursion: a long body has many chunks).
   */
  private Liveness solved(int i) {
    for (int j = size() - 1; j >= i; j--) {
      liveness(j).atEntry();
    }
    return liveness[i];
  }
}

package dev.readonce.checker.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.tree.TreeMaker;
import dev.readonce.checker.dataflow.ChunkChain;
import dev.readonce.checker.dataflow.MethodContext;
import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.dataflow.SlotTransfer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A long method body analyzed as a chain of smaller CFGs, one per chunk of consecutive top-level
 * statements, because the Checker Framework's CFG builder takes time that grows with the square
 * of the body's length (each {@code try}/{@code finally} scans every node built so far, every call
 * joins the exceptional exit's predecessor set by linear search).
 *
 * <p>Each chunk is a block made up of its statements under the method's path, built as the
 * method's CFG ({@link UnderlyingAST.CFGMethod}: parameters, returns and {@code this} as in the
 * whole body), with an end marker after them: a literal expression statement that no rule looks
 * at (its tree is no source tree of the method). The same transfer runs over each chunk, starting
 * from the store the previous chunk falls through with at its marker; a {@code return} goes to
 * the method's exit, so the exit store is the join of every chunk's returns and the last chunk's
 * exit. Boundaries lie only between top-level statements, so no loop, {@code try}, {@code switch},
 * {@code synchronized} or label spans two chunks, and a top-level statement can leave only by a
 * {@code return} or a throw. What else crosses statements travels in the store (reads, snapshots,
 * locks taken by a call and released later) or is keyed by tree in the method's one context
 * (parents, test sites, fresh names, findings, summaries); liveness runs across the chunks
 * ({@link ChunkChain}).
 */
final class ChunkedBody {

  /**
   * Top-level statements per chunk when a body has more than this many. On the scaling benchmark
   * (N = 1,000: about 3,000 top-level statements) chunks of 16, 32, 64 and 128 statements took
   * 1,171, 984, 945 and 945 ms against 2,024 ms for one CFG (one run, load 20); at N = 50 (150
   * statements) no split changed the time beyond the noise, and at 300 each paid. Smaller chunks
   * pay the builder's fixed cost (its type lookups) more often; an ordinary method, with fewer
   * statements than this, is never split.
   */
  static final int DEFAULT_STATEMENTS = 64;

  private final ChunkChain chain;
  private final List<@Nullable Tree> ends;

  private ChunkedBody(ChunkChain chain, List<@Nullable Tree> ends) {
    this.chain = chain;
    this.ends = ends;
  }

  /**
   * The chunks of a method's body, or null when it has no more than {@code statements} top-level
   * statements (or {@code statements} is 0): such a body is one CFG.
   */
  static @Nullable ChunkedBody of(
      UnitAnalysis unit, TreePath methodPath, ClassTree owner, int statements) {
    MethodTree method = (MethodTree) methodPath.getLeaf();
    BlockTree body = method.getBody();
    if (statements <= 0 || body == null || body.getStatements().size() <= statements) {
      return null;
    }
    TreeMaker make = TreeMaker.instance(unit.env().getContext());
    List<? extends StatementTree> all = body.getStatements();
    List<Supplier<ControlFlowGraph>> builders = new ArrayList<>();
    List<@Nullable Tree> ends = new ArrayList<>();
    for (int from = 0; from < all.size(); from += statements) {
      int to = Math.min(all.size(), from + statements);
      List<JCTree.JCStatement> chunk = new ArrayList<>();
      for (StatementTree s : all.subList(from, to)) {
        chunk.add((JCTree.JCStatement) s);
      }
      JCTree.JCLiteral end = null;
      if (to < all.size()) {
        end = make.at(TreeInfo.endPos((JCTree) all.get(to - 1))).Literal(0);
        chunk.add(make.Exec(end));
      }
      JCTree.JCBlock block =
          make.at(TreeInfo.getStartPos((JCTree) all.get(from)))
              .Block(0, com.sun.tools.javac.util.List.from(chunk));
      ends.add(end);
      builders.add(
          () ->
              CFGBuilder.build(
                  new TreePath(methodPath, block),
                  new UnderlyingAST.CFGMethod(method, owner),
                  false,
                  false,
                  unit.env()));
    }
    return new ChunkedBody(new ChunkChain(builders, ends), ends);
  }

  /** Every chunk's CFG, in order (for the floor engine, which runs over each). */
  List<ControlFlowGraph> all() {
    List<ControlFlowGraph> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      out.add(chain.cfg(i));
    }
    return out;
  }

  /** The first chunk's CFG (the method's context is made with it). */
  ControlFlowGraph first() {
    return chain.cfg(0);
  }

  /**
   * Runs the transfer over every chunk in order and hands the method's exit store (null when no
   * path leaves normally) to {@code atExit}.
   */
  void run(
      MethodContext cx,
      SlotStore initial,
      MethodAnalyzer.Observer observer,
      Consumer<@Nullable SlotStore> atExit) {
    SlotTransfer transfer = new SlotTransfer(cx, initial);
    SlotStore store = initial;
    SlotStore exit = null;
    for (int i = 0; i < chain.size() && store != null; i++) {
      chain.enter(cx, i);
      SlotAnalysis analysis = new SlotAnalysis(transfer, i == 0 ? null : store, ends.get(i));
      ControlFlowGraph cfg = chain.cfg(i);
      analysis.performAnalysis(cfg);
      SlotStore returned = analysis.returned();
      if (returned != null) {
        exit = exit == null ? returned : returned.leastUpperBound(exit);
      }
      store = analysis.fallThrough();
      observer.fixpoint(cfg, analysis.getResult());
    }
    atExit.accept(exit);
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Where a new pass starts: the header of every natural loop of a CFG. Reaching a loop header
 * again means a back edge was taken, so reads made inside that loop belong to an earlier pass.
 *
 * <p>Loops are found the textbook way (dominators, back edges whose target dominates their source,
 * the blocks that reach the source without passing the header), so every Java loop form counts,
 * including labelled {@code continue} and retries written as loops.
 */
public final class PassBoundaries {

  private final IdentityHashMap<Node, ImmutableSet<Long>> loopEntryNodes;

  private PassBoundaries(IdentityHashMap<Node, ImmutableSet<Long>> loopEntryNodes) {
    this.loopEntryNodes = loopEntryNodes;
  }

  /** The blocks of the loop whose pass starts at this node, or null if none starts here. */
  public ImmutableSet<Long> loopStartingAt(Node node) {
    return loopEntryNodes.get(node);
  }

  public static PassBoundaries of(ControlFlowGraph cfg) {
    Graph g = new Graph(cfg.getEntryBlock());
    if (!g.hasRetreatingEdge()) {
      // No edge goes back in reverse postorder, so there is no loop: skip the dominators.
      return new PassBoundaries(new IdentityHashMap<>());
    }
    int[] idom = immediateDominators(g.predecessors());
    IdentityHashMap<Block, Set<Block>> loops = new IdentityHashMap<>();
    for (int ui = 0; ui < g.order.length; ui++) {
      for (int hi : g.succ[ui]) {
        if (dominates(idom, hi, ui)) {
          Block h = g.order[hi];
          loops.computeIfAbsent(h, k -> new HashSet<>()).addAll(loopBody(h, g.order[ui]));
        }
      }
    }
    IdentityHashMap<Node, ImmutableSet<Long>> entries = new IdentityHashMap<>();
    loops.forEach(
        (header, body) -> {
          ImmutableSet.Builder<Long> ids = ImmutableSet.builder();
          for (Block b : body) {
            ids.add(b.getUid());
          }
          ImmutableSet<Long> blockIds = ids.build();
          for (Node first : firstNodes(header, body, g::successors)) {
            ImmutableSet<Long> previous = entries.get(first);
            entries.put(
                first,
                previous == null
                    ? blockIds
                    : ImmutableSet.<Long>builder().addAll(previous).addAll(blockIds).build());
          }
        });
    return new PassBoundaries(entries);
  }

  /**
   * The blocks reachable from the entry, numbered in reverse postorder of a depth-first walk of
   * their successors (regular, then exceptional), with each block's successors by number. Built
   * in one walk with one map from block to number: every step after it works on the numbers.
   */
  private static final class Graph {
    /** The blocks in reverse postorder. */
    final Block[] order;
    /** Each block's successors, by reverse-postorder number, in {@link #successors} order. */
    final int[][] succ;

    private final IdentityHashMap<Block, Integer> found = new IdentityHashMap<>();
    private final List<List<Block>> successorsByFound = new ArrayList<>();

    Graph(Block entry) {
      // Depth-first, numbering blocks as found; the successors' found-numbers recorded per edge.
      List<int[]> succFound = new ArrayList<>();
      List<Integer> post = new ArrayList<>();
      find(entry, succFound);
      int[] stackNode = new int[16];
      int[] stackPos = new int[16];
      int depth = 1;
      while (depth > 0) {
        int top = stackNode[depth - 1];
        List<Block> next = successorsByFound.get(top);
        int pos = stackPos[depth - 1];
        if (pos < next.size()) {
          stackPos[depth - 1] = pos + 1;
          Block s = next.get(pos);
          Integer known = found.get(s);
          if (known == null) {
            int n = find(s, succFound);
            succFound.get(top)[pos] = n;
            if (depth == stackNode.length) {
              stackNode = java.util.Arrays.copyOf(stackNode, depth * 2);
              stackPos = java.util.Arrays.copyOf(stackPos, depth * 2);
            }
            stackNode[depth] = n;
            stackPos[depth] = 0;
            depth++;
          } else {
            succFound.get(top)[pos] = known;
          }
        } else {
          post.add(top);
          depth--;
        }
      }
      int n = post.size();
      int[] rpo = new int[n];
      order = new Block[n];
      for (int i = 0; i < n; i++) {
        int f = post.get(n - 1 - i);
        rpo[f] = i;
      }
      for (Map.Entry<Block, Integer> e : found.entrySet()) {
        order[rpo[e.getValue()]] = e.getKey();
      }
      succ = new int[n][];
      for (int f = 0; f < n; f++) {
        int[] out = succFound.get(f).clone();
        for (int k = 0; k < out.length; k++) {
          out[k] = rpo[out[k]];
        }
        succ[rpo[f]] = out;
      }
    }

    private int find(Block b, List<int[]> succFound) {
      int n = successorsByFound.size();
      found.put(b, n);
      List<Block> next = PassBoundaries.successors(b);
      successorsByFound.add(next);
      succFound.add(new int[next.size()]);
      return n;
    }

    /** A block's successors (regular, then exceptional), each once. */
    List<Block> successors(Block b) {
      Integer f = found.get(b);
      return f == null ? PassBoundaries.successors(b) : successorsByFound.get(f);
    }

    /** Whether some edge leads to a block not later in reverse postorder (a loop's mark). */
    boolean hasRetreatingEdge() {
      for (int i = 0; i < succ.length; i++) {
        for (int j : succ[i]) {
          if (j <= i) {
            return true;
          }
        }
      }
      return false;
    }

    /** Each block's predecessors, by number. */
    int[][] predecessors() {
      int n = succ.length;
      int[] count = new int[n];
      for (int[] out : succ) {
        for (int s : out) {
          count[s]++;
        }
      }
      int[][] preds = new int[n][];
      for (int i = 0; i < n; i++) {
        preds[i] = new int[count[i]];
        count[i] = 0;
      }
      for (int b = 0; b < n; b++) {
        for (int s : succ[b]) {
          preds[s][count[s]++] = b;
        }
      }
      return preds;
    }
  }

  /**
   * The first node the transfer function sees on entering the header; through node-less blocks,
   * within the loop. The dataflow framework never transfers an lvalue (the {@code sc} of a loop
   * head {@code (sc = sizeCtl) >= 0}), so the boundary goes on the first node that is not one.
   */
  private static List<Node> firstNodes(
      Block header, Set<Block> body, Function<Block, List<Block>> succ) {
    List<Node> out = new ArrayList<>();
    Deque<Block> work = new ArrayDeque<>();
    Set<Block> seen = new HashSet<>();
    work.add(header);
    while (!work.isEmpty()) {
      Block b = work.poll();
      if (!seen.add(b)) {
        continue;
      }
      Node first = firstTransferred(b);
      if (first != null) {
        out.add(first);
        continue;
      }
      for (Block s : succ.apply(b)) {
        if (body.contains(s)) {
          work.add(s);
        }
      }
    }
    return out;
  }

  private static @Nullable Node firstTransferred(Block block) {
    for (Node n : block.getNodes()) {
      if (!n.isLValue()) {
        return n;
      }
    }
    return null;
  }

  private static Set<Block> loopBody(Block header, Block tail) {
    Set<Block> body = new LinkedHashSet<>();
    body.add(header);
    Deque<Block> work = new ArrayDeque<>();
    work.add(tail);
    while (!work.isEmpty()) {
      Block b = work.poll();
      if (body.add(b)) {
        work.addAll(b.getPredecessors());
      }
    }
    return body;
  }

  private static List<Block> successors(Block b) {
    Set<Block> out = new LinkedHashSet<>(b.getSuccessors());
    if (b instanceof ExceptionBlock e) {
      e.getExceptionalSuccessors().values().forEach(out::addAll);
    }
    return new ArrayList<>(out);
  }

  /**
   * The immediate dominator of each node of a graph numbered in reverse postorder from its entry
   * (node 0, its own), given each node's predecessors: the iterative algorithm of Cooper, Harvey
   * and Kennedy ("A Simple, Fast Dominance Algorithm"). It replaced dominator sets, whose cost grew
   * with the square of the number of blocks; the dominance relation is the same
   * (PassBoundariesTest compares the two).
   */
  static int[] immediateDominators(int[][] preds) {
    int n = preds.length;
    int[] idom = new int[n];
    java.util.Arrays.fill(idom, -1);
    if (n == 0) {
      return idom;
    }
    idom[0] = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < n; i++) {
        int next = -1;
        for (int p : preds[i]) {
          if (idom[p] >= 0) {
            next = next < 0 ? p : intersect(idom, p, next);
          }
        }
        if (next != idom[i]) {
          idom[i] = next;
          changed = true;
        }
      }
    }
    return idom;
  }

  private static int intersect(int[] idom, int a, int b) {
    while (a != b) {
      while (a > b) {
        a = idom[a];
      }
      while (b > a) {
        b = idom[b];
      }
    }
    return a;
  }

  /** Whether node {@code d} dominates node {@code u}: it lies on {@code u}'s dominator chain. */
  static boolean dominates(int[] idom, int d, int u) {
    int x = u;
    while (x > d) {
      x = idom[x];
    }
    return x == d;
  }
}

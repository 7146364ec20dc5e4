package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
    // Each block's successors (regular and exceptional), computed once: every step below walks
    // them, and building them anew per visit was most of this class's cost.
    IdentityHashMap<Block, List<Block>> successors = new IdentityHashMap<>();
    Function<Block, List<Block>> succ =
        b -> successors.computeIfAbsent(b, PassBoundaries::successors);
    List<Block> order = reversePostorder(cfg.getEntryBlock(), succ);
    IdentityHashMap<Block, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    if (!hasRetreatingEdge(order, index, succ)) {
      // No edge goes back in reverse postorder, so there is no loop: skip the dominator sets,
      // whose cost grows with the square of the number of blocks (long straight-line methods).
      return new PassBoundaries(new IdentityHashMap<>());
    }
    int[] idom = immediateDominators(predecessors(order, index, succ));
    IdentityHashMap<Block, Set<Block>> loops = new IdentityHashMap<>();
    for (int ui = 0; ui < order.size(); ui++) {
      Block u = order.get(ui);
      for (Block h : succ.apply(u)) {
        Integer hi = index.get(h);
        if (hi != null && dominates(idom, hi, ui)) {
          loops.computeIfAbsent(h, k -> new HashSet<>()).addAll(loopBody(h, u));
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
          for (Node first : firstNodes(header, body, succ)) {
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

  /** Whether some edge leads to a block that is not later in reverse postorder (a loop's mark). */
  private static boolean hasRetreatingEdge(
      List<Block> order, IdentityHashMap<Block, Integer> index, Function<Block, List<Block>> succ) {
    for (int i = 0; i < order.size(); i++) {
      for (Block s : succ.apply(order.get(i))) {
        Integer j = index.get(s);
        if (j != null && j <= i) {
          return true;
        }
      }
    }
    return false;
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

  private static List<Block> reversePostorder(Block entry, Function<Block, List<Block>> succ) {
    List<Block> post = new ArrayList<>();
    Set<Block> seen = new HashSet<>();
    Deque<Object[]> stack = new ArrayDeque<>();
    seen.add(entry);
    stack.push(new Object[] {entry, succ.apply(entry).iterator()});
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      @SuppressWarnings("unchecked")
      java.util.Iterator<Block> it = (java.util.Iterator<Block>) top[1];
      if (it.hasNext()) {
        Block next = it.next();
        if (seen.add(next)) {
          stack.push(new Object[] {next, succ.apply(next).iterator()});
        }
      } else {
        post.add((Block) top[0]);
        stack.pop();
      }
    }
    List<Block> rpo = new ArrayList<>(post.size());
    for (int i = post.size() - 1; i >= 0; i--) {
      rpo.add(post.get(i));
    }
    return rpo;
  }

  /** Each block's predecessors, by reverse-postorder index (every block in the order). */
  private static int[][] predecessors(
      List<Block> order, IdentityHashMap<Block, Integer> index, Function<Block, List<Block>> succ) {
    int n = order.size();
    int[] count = new int[n];
    for (Block b : order) {
      for (Block s : succ.apply(b)) {
        Integer si = index.get(s);
        if (si != null) {
          count[si]++;
        }
      }
    }
    int[][] preds = new int[n][];
    for (int i = 0; i < n; i++) {
      preds[i] = new int[count[i]];
      count[i] = 0;
    }
    for (int bi = 0; bi < n; bi++) {
      for (Block s : succ.apply(order.get(bi))) {
        Integer si = index.get(s);
        if (si != null) {
          preds[si][count[si]++] = bi;
        }
      }
    }
    return preds;
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

package dev.readonce.checker.dataflow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PassBoundaries}' immediate dominators give the same dominance relation as the textbook
 * dominator sets it used before (the maximal fixpoint of dom(n) = {n} ∪ ⋂ dom(preds)), on seeded
 * random graphs with loops, irreducible edges, self-loops and edges back to the entry.
 */
class PassBoundariesTest {

  @Test
  void immediateDominatorsAgreeWithDominatorSets() {
    Random random = new Random(20261203);
    int pairs = 0;
    for (int round = 0; round < 500; round++) {
      int size = 1 + random.nextInt(40);
      List<List<Integer>> succ = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        List<Integer> out = new ArrayList<>();
        int edges = random.nextInt(4);
        for (int e = 0; e < edges; e++) {
          // Mostly forward edges (a method's straight line and branches), some back.
          int to = random.nextInt(4) == 0 ? random.nextInt(size) : i + 1 + random.nextInt(3);
          if (to < size && !out.contains(to)) {
            out.add(to);
          }
        }
        succ.add(out);
      }
      int[][] preds = predecessorsInReversePostorder(succ);
      int n = preds.length;
      int[] idom = PassBoundaries.immediateDominators(preds);
      BitSet[] sets = dominatorSets(preds);
      for (int d = 0; d < n; d++) {
        for (int u = 0; u < n; u++) {
          assertWithMessage("round %s: does %s dominate %s", round, d, u)
              .that(PassBoundaries.dominates(idom, d, u))
              .isEqualTo(sets[u].get(d));
          pairs++;
        }
      }
    }
    assertThat(pairs).isGreaterThan(10_000);
  }

  @Test
  void aLoopHeaderDominatesItsBodyAndNotTheExit() {
    // 0 -> 1 (header) -> 2 (body) -> 1, 1 -> 3 (exit); already in reverse postorder.
    int[][] preds = {{}, {0, 2}, {1}, {1}};
    int[] idom = PassBoundaries.immediateDominators(preds);
    assertThat(idom).asList().containsExactly(0, 0, 1, 1).inOrder();
    assertThat(PassBoundaries.dominates(idom, 1, 2)).isTrue();
    assertThat(PassBoundaries.dominates(idom, 2, 3)).isFalse();
  }

  /** The reachable part of the graph, renumbered in reverse postorder, as predecessor lists. */
  private static int[][] predecessorsInReversePostorder(List<List<Integer>> succ) {
    List<Integer> post = new ArrayList<>();
    boolean[] seen = new boolean[succ.size()];
    Deque<Object[]> stack = new ArrayDeque<>();
    seen[0] = true;
    stack.push(new Object[] {0, succ.get(0).iterator()});
    while (!stack.isEmpty()) {
      Object[] top = stack.peek();
      @SuppressWarnings("unchecked")
      Iterator<Integer> it = (Iterator<Integer>) top[1];
      if (it.hasNext()) {
        int next = it.next();
        if (!seen[next]) {
          seen[next] = true;
          stack.push(new Object[] {next, succ.get(next).iterator()});
        }
      } else {
        post.add((Integer) top[0]);
        stack.pop();
      }
    }
    int n = post.size();
    int[] number = new int[succ.size()];
    java.util.Arrays.fill(number, -1);
    for (int i = 0; i < n; i++) {
      number[post.get(n - 1 - i)] = i;
    }
    List<List<Integer>> preds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
    }
    for (int b = 0; b < succ.size(); b++) {
      if (number[b] < 0) {
        continue;
      }
      for (int s : succ.get(b)) {
        preds.get(number[s]).add(number[b]);
      }
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = preds.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /** The dominator sets PassBoundaries computed before: the oracle. */
  private static BitSet[] dominatorSets(int[][] preds) {
    int n = preds.length;
    BitSet[] dom = new BitSet[n];
    for (int i = 0; i < n; i++) {
      dom[i] = new BitSet(n);
      if (i == 0) {
        dom[i].set(0);
      } else {
        dom[i].set(0, n);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < n; i++) {
        BitSet next = new BitSet(n);
        next.set(0, n);
        for (int p : preds[i]) {
          next.and(dom[p]);
        }
        next.set(i);
        if (!next.equals(dom[i])) {
          dom[i] = next;
          changed = true;
        }
      }
    }
    return dom;
  }
}

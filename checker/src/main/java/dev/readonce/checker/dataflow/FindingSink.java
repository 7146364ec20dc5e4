package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.tree.JCTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;

/**
 * Collects findings while the fixpoint runs. A node's findings are replaced each time the node is
 * transferred, so after the fixpoint only those computed from its final input remain.
 */
public final class FindingSink {

  private final IdentityHashMap<Node, List<Finding>> byNode = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Set<Integer>> readParams = new IdentityHashMap<>();
  private final IdentityHashMap<Node, Set<Integer>> pointerParams = new IdentityHashMap<>();
  private final List<Finding> ofContracts = new ArrayList<>();
  private Node current;

  /** Starts the transfer of a node, forgetting what an earlier transfer of it reported. */
  void begin(Node node) {
    current = node;
    byNode.remove(node);
    readParams.remove(node);
    pointerParams.remove(node);
  }

  void report(Finding finding) {
    byNode.computeIfAbsent(current, n -> new ArrayList<>()).add(finding);
  }

  /** Reports a finding at the source tree of a CFG tree (see {@link MethodContext#sourceTree}). */
  void report(Finding finding, MethodContext cx) {
    report(finding.at(cx.sourceTree(finding.tree())));
  }

  /**
   * Reports a finding about the method itself, judged once after the fixpoint (a lock contract
   * its body does not keep), at a source tree of its own.
   */
  void reportAfterFixpoint(Finding finding) {
    ofContracts.add(finding);
  }

  /** Withdraws what an operand reported for a rule, once its enclosing node shows it was fine. */
  void retract(Node operand, Rule rule) {
    List<Finding> found = byNode.get(operand);
    if (found != null) {
      found.removeIf(f -> f.rule() == rule);
    }
  }

  /** Notes that the method reads, unlocked, the slot its parameter designates. */
  void readsParameter(int index) {
    readParams.computeIfAbsent(current, n -> new HashSet<>()).add(index);
  }

  /** Notes that the method descends from its snapshot parameter untested. */
  void requiresPointer(int index) {
    pointerParams.computeIfAbsent(current, n -> new HashSet<>()).add(index);
  }

  public ImmutableSet<Integer> parametersRead() {
    return union(readParams);
  }

  public ImmutableSet<Integer> parametersRequiringPointer() {
    return union(pointerParams);
  }

  private static ImmutableSet<Integer> union(IdentityHashMap<Node, Set<Integer>> notes) {
    ImmutableSet.Builder<Integer> out = ImmutableSet.builder();
    notes.values().forEach(out::addAll);
    return out.build();
  }

  /**
   * The findings, one per rule and tree, and one per {@link Finding#once()} key (the earliest in
   * the source), in source order.
   */
  public ImmutableList<Finding> findings() {
    List<Finding> all = new ArrayList<>();
    byNode.values().forEach(all::addAll);
    all.addAll(ofContracts);
    all.sort(Comparator.comparingInt(f -> ((JCTree) f.tree()).getStartPosition()));
    Map<Object, Finding> unique = new LinkedHashMap<>();
    Set<Object> onceSeen = new HashSet<>();
    for (Finding f : all) {
      if (f.once() != null && !onceSeen.add(List.of(f.rule(), f.once()))) {
        continue;
      }
      unique.putIfAbsent(List.of(f.rule(), new Identity(f.tree())), f);
    }
    return shareRereadFixes(groupSnapshotFixes(List.copyOf(unique.values())));
  }

  /**
   * A plain read that an {@link Rule#UNLOCKED_REREAD} fix rewrites (into the snapshot local, or
   * away with its statement) gets that same fix instead of its own atomic variant. Patch mode
   * with both checks then applies one edit twice, which it merges, instead of two overlapping
   * edits of one read, of which it keeps one and drops the other (leaving a read the snapshot
   * fix meant to remove). The snapshot fix reads atomically itself, so it fixes the plain read.
   */
  private static ImmutableList<Finding> shareRereadFixes(List<Finding> findings) {
    Map<Identity, FixPlan> rewritten = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (f.rule() != Rule.UNLOCKED_REREAD || f.fix() == null) {
        continue;
      }
      rewritten.putIfAbsent(new Identity(f.tree()), f.fix());
      if (f.fix() instanceof FixPlan.IntroduceSnapshot plan) {
        rewritten.putIfAbsent(new Identity(plan.first()), plan);
        plan.rereads().forEach(r -> rewritten.putIfAbsent(new Identity(r), plan));
      }
    }
    if (rewritten.isEmpty()) {
      return ImmutableList.copyOf(findings);
    }
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    for (Finding f : findings) {
      FixPlan shared =
          f.rule() == Rule.PLAIN_SLOT_READ ? rewritten.get(new Identity(f.tree())) : null;
      out.add(shared == null ? f : f.withFix(shared));
    }
    return out.build();
  }

  /**
   * Second reads of one first read share one fix: the first finding introduces the snapshot
   * local and replaces every read of the pass; the others carry no fix of their own, so patch
   * mode applies one coherent edit.
   */
  private static List<Finding> groupSnapshotFixes(List<Finding> findings) {
    Map<Identity, Integer> owner = new LinkedHashMap<>();
    List<Finding> out = new ArrayList<>(findings);
    for (int i = 0; i < out.size(); i++) {
      if (!(out.get(i).fix() instanceof FixPlan.IntroduceSnapshot plan)) {
        continue;
      }
      Integer first = owner.putIfAbsent(new Identity(plan.first()), i);
      if (first != null) {
        Finding head = out.get(first);
        FixPlan.IntroduceSnapshot merged =
            ((FixPlan.IntroduceSnapshot) head.fix()).withReread(out.get(i).tree());
        out.set(first, head.withFix(merged));
        out.set(i, out.get(i).withFix(null));
      }
    }
    return out;
  }

  /** Identity of a tree as a map key (trees do not define equality). */
  private record Identity(Object tree) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity i && i.tree == tree;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(tree);
    }
  }
}

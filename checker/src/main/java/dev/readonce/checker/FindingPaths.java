package dev.readonce.checker;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import dev.readonce.checker.analysis.UnitAnalysis;
import dev.readonce.checker.dataflow.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The source trees of a unit at which a check reports its rule's findings, with their paths (for
 * {@code @SuppressWarnings}), in source order. The unit is scanned once for all checks ({@link
 * UnitAnalysis#findingPaths}); each check only filters. A finding on a tree that is not in the
 * source (one the CFG made up) is not reported, as Error Prone never visits such a tree.
 */
final class FindingPaths {

  private FindingPaths() {}

  static List<TreePath> of(
      UnitAnalysis analysis, Rule rule, Predicate<Tree> reportsAt) {
    List<TreePath> out = new ArrayList<>();
    for (TreePath path : analysis.findingPaths()) {
      Tree tree = path.getLeaf();
      if (reportsAt.test(tree) && !analysis.findingsAt(tree, rule).isEmpty()) {
        out.add(path);
      }
    }
    return out;
  }
}

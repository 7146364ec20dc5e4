package dev.readonce.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.readonce.checker.analysis.UnitAnalysis;
import dev.readonce.checker.dataflow.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The source trees of a unit at which a check reports its rule's findings, with their paths (for
 * {@code @SuppressWarnings}), in source order: one scan of the unit, done only for a unit that has
 * findings. A finding on a tree that is not in the source (one the CFG made up) is not reported, as
 * Error Prone never visits such a tree.
 */
final class FindingPaths {

  private FindingPaths() {}

  static List<TreePath> of(
      CompilationUnitTree unit, UnitAnalysis analysis, Rule rule, Predicate<Tree> reportsAt) {
    List<TreePath> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null && reportsAt.test(tree) && !analysis.findingsAt(tree, rule).isEmpty()) {
          out.add(new TreePath(getCurrentPath(), tree));
        }
        return super.scan(tree, null);
      }
    }.scan(unit, null);
    return out;
  }
}

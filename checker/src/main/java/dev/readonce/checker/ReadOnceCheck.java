package dev.readonce.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import dev.readonce.checker.analysis.Analyses;
import dev.readonce.checker.analysis.UnitAnalysis;
import dev.readonce.checker.dataflow.Finding;
import dev.readonce.checker.dataflow.Rule;
import dev.readonce.checker.model.ContractsFactory;

/**
 * The shape every ReadOnce check shares: the analysis runs once per compilation unit (shared by
 * all checks), and each check reports its rule's findings at the exact tree they concern.
 *
 * <p>Each check is one matcher per compilation unit. Error Prone calls every matcher of every
 * enabled check on every tree of its kind, with its suppression and timing bookkeeping around each
 * call; with the checks matching identifiers, member selects, calls and stores, that dispatch was
 * about half of what the checks cost on code with no slot at all (and more in a cold compile, where
 * it runs in the interpreter). Reporting at a tree from the unit's matcher means the check honours
 * {@code @SuppressWarnings} itself ({@link FindingPaths}), on every declaration enclosing the tree,
 * local variables included, as Error Prone would.
 *
 * <p>A check reports only at the kinds of tree its rule reports at (the nested marker interfaces),
 * which are the trees Error Prone itself would have visited.
 */
abstract class ReadOnceCheck extends BugChecker implements CompilationUnitTreeMatcher {

  private final ReadOnceConfig config;

  ReadOnceCheck(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  abstract Rule rule();

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitAnalysis analysis =
        Analyses.instance(
                state,
                context -> ContractsFactory.create(context, config),
                config.audit(),
                config.prepass())
            .forUnit(state);
    if (analysis.hasNoFindings()) {
      return Description.NO_MATCH;
    }
    for (TreePath path : FindingPaths.of(unit, analysis, rule(), this::reportsAt)) {
      if (!suppressed(path, state)) {
        state.reportMatch(describe(path.getLeaf(), analysis, state));
      }
    }
    return Description.NO_MATCH;
  }

  private Description describe(Tree tree, UnitAnalysis analysis, VisitorState state) {
    ImmutableList<Finding> found = analysis.findingsAt(tree, rule());
    Finding finding = found.get(0);
    Description.Builder description = buildDescription(tree).setMessage(finding.message());
    SuggestedFix fix = Fixes.toFix(finding.fix(), state);
    if (fix != null) {
      description.addFix(fix);
    }
    return description.build();
  }

  /** Whether a declaration enclosing the tree suppresses this check. */
  private boolean suppressed(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if ((leaf instanceof ClassTree || leaf instanceof MethodTree || leaf instanceof VariableTree)
          && isSuppressed(leaf, state)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this check reports at the kind of {@code tree}. */
  private boolean reportsAt(Tree tree) {
    return (this instanceof AtCalls && tree instanceof MethodInvocationTree)
        || (this instanceof AtNames && tree instanceof IdentifierTree)
        || (this instanceof AtAccesses
            && (tree instanceof MemberSelectTree || tree instanceof ArrayAccessTree))
        || (this instanceof AtStores
            && (tree instanceof AssignmentTree
                || tree instanceof CompoundAssignmentTree
                || tree instanceof UnaryTree));
  }

  /** A check that reports at calls: accessor reads, {@code set}, descents, handles passed. */
  interface AtCalls {}

  /** A check that reports at names: a field read by its simple name, a snapshot local used. */
  interface AtNames {}

  /** A check that reports at field and array-element accesses: {@code p.next}, {@code t[i]}. */
  interface AtAccesses {}

  /** A check that reports at stores: {@code =}, {@code +=}, {@code ++}. */
  interface AtStores {}
}

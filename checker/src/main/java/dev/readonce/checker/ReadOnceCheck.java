package dev.readonce.checker;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.CompilationUnitTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.analysis.Analyses;
import dev.readonce.checker.analysis.UnitAnalysis;
import dev.readonce.checker.dataflow.Finding;
import dev.readonce.checker.dataflow.Rule;
import dev.readonce.checker.model.ContractsFactory;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;

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
 * local variables included, as Error Prone would. On a local variable (or parameter) it also covers
 * the findings about the snapshot the variable holds, which are reported later, outside its
 * declaration: at a use of it, as the reported tree or a receiver or argument of the reported call
 * ({@code Pt.lower(v, 0)}), and at a re-read of its slot while it decides.
 *
 * <p>A check reports only at the kinds of tree its rule reports at (the nested marker interfaces),
 * which are the trees Error Prone itself would have visited.
 */
abstract class ReadOnceCheck extends BugChecker implements CompilationUnitTreeMatcher {

  /** Variables whose declarations are not enclosing declarations of the code that uses them. */
  private static final ImmutableSet<ElementKind> VARIABLES =
      Sets.immutableEnumSet(
          ElementKind.LOCAL_VARIABLE,
          ElementKind.PARAMETER,
          ElementKind.RESOURCE_VARIABLE,
          ElementKind.EXCEPTION_PARAMETER,
          ElementKind.BINDING_VARIABLE);

  private final ReadOnceConfig config;

  ReadOnceCheck(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  abstract Rule rule();

  /** The check's page: the hosted copy when {@code ReadOnce:DocsBaseUrl} is set. */
  @Override
  public String linkUrl() {
    return Docs.link(config.docsBaseUrl(), canonicalName());
  }

  @Override
  public final Description matchCompilationUnit(CompilationUnitTree unit, VisitorState state) {
    UnitAnalysis analysis =
        Analyses.instance(
                state,
                context -> ContractsFactory.create(context, config),
                config.audit(),
                config.prepass(),
                config.engine())
            .forUnit(state);
    if (analysis.hasNoFindings()) {
      return Description.NO_MATCH;
    }
    for (TreePath path : FindingPaths.of(analysis, rule(), this::reportsAt)) {
      if (suppressed(path, state)) {
        continue;
      }
      Tree tree = path.getLeaf();
      for (Finding finding : analysis.findingsAt(tree, rule())) {
        if (!suppressedByVariable(finding, state)) {
          state.reportMatch(describe(tree, finding, state));
          break;
        }
      }
    }
    return Description.NO_MATCH;
  }

  private Description describe(Tree tree, Finding finding, VisitorState state) {
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

  /**
   * Whether {@code @SuppressWarnings} on a variable silences the finding: one the finding is
   * about, or one used at its tree. A local's declaration encloses just its initializer, so the
   * enclosing-declaration test above does not see it.
   */
  private boolean suppressedByVariable(Finding finding, VisitorState state) {
    if (finding.about() != null && isSuppressed(finding.about(), state)) {
      return true;
    }
    for (ExpressionTree used : usedAt(finding.tree())) {
      if (ASTHelpers.getSymbol(valueSource(used)) instanceof VarSymbol variable
          && VARIABLES.contains(variable.getKind())
          && isSuppressed(variable, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The expression whose value an operand passes on: through parentheses and assignment
   * expressions, since {@code f((t = v))} uses {@code v}'s value.
   */
  private static ExpressionTree valueSource(ExpressionTree operand) {
    ExpressionTree e = ASTHelpers.stripParentheses(operand);
    while (e instanceof AssignmentTree assignment) {
      e = ASTHelpers.stripParentheses(assignment.getExpression());
    }
    return e;
  }

  /** The expressions a finding's tree uses directly: itself, or a call's receiver and arguments. */
  private static List<ExpressionTree> usedAt(Tree tree) {
    if (tree instanceof MethodInvocationTree call) {
      List<ExpressionTree> used = new ArrayList<>(call.getArguments());
      if (call.getMethodSelect() instanceof MemberSelectTree select) {
        used.add(select.getExpression());
      }
      return used;
    }
    return tree instanceof IdentifierTree identifier ? List.of(identifier) : List.of();
  }

  /** Whether this check reports at the kind of {@code tree}. */
  private boolean reportsAt(Tree tree) {
    return (this instanceof AtCalls
            && (tree instanceof MethodInvocationTree || tree instanceof MemberReferenceTree))
        || (this instanceof AtNames && tree instanceof IdentifierTree)
        || (this instanceof AtMethods && tree instanceof MethodTree)
        || (this instanceof AtAccesses
            && (tree instanceof MemberSelectTree || tree instanceof ArrayAccessTree))
        || (this instanceof AtStores
            && (tree instanceof AssignmentTree
                || tree instanceof CompoundAssignmentTree
                || tree instanceof UnaryTree));
  }

  /**
   * A check that reports at calls (accessor reads, {@code set}, descents, handles passed) and at
   * method references, which call their method wherever they are invoked.
   */
  interface AtCalls {}

  /** A check that reports at names: a field read by its simple name, a snapshot local used. */
  interface AtNames {}

  /** A check that reports at field and array-element accesses: {@code p.next}, {@code t[i]}. */
  interface AtAccesses {}

  /** A check that reports at stores: {@code =}, {@code +=}, {@code ++}. */
  interface AtStores {}

  /** A check that reports at method declarations: a lock contract the body does not keep. */
  interface AtMethods {}
}

package dev.readonce.checker;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ArrayAccessTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.AssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.CompoundAssignmentTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.IdentifierTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MemberSelectTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.UnaryTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.analysis.Analyses;
import dev.readonce.checker.analysis.UnitAnalysis;
import dev.readonce.checker.dataflow.Finding;
import dev.readonce.checker.dataflow.Rule;
import dev.readonce.checker.model.ContractsFactory;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * The shape every ReadOnce check shares: the analysis runs once per compilation unit (shared by
 * all checks), and each check reports its rule's findings at the exact tree they concern, so
 * {@code @SuppressWarnings} works on any enclosing declaration. On a local variable (or
 * parameter) it also covers the findings about the snapshot the variable holds, which are
 * reported later, outside its declaration: at a use of it, as the reported tree or a receiver or
 * argument of the reported call ({@code Pt.lower(v, 0)}), and at a re-read of its slot while it
 * decides.
 *
 * <p>Each check matches only the kinds of tree its rule reports at (the nested interfaces), since
 * Error Prone calls every matcher of every enabled check on every tree of its kind: with all six
 * checks matching every identifier and member select, that dispatch alone cost about 4% of
 * compile time on code with no slot at all. A rule that starts reporting at a new kind of tree
 * must add the interface to its check.
 */
abstract class ReadOnceCheck extends BugChecker {

  /** Variables whose declarations are not enclosing declarations of the code that uses them. */
  private static final ImmutableSet<ElementKind> VARIABLES =
      Sets.immutableEnumSet(
          ElementKind.LOCAL_VARIABLE,
          ElementKind.PARAMETER,
          ElementKind.RESOURCE_VARIABLE,
          ElementKind.EXCEPTION_PARAMETER,
          ElementKind.BINDING_VARIABLE);

  private final ReadOnceConfig config;

  /**
   * The last compilation unit found to have no findings at all. Each check is called on every
   * identifier, member select, call and assignment of every unit; in the usual unit, which has no
   * finding, this turns each of those calls into one comparison instead of a context lookup and a
   * map probe (a measurable share of compile time on code without slots).
   */
  private @Nullable CompilationUnitTree quietUnit;

  ReadOnceCheck(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  abstract Rule rule();

  /** The check's page: the hosted copy when {@code ReadOnce:DocsBaseUrl} is set. */
  @Override
  public String linkUrl() {
    return Docs.link(config.docsBaseUrl(), canonicalName());
  }

  /** This check's finding at exactly this tree, if any. */
  public final Description report(Tree tree, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (unit == quietUnit) {
      return Description.NO_MATCH;
    }
    UnitAnalysis analysis =
        Analyses.instance(
                state, context -> ContractsFactory.create(context, config), config.audit())
            .forUnit(state);
    if (analysis.hasNoFindings()) {
      quietUnit = unit;
      return Description.NO_MATCH;
    }
    Finding finding =
        analysis.findingsAt(tree, rule()).stream()
            .filter(f -> !suppressedByVariable(f, state))
            .findFirst()
            .orElse(null);
    if (finding == null) {
      return Description.NO_MATCH;
    }
    Description.Builder description = buildDescription(tree).setMessage(finding.message());
    com.google.errorprone.fixes.SuggestedFix fix = Fixes.toFix(finding.fix(), state);
    if (fix != null) {
      description.addFix(fix);
    }
    return description.build();
  }

  /**
   * Whether {@code @SuppressWarnings} on a variable silences the finding: one the finding is
   * about, or one used at its tree. Error Prone honours only the declarations that enclose the
   * reported tree, and a local's declaration encloses just its initializer.
   */
  private boolean suppressedByVariable(Finding finding, VisitorState state) {
    if (finding.about() != null && isSuppressed(finding.about(), state)) {
      return true;
    }
    for (ExpressionTree used : usedAt(finding.tree())) {
      if (ASTHelpers.getSymbol(ASTHelpers.stripParentheses(used)) instanceof VarSymbol variable
          && VARIABLES.contains(variable.getKind())
          && isSuppressed(variable, state)) {
        return true;
      }
    }
    return false;
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

  /** A check that reports at calls: accessor reads, {@code set}, descents, handles passed. */
  interface AtCalls extends MethodInvocationTreeMatcher {
    Description report(Tree tree, VisitorState state);

    @Override
    default Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return report(tree, state);
    }
  }

  /** A check that reports at names: a field read by its simple name, a snapshot local used. */
  interface AtNames extends IdentifierTreeMatcher {
    Description report(Tree tree, VisitorState state);

    @Override
    default Description matchIdentifier(IdentifierTree tree, VisitorState state) {
      return report(tree, state);
    }
  }

  /** A check that reports at field and array-element accesses: {@code p.next}, {@code t[i]}. */
  interface AtAccesses extends MemberSelectTreeMatcher, ArrayAccessTreeMatcher {
    Description report(Tree tree, VisitorState state);

    @Override
    default Description matchMemberSelect(MemberSelectTree tree, VisitorState state) {
      return report(tree, state);
    }

    @Override
    default Description matchArrayAccess(ArrayAccessTree tree, VisitorState state) {
      return report(tree, state);
    }
  }

  /** A check that reports at stores: {@code =}, {@code +=}, {@code ++}. */
  interface AtStores
      extends AssignmentTreeMatcher, CompoundAssignmentTreeMatcher, UnaryTreeMatcher {
    Description report(Tree tree, VisitorState state);

    @Override
    default Description matchAssignment(AssignmentTree tree, VisitorState state) {
      return report(tree, state);
    }

    @Override
    default Description matchCompoundAssignment(CompoundAssignmentTree tree, VisitorState state) {
      return report(tree, state);
    }

    @Override
    default Description matchUnary(UnaryTree tree, VisitorState state) {
      return report(tree, state);
    }
  }
}

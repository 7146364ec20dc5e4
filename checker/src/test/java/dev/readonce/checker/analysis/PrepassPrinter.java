package dev.readonce.checker.analysis;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.LambdaExpressionTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.ContractsFactory;
import javax.inject.Inject;

/**
 * Test-only: reports, at every method and lambda with a body in a file named {@code *Case.java}
 * (the shared fixtures are left out), whether the feasibility pre-pass skips it ("pre-pass
 * skips") or it is analyzed ("analyzed"), as the checks decide it.
 */
@BugPattern(summary = "Prints the feasibility pre-pass's decision per body", severity = WARNING)
public final class PrepassPrinter extends BugChecker
    implements MethodTreeMatcher, LambdaExpressionTreeMatcher {

  private final ReadOnceConfig config;

  @Inject
  PrepassPrinter(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  private UnitAnalysis unit(VisitorState state, Contracts contracts) {
    return new UnitAnalysis(
        state.getPath().getCompilationUnit(),
        contracts,
        UnitAnalysis.Settings.DEFAULT,
        state.getTypes(),
        JavacProcessingEnvironment.instance(state.context));
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!isCase(state)
        || tree.getBody() == null
        || !(TreeInfo.symbolFor((JCTree) tree) instanceof MethodSymbol m)) {
      return Description.NO_MATCH;
    }
    Contracts contracts = ContractsFactory.create(state.context, config);
    MethodResult result =
        MethodAnalyzer.analyzeMethod(
            unit(state, contracts), state.getPath(), m, m, new Relevance(contracts), false);
    return describe(tree, result);
  }

  @Override
  public Description matchLambdaExpression(LambdaExpressionTree tree, VisitorState state) {
    if (!isCase(state)) {
      return Description.NO_MATCH;
    }
    Contracts contracts = ContractsFactory.create(state.context, config);
    Symbol descriptor =
        ((JCTree.JCLambda) tree).type == null
            ? null
            : state.getTypes().findDescriptorSymbol(((JCTree.JCLambda) tree).type.tsym);
    MethodResult result =
        MethodAnalyzer.analyzeLambda(
            unit(state, contracts),
            state.getPath(),
            descriptor instanceof MethodSymbol d ? d : null,
            new Relevance(contracts));
    return describe(tree, result);
  }

  private static boolean isCase(VisitorState state) {
    return state.getPath().getCompilationUnit().getSourceFile().getName().endsWith("Case.java");
  }

  private Description describe(com.sun.source.tree.Tree tree, MethodResult result) {
    return buildDescription(tree)
        .setMessage(result.skipped() ? "pre-pass skips" : "analyzed")
        .build();
  }
}

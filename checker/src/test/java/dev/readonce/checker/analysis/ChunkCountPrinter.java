package dev.readonce.checker.analysis;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.ContractsFactory;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/**
 * Test-only: reports how many CFGs the analysis of each method ran over and how many nodes each
 * had, so that {@code ChunksUsedTest} can show the flag splits a body (and the equivalence tests
 * compare something).
 */
@BugPattern(summary = "Prints the CFGs a method is analyzed in", severity = WARNING)
public final class ChunkCountPrinter extends BugChecker implements MethodTreeMatcher {

  private final ReadOnceConfig config;

  @Inject
  ChunkCountPrinter(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (tree.getBody() == null || !(TreeInfo.symbolFor((JCTree) tree) instanceof MethodSymbol m)) {
      return Description.NO_MATCH;
    }
    Contracts contracts = ContractsFactory.create(state.context, config);
    UnitAnalysis unit =
        new UnitAnalysis(
            state.getPath().getCompilationUnit(),
            contracts,
            UnitAnalysis.Settings.DEFAULT
                .withPrepass(false)
                .withChunkStatements(config.chunkStatements()),
            state.getTypes(),
            JavacProcessingEnvironment.instance(state.context));
    List<Integer> sizes = new ArrayList<>();
    MethodAnalyzer.analyzeMethod(
        unit,
        state.getPath(),
        m,
        m,
        new Relevance(contracts),
        true,
        (cfg, stores) -> sizes.add(cfg.getAllNodes().size()));
    return buildDescription(tree).setMessage("cfgs=" + sizes.size()).build();
  }
}

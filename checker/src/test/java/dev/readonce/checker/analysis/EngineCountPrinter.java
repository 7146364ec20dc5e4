package dev.readonce.checker.analysis;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.ContractsFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test-only: at each top-level class of a file named {@code *Case.java}, analyzes the whole unit
 * once with each engine and reports, per engine, how many bodies it analyzed (one CFG each) and how
 * many findings it made: {@code dataflow 4 bodies 1 findings; floor 4 bodies 0 findings; ...}.
 */
@BugPattern(summary = "Prints each engine's analyzed bodies and findings", severity = WARNING)
public final class EngineCountPrinter extends BugChecker implements ClassTreeMatcher {

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    if (!unit.getSourceFile().getName().endsWith("Case.java")
        || !(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)) {
      return Description.NO_MATCH;
    }
    List<String> counts = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      Contracts contracts =
          ContractsFactory.create(
              state.context,
              new ReadOnceConfig(ImmutableList.of(), false, Optional.empty(), true, engine));
      UnitAnalysis analysis =
          new UnitAnalysis(
              unit,
              contracts,
              UnitAnalysis.Settings.DEFAULT.withEngine(engine),
              state.getTypes(),
              JavacProcessingEnvironment.instance(state.context));
      int findings = analysis.allFindings().size();
      counts.add(
          engine.name().toLowerCase(java.util.Locale.ROOT)
              + " "
              + analysis.bodiesAnalyzed()
              + " bodies "
              + findings
              + " findings");
    }
    return buildDescription(tree).setMessage(String.join("; ", counts)).build();
  }
}

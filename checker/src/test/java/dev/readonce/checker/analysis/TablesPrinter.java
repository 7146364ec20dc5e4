package dev.readonce.checker.analysis;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.ContractsFactory;
import java.util.Map;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * Test-only: reports, at every method with a body in a file named {@code *Case.java}, the array
 * accessor calls the analysis seeds its parameters from ({@link TableParameters}), as the
 * pre-pass's scan gives them and as the analysis's own scan does, and whether the two agree.
 */
@BugPattern(summary = "Prints the array accessor calls of each body, both ways", severity = WARNING)
public final class TablesPrinter extends BugChecker implements MethodTreeMatcher {

  private final ReadOnceConfig config;

  @Inject
  TablesPrinter(ErrorProneFlags flags) {
    this.config = ReadOnceConfig.from(flags);
  }

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    if (!state.getPath().getCompilationUnit().getSourceFile().getName().endsWith("Case.java")
        || tree.getBody() == null) {
      return Description.NO_MATCH;
    }
    Contracts contracts = ContractsFactory.create(state.context, config);
    // What the pre-pass's one scan of the body recorded (null: it skipped a lambda or class).
    Feasibility prepass = new Feasibility(contracts);
    prepass.mayFind(tree.getBody(), false, m -> false);
    Map<VarSymbol, AccessorDecl> folded = prepass.takeTables(tree.getBody());
    Map<VarSymbol, AccessorDecl> scanned = TableParameters.scan(contracts, tree.getBody());
    return buildDescription(tree)
        .setMessage(
            folded == null
                ? "tables: " + names(scanned) + " rescanned"
                : "tables: "
                    + names(folded)
                    + " from the pre-pass"
                    + (folded.equals(scanned) ? " (same)" : " (DIFFERENT: " + names(scanned) + ")"))
        .build();
  }

  private static String names(Map<VarSymbol, AccessorDecl> tables) {
    return tables.keySet().stream()
        .map(v -> v.getSimpleName().toString())
        .collect(Collectors.joining(",", "[", "]"));
  }
}

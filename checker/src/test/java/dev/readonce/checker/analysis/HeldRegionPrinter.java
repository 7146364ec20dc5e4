package dev.readonce.checker.analysis;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.ReadOnceConfig;
import dev.readonce.checker.dataflow.LockRegion;
import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.ContractsFactory;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;

/**
 * Test-only: prints, for every statement of a method (a compound one for its own nodes, such as a
 * condition), the lock regions held on every evaluation of it (the intersection over the stores
 * after its source nodes), as one diagnostic per method whose message is the listing. Pinned as
 * text by {@code HeldRegionsTest}, like Error Prone's {@code HeldLockAnalyzerTest}: a change in the
 * engine's regions shows as a changed line.
 */
@BugPattern(summary = "Prints the held lock regions at each statement", severity = WARNING)
public final class HeldRegionPrinter extends BugChecker implements MethodTreeMatcher {

  private final ReadOnceConfig config;

  @Inject
  HeldRegionPrinter(ErrorProneFlags flags) {
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
            // No feasibility pre-pass: the printer analyzes every body, as before it.
            UnitAnalysis.Settings.DEFAULT
                .withPrepass(false)
                .withChunkStatements(config.chunkStatements()),
            state.getTypes(),
            com.sun.tools.javac.processing.JavacProcessingEnvironment.instance(state.context));
    Map<StatementTree, Set<String>> held = new LinkedHashMap<>();
    IdentityHashMap<Tree, StatementTree> statementOf = new IdentityHashMap<>();
    for (StatementTree s : statements(tree.getBody(), statementOf)) {
      held.put(s, null);
    }
    MethodAnalyzer.analyzeMethod(
        unit,
        state.getPath(),
        m,
        m,
        new Relevance(contracts),
        true,
        (cfg, stores) -> {
          for (Node node : cfg.getAllNodes()) {
            StatementTree statement =
                node.getTree() == null ? null : statementOf.get(node.getTree());
            // The store after a node: a region ends as the first node outside its block is
            // entered, so the store before that node still shows it. A statement's own marker
            // nodes (an expression statement's, the monitor's end) are left out: they show the
            // state after the statement, not during it.
            SlotStore after =
                statement == null || node.getTree() == statement || node.isLValue()
                    ? null
                    : stores.getStoreAfter(node);
            if (after == null) {
              continue;
            }
            Set<String> here = new LinkedHashSet<>();
            for (LockRegion region : after.locks().values()) {
              here.add(region.slot() + (region.monitor() != null ? " (monitor)" : " (lock)"));
            }
            Set<String> known = held.get(statement);
            if (known == null) {
              held.put(statement, here);
            } else {
              known.retainAll(here);
            }
          }
        });
    if (held.values().stream().allMatch(r -> r == null || r.isEmpty())) {
      return Description.NO_MATCH; // nothing is ever held: not a method this test looks at
    }
    List<String> lines = new ArrayList<>();
    held.forEach(
        (statement, regions) -> {
          long line =
              state
                  .getPath()
                  .getCompilationUnit()
                  .getLineMap()
                  .getLineNumber(TreeInfo.getStartPos((JCTree) statement));
          String text = state.getSourceForNode(statement);
          text = text == null ? statement.getKind().toString() : head(text);
          String shown =
              regions == null ? "(no node)" : regions.isEmpty() ? "-" : String.join(", ", regions);
          lines.add(line + " " + text + " | " + shown);
        });
    return buildDescription(tree).setMessage("\n" + String.join("\n", lines) + "\n").build();
  }

  /** A statement's text up to its first block, on one line. */
  private static String head(String source) {
    int brace = source.indexOf('{');
    String cut = brace < 0 ? source : source.substring(0, brace);
    return cut.replaceAll("\\s+", " ").trim();
  }

  /**
   * The body's statements other than blocks, in source order; fills {@code out} with each source
   * tree's innermost such statement.
   */
  private static List<StatementTree> statements(
      BlockTree body, IdentityHashMap<Tree, StatementTree> out) {
    List<StatementTree> order = new ArrayList<>();
    new TreeScanner<Void, StatementTree>() {
      @Override
      public Void scan(Tree node, StatementTree enclosing) {
        if (node == null) {
          return null;
        }
        StatementTree here = enclosing;
        if (node instanceof StatementTree s && isSimple(s)) {
          here = s;
          order.add(s);
        }
        if (here != null) {
          out.put(node, here);
        }
        return super.scan(node, here);
      }
    }.scan(body, null);
    return order;
  }

  private static boolean isSimple(StatementTree s) {
    return !(s instanceof BlockTree);
  }
}

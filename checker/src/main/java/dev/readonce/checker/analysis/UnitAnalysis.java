package dev.readonce.checker.analysis;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.processing.JavacProcessingEnvironment;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.dataflow.AuditDiscipline;
import dev.readonce.checker.dataflow.CallModel;
import dev.readonce.checker.dataflow.FieldVarHandles;
import dev.readonce.checker.dataflow.Finding;
import dev.readonce.checker.dataflow.Rule;
import dev.readonce.checker.dataflow.Summaries;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.AuditContracts;
import dev.readonce.checker.model.Contracts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The analysis of one compilation unit: every method and lambda that can touch a slot, analyzed
 * once, their findings indexed by tree, and their summaries for callers in the same unit.
 */
public final class UnitAnalysis implements Summaries {

  private final CompilationUnitTree unit;
  private final int chunkStatements;
  private final Contracts contracts;
  private final CallModel calls;
  private final Types types;
  private final JavacProcessingEnvironment env;
  private final Relevance relevance;
  private final @Nullable Feasibility feasibility;
  private final Engine engine;
  private int bodiesAnalyzed;
  private final Map<MethodSymbol, TreePath> methods = new LinkedHashMap<>();
  private final List<TreePath> lambdas = new ArrayList<>();
  private final Map<MethodSymbol, MethodSymbol> referencedAs = new HashMap<>();
  private final IdentityHashMap<Tree, MethodResult> results = new IdentityHashMap<>();
  private final Set<MethodSymbol> inProgress = new HashSet<>();
  private IdentityHashMap<Tree, List<Finding>> findingsByTree;
  private @Nullable ImmutableList<TreePath> findingPaths;

  /**
   * How a unit is analyzed.
   *
   * @param audit audit mode: contracts inferred from the code's own discipline
   * @param prepass whether the feasibility pre-pass may skip bodies ({@link Feasibility})
   * @param chunkStatements a body with more top-level statements is analyzed in chunks of this
   *     many ({@link ChunkedBody}); 0: never
   * @param engine what runs over each analyzed body
   */
  record Settings(boolean audit, boolean prepass, int chunkStatements, Engine engine) {

    /** The defaults: declared contracts, the pre-pass, chunks, the analysis. */
    static final Settings DEFAULT =
        new Settings(false, true, ChunkedBody.DEFAULT_STATEMENTS, Engine.DATAFLOW);

    Settings withPrepass(boolean on) {
      return new Settings(audit, on, chunkStatements, engine);
    }

    Settings withChunkStatements(int k) {
      return new Settings(audit, prepass, k, engine);
    }

    Settings withEngine(Engine e) {
      return new Settings(audit, prepass, chunkStatements, e);
    }
  }

  UnitAnalysis(
      CompilationUnitTree unit,
      Contracts declared,
      Settings settings,
      Types types,
      JavacProcessingEnvironment env) {
    boolean audit = settings.audit();
    boolean prepass = settings.prepass();
    int chunkStatements = settings.chunkStatements();
    Engine engine = settings.engine();
    this.unit = unit;
    this.chunkStatements = chunkStatements;
    this.engine = engine;
    // A scan of the whole unit: done only when a method is analyzed, or up front in audit mode,
    // whose slots include the fields accessed through VarHandles.
    Supplier<FieldVarHandles> handles = Suppliers.memoize(() -> FieldVarHandles.scan(unit));
    AuditDiscipline discipline = audit ? AuditDiscipline.scan(unit, handles.get()) : null;
    this.contracts =
        discipline != null
            ? new AuditContracts(
                declared,
                handles.get().accessedFields(),
                handles.get().handles(),
                discipline.disciplined(),
                discipline.copyOnWrite(),
                discipline.calledUnderLock(),
                discipline.constructorHelpers(),
                discipline.fieldsWritten())
            : declared;
    this.types = types;
    this.env = env;
    this.calls =
        new CallModel(contracts, handles, VisitorState.createForUtilityPurposes(env.getContext()));
    this.relevance = new Relevance(contracts);
    this.feasibility = prepass ? new Feasibility(contracts) : null;
    collect();
  }

  CompilationUnitTree unit() {
    return unit;
  }

  /** Top-level statements per chunk of a long body ({@link ChunkedBody}); 0: one CFG per body. */
  int chunkStatements() {
    return chunkStatements;
  }

  private void collect() {
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        Symbol symbol = TreeInfo.symbolFor((JCTree) tree);
        if (symbol instanceof MethodSymbol m) {
          methods.put(m, getCurrentPath());
        }
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
        lambdas.add(getCurrentPath());
        return super.visitLambdaExpression(tree, null);
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
        // A method reference implementing a callback inherits the callback's snapshot contract.
        Symbol target = TreeInfo.symbol((JCTree) tree);
        JCTree.JCMemberReference ref = (JCTree.JCMemberReference) tree;
        if (target instanceof MethodSymbol m && ref.type != null) {
          Symbol descriptor = types.findDescriptorSymbol(ref.type.tsym);
          if (descriptor instanceof MethodSymbol d) {
            referencedAs.put(m, d);
          }
        }
        return super.visitMemberReference(tree, null);
      }
    }.scan(unit, null);
  }

  /** The findings of one rule reported at exactly this tree. */
  public ImmutableList<Finding> findingsAt(Tree tree, Rule rule) {
    List<Finding> found = findingsByTree().get(tree);
    if (found == null) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    for (Finding f : found) {
      if (f.rule() == rule) {
        out.add(f);
      }
    }
    return out.build();
  }

  /** Every finding of the unit, in no particular order (for the review gate). */
  public ImmutableList<Finding> allFindings() {
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    findingsByTree().values().forEach(out::addAll);
    return out.build();
  }

  /**
   * The source trees that carry any finding, with their paths, in source order: one scan of the
   * unit shared by every check (a finding on a tree the CFG made up has no path and is left out,
   * as Error Prone never visits such a tree).
   */
  public ImmutableList<TreePath> findingPaths() {
    if (findingPaths == null) {
      IdentityHashMap<Tree, List<Finding>> byTree = findingsByTree();
      ImmutableList.Builder<TreePath> out = ImmutableList.builder();
      if (!byTree.isEmpty()) {
        new TreePathScanner<Void, Void>() {
          @Override
          public Void scan(Tree tree, Void unused) {
            if (tree != null && byTree.containsKey(tree)) {
              out.add(new TreePath(getCurrentPath(), tree));
            }
            return super.scan(tree, null);
          }
        }.scan(unit, null);
      }
      findingPaths = out.build();
    }
    return findingPaths;
  }

  /** Whether no rule finds anything in this unit (the checks then skip its trees at once). */
  public boolean hasNoFindings() {
    return findingsByTree().isEmpty();
  }

  /** Analyzes every method and lambda of the unit, once, and indexes the findings by tree. */
  private IdentityHashMap<Tree, List<Finding>> findingsByTree() {
    if (findingsByTree == null) {
      findingsByTree = new IdentityHashMap<>();
      for (TreePath path : methods.values()) {
        index(resultOf(path));
      }
      for (TreePath path : lambdas) {
        index(resultOf(path));
      }
    }
    return findingsByTree;
  }

  private void index(MethodResult result) {
    for (Finding f : result.findings()) {
      findingsByTree.computeIfAbsent(f.tree(), t -> new ArrayList<>()).add(f);
    }
  }

  private MethodResult resultOf(TreePath path) {
    return resultOf(path, false);
  }

  /** The result, with the body analyzed even if the fast path would skip it (for summaries). */
  private MethodResult summaryOf(TreePath path) {
    return resultOf(path, true);
  }

  private MethodResult resultOf(TreePath path, boolean force) {
    MethodResult known = results.get(path.getLeaf());
    if (known != null && !(force && known.skipped())) {
      return known;
    }
    MethodResult result = analyze(path, force);
    results.put(path.getLeaf(), result);
    return result;
  }

  private MethodResult analyze(TreePath path, boolean force) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof MethodTree method) {
      MethodSymbol symbol = (MethodSymbol) TreeInfo.symbolFor((JCTree) method);
      if (method.getBody() == null || !inProgress.add(symbol)) {
        return MethodResult.NOTHING;
      }
      try {
        MethodSymbol contract = referencedAs.getOrDefault(symbol, symbol);
        return counted(
            MethodAnalyzer.analyzeMethod(this, path, symbol, contract, relevance, force));
      } finally {
        inProgress.remove(symbol);
      }
    }
    LambdaExpressionTree lambda = (LambdaExpressionTree) leaf;
    Symbol descriptor =
        ((JCTree.JCLambda) lambda).type == null
            ? null
            : types.findDescriptorSymbol(((JCTree.JCLambda) lambda).type.tsym);
    return counted(
        MethodAnalyzer.analyzeLambda(
            this, path, descriptor instanceof MethodSymbol d ? d : null, relevance));
  }

  private MethodResult counted(MethodResult result) {
    if (!result.skipped()) {
      bodiesAnalyzed++;
    }
    return result;
  }

  CallModel calls() {
    return calls;
  }

  Contracts contracts() {
    return contracts;
  }

  /** Whether the pre-pass shows that no rule can find anything in the body (never, when off). */
  /** A body's array accessor calls ({@link TableParameters#scan}): the pre-pass's if it saw all. */
  Map<Symbol.VarSymbol, AccessorDecl> tables(Tree body) {
    Map<Symbol.VarSymbol, AccessorDecl> scanned =
        feasibility == null ? null : feasibility.takeTables(body);
    return scanned != null ? scanned : TableParameters.scan(contracts, body);
  }

  boolean infeasible(Tree body, boolean synchronizedMethod) {
    return feasibility != null && !feasibility.mayFind(body, synchronizedMethod, this::hasBody);
  }

  /**
   * As {@link #infeasible}, for a body whose parameters carry contracts: a lock held at entry, a
   * snapshot parameter (one read already made).
   */
  boolean infeasibleWithParameters(Tree body, boolean lockedAtEntry, boolean snapshotParameter) {
    return feasibility != null
        && !feasibility.mayFind(body, lockedAtEntry, snapshotParameter, this::hasBody);
  }

  /** What runs over each analyzed body. */
  Engine engine() {
    return engine;
  }

  /**
   * How many bodies the engine has analyzed so far, one CFG each: every method and lambda the
   * fast path and the pre-pass let through, and every skipped one a caller forced for its summary.
   */
  int bodiesAnalyzed() {
    return bodiesAnalyzed;
  }

  JavacProcessingEnvironment env() {
    return env;
  }

  static @Nullable ClassTree enclosingClass(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree c) {
        return c;
      }
    }
    return null;
  }

  @Override
  public boolean hasBody(MethodSymbol method) {
    TreePath path = methods.get(method);
    return path != null && ((MethodTree) path.getLeaf()).getBody() != null;
  }

  @Override
  public boolean readsParameterSlot(MethodSymbol method, int parameter) {
    TreePath path = methods.get(method);
    return path != null && summaryOf(path).parametersRead().contains(parameter);
  }

  @Override
  public boolean requiresPointer(MethodSymbol method, int parameter) {
    TreePath path = methods.get(method);
    return path != null && summaryOf(path).parametersRequiringPointer().contains(parameter);
  }
}

package dev.readonce.checker.analysis;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.dataflow.AccessPath;
import dev.readonce.checker.dataflow.CallModel;
import dev.readonce.checker.dataflow.HintValidators;
import dev.readonce.checker.dataflow.LockRegion;
import dev.readonce.checker.dataflow.Locking;
import dev.readonce.checker.dataflow.MethodContext;
import dev.readonce.checker.dataflow.ReadRecord;
import dev.readonce.checker.dataflow.SlotKey;
import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.dataflow.SlotTransfer;
import dev.readonce.checker.dataflow.SlotValue;
import dev.readonce.checker.dataflow.SnapId;
import dev.readonce.checker.dataflow.SnapState;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.SlotParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.checkerframework.errorprone.dataflow.analysis.AnalysisResult;
import org.checkerframework.errorprone.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.builder.CFGBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Runs the forward slot analysis over one method or lambda: builds its CFG (as NullAway does,
 * since Error Prone's whole-method dataflow entry point is private), seeds the snapshot
 * parameters, and collects findings and the summary.
 */
final class MethodAnalyzer {

  private MethodAnalyzer() {}

  static MethodResult analyzeMethod(
      UnitAnalysis unit,
      TreePath path,
      MethodSymbol symbol,
      MethodSymbol contract,
      Relevance relevance,
      boolean force) {
    return analyzeMethod(unit, path, symbol, contract, relevance, force, (cfg, stores) -> {});
  }

  /** What a tool that prints the fixpoint's stores (the held-region test) is handed. */
  interface Observer {
    void fixpoint(ControlFlowGraph cfg, AnalysisResult<SlotValue, SlotStore> stores);
  }

  /** As above, handing the fixpoint to an observer. */
  static MethodResult analyzeMethod(
      UnitAnalysis unit,
      TreePath path,
      MethodSymbol symbol,
      MethodSymbol contract,
      Relevance relevance,
      boolean force,
      Observer observer) {
    MethodTree method = (MethodTree) path.getLeaf();
    List<VarSymbol> params = new ArrayList<>(symbol.getParameters());
    boolean hasSnapshots =
        hasSnapshotParameter(unit.contracts(), contract, params.size())
            || hasSnapshotParameter(unit.contracts(), symbol, params.size());
    // A method that states what it does with locks is analyzed for its body's side of the
    // contract even when it mentions no slot (fullyLock() only calls lock()).
    boolean statesLocks = !unit.contracts().methodLocks(symbol).isEmpty();
    // So does one that reads hints or validates them (@RacyHint, @ValidatesHint).
    boolean statesHints = !unit.contracts().hints(symbol).isEmpty();
    boolean synchronizedMethod = (symbol.flags() & Flags.SYNCHRONIZED) != 0;
    if (!force
        && !statesLocks
        && !statesHints
        && (hasSnapshots
            ? unit.infeasibleWithParameters(
                method.getBody(),
                synchronizedMethod
                    || locksAtEntry(unit.contracts(), List.of(contract, symbol), params.size()),
                snapshotParameters(unit.contracts(), contract, params.size()))
            : !relevance.mentionsContract(method.getBody())
                || unit.infeasible(method.getBody(), synchronizedMethod))) {
      return MethodResult.SKIPPED;
    }
    ClassTree owner = UnitAnalysis.enclosingClass(path.getParentPath());
    if (owner == null) {
      return MethodResult.NOTHING;
    }
    // A long body is analyzed as a chain of smaller CFGs (ChunkedBody); the context is made with
    // the first chunk's.
    ChunkedBody chunks = ChunkedBody.of(unit, path, owner, unit.chunkStatements());
    ControlFlowGraph cfg =
        chunks != null
            ? chunks.first()
            : CFGBuilder.build(
                new TreePath(path, method.getBody()),
                new UnderlyingAST.CFGMethod(method, owner),
                false,
                false,
                unit.env());
    if (unit.engine() != Engine.DATAFLOW) {
      // The floor runs over the same CFGs as the analysis: every chunk's, for a long body.
      boolean primitive = isPrimitive(unit.contracts(), symbol);
      for (ControlFlowGraph each : chunks != null ? chunks.all() : List.of(cfg)) {
        FloorEngine.analyze(unit, each, primitive);
      }
      return MethodResult.NOTHING;
    }
    boolean summarizable =
        (symbol.flags() & (Flags.PRIVATE | Flags.STATIC | Flags.FINAL)) != 0
            || (symbol.owner.flags() & Flags.FINAL) != 0;
    MethodContext cx =
        new MethodContext(
            unit.calls(),
            unit,
            cfg,
            unit.unit(),
            method.getBody(),
            symbol,
            isPrimitive(unit.contracts(), symbol),
            symbol.isConstructor()
                || symbol.isStaticOrInstanceInit()
                || isReadObject(symbol)
                || unit.contracts().constructorHelper(symbol),
            summarizable);
    SlotStore initial = seed(unit, contract, params, method.getParameters());
    initial =
        seedHeldLocks(unit, List.of(contract, symbol), params, method.getParameters(), initial);
    initial = TableParameters.seed(unit.tables(method.getBody()), params, initial);
    if ((symbol.flags() & Flags.SYNCHRONIZED) != 0
        && !symbol.isStatic()
        && symbol.owner instanceof com.sun.tools.javac.code.Symbol.ClassSymbol ownerClass) {
      initial = Locking.synchronizedEntry(cx, ownerClass, initial, lineOf(unit, method));
    }
    initial = Locking.heldAtEntry(cx, symbol, initial, lineOf(unit, method));
    SlotStore atEntry = initial;
    java.util.function.Consumer<@Nullable SlotStore> atExit =
        exit -> {
          Locking.checkExit(cx, symbol, method, exit);
          HintValidators.check(cx, symbol, path, atEntry);
        };
    if (chunks != null) {
      chunks.run(cx, initial, observer, atExit);
      return result(cx);
    }
    return run(cx, cfg, initial, observer, atExit);
  }

  static MethodResult analyzeLambda(
      UnitAnalysis unit, TreePath path, @Nullable MethodSymbol contract, Relevance relevance) {
    LambdaExpressionTree lambda = (LambdaExpressionTree) path.getLeaf();
    List<VarSymbol> params = new ArrayList<>();
    for (VariableTree p : lambda.getParameters()) {
      params.add((VarSymbol) TreeInfo.symbolFor((JCTree) p));
    }
    boolean hasSnapshots =
        contract != null && hasSnapshotParameter(unit.contracts(), contract, params.size());
    if (hasSnapshots
        ? unit.infeasibleWithParameters(
            lambda.getBody(),
            locksAtEntry(unit.contracts(), List.of(contract), params.size()),
            snapshotParameters(unit.contracts(), contract, params.size()))
        : !relevance.mentionsContract(lambda.getBody())
            || unit.infeasible(lambda.getBody(), false)) {
      return MethodResult.SKIPPED;
    }
    ClassTree owner = UnitAnalysis.enclosingClass(path.getParentPath());
    if (owner == null) {
      return MethodResult.NOTHING;
    }
    MethodTree enclosingMethod = null;
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree m) {
        enclosingMethod = m;
        break;
      }
      if (p.getLeaf() instanceof ClassTree) {
        break;
      }
    }
    ControlFlowGraph cfg =
        CFGBuilder.build(
            new TreePath(path, lambda.getBody()),
            new UnderlyingAST.CFGLambda(lambda, owner, enclosingMethod),
            false,
            false,
            unit.env());
    if (unit.engine() != Engine.DATAFLOW) {
      return FloorEngine.analyze(unit, cfg, false);
    }
    MethodContext cx =
        new MethodContext(
            unit.calls(), unit, cfg, unit.unit(), lambda.getBody(), null, false, false, false);
    SlotStore initial =
        contract == null
            ? SlotStore.EMPTY
            : seedHeldLocks(
                unit,
                List.of(contract),
                params,
                lambda.getParameters(),
                seed(unit, contract, params, lambda.getParameters()));
    return run(cx, cfg, initial, (c, stores) -> {}, exit -> {});
  }

  private static MethodResult run(
      MethodContext cx,
      ControlFlowGraph cfg,
      SlotStore initial,
      Observer observer,
      java.util.function.Consumer<@Nullable SlotStore> atExit) {
    SlotAnalysis analysis = new SlotAnalysis(new SlotTransfer(cx, initial));
    analysis.performAnalysis(cfg);
    atExit.accept(analysis.getRegularExitStore());
    MethodResult result = result(cx);
    observer.fixpoint(cfg, analysis.getResult());
    return result;
  }

  private static MethodResult result(MethodContext cx) {
    return new MethodResult(
        cx.sink().findings(),
        cx.sink().parametersRead(),
        cx.sink().parametersRequiringPointer(),
        false);
  }

  /**
   * {@code private void readObject(ObjectInputStream)}: deserialization fills in an object that no
   * other thread can reach yet, like a constructor.
   */
  private static boolean isReadObject(MethodSymbol symbol) {
    return symbol.getSimpleName().contentEquals("readObject")
        && (symbol.flags() & Flags.PRIVATE) != 0
        && symbol.getParameters().size() == 1
        && symbol.getParameters().get(0).type.tsym != null
        && symbol
            .getParameters()
            .get(0)
            .type
            .tsym
            .getQualifiedName()
            .contentEquals("java.io.ObjectInputStream");
  }

  private static boolean hasSnapshotParameter(Contracts contracts, MethodSymbol contract, int n) {
    for (int i = 0; i < n; i++) {
      if (contracts.snapshotParam(contract, i).isPresent()
          || contracts.handleLockHeld(contract, i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a parameter is a snapshot, the caller's read of its slot (see {@link #seed}). */
  private static boolean snapshotParameters(Contracts contracts, MethodSymbol contract, int n) {
    for (int i = 0; i < n; i++) {
      if (contracts.snapshotParam(contract, i).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a lock is held at entry: a {@code @LockHeld} handle parameter (see {@link
   * #seedHeldLocks}) or a snapshot parameter read under its lock (see {@link #seed}).
   */
  private static boolean locksAtEntry(Contracts contracts, List<MethodSymbol> methods, int n) {
    for (MethodSymbol m : methods) {
      for (int i = 0; i < n; i++) {
        if (contracts.handleLockHeld(m, i) || contracts.snapshotLockHeld(m, i)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Slot primitives: their raw accesses are the primitive itself, judged at their callers. */
  private static boolean isPrimitive(Contracts contracts, MethodSymbol method) {
    return contracts.accessor(method).isPresent()
        || contracts.modifies(method).map(m -> m.requiresLock()).orElse(false)
        || contracts.locksSlot(method).isPresent()
        || contracts.revalidates(method)
        || contracts.pointerTest(method).isPresent()
        || contracts.descends(method).isPresent();
  }

  /**
   * The store at entry: each {@code @Snapshot} parameter (declared here or on an overridden or
   * implemented method) holds the caller's snapshot, which counts as this pass's read of its
   * slot and has been decided on.
   */
  private static SlotStore seed(
      UnitAnalysis unit,
      MethodSymbol contract,
      List<VarSymbol> params,
      List<? extends VariableTree> declarations) {
    SlotStore store = SlotStore.EMPTY;
    CallModel calls = unit.calls();
    for (int i = 0; i < params.size(); i++) {
      Optional<SlotParams> slotParams = unit.contracts().snapshotParam(contract, i);
      if (slotParams.isEmpty()) {
        continue;
      }
      VarSymbol param = params.get(i);
      SlotKey slot = slotOf(slotParams.get(), params);
      boolean stable =
          slot == null
              || slotParams.get().indices().size() != 1
              || calls.stableType(params.get(slotParams.get().indices().get(0)).type);
      int line = lineOf(unit, declarations.get(i));
      // A callback called under the slot's lock (pte_entry) got a stable read, and may store.
      boolean lockHeld = slot != null && unit.contracts().snapshotLockHeld(contract, i);
      SnapId id = new SnapId(param);
      SnapState state =
          new SnapState(
              slot,
              param.getSimpleName().toString(),
              line,
              ImmutableSet.of(),
              true,
              lockHeld,
              stable,
              LockSpec.HELPERS,
              true,
              false);
      store = store.withLocal(param, SlotValue.snapshot(id)).withSnap(id, state);
      if (lockHeld) {
        store =
            store.withLock(LockRegion.taken(slot, line, null, false));
      } else if (slot != null) {
        store = store.withRead(slot, new ReadRecord(ImmutableSet.of(id), line, ImmutableSet.of()));
      }
    }
    return store;
  }

  /**
   * The locks held at entry by the caller: each {@code @LockHeld} handle parameter, declared on
   * the method itself or on the method it implements (for a lambda or method reference, the
   * functional interface's).
   */
  private static SlotStore seedHeldLocks(
      UnitAnalysis unit,
      List<MethodSymbol> contracts,
      List<VarSymbol> params,
      List<? extends VariableTree> declarations,
      SlotStore store) {
    SlotStore out = store;
    for (int i = 0; i < params.size(); i++) {
      int index = i;
      if (contracts.stream().anyMatch(c -> unit.contracts().handleLockHeld(c, index))) {
        SlotKey slot = new SlotKey(AccessPath.of(new AccessPath.Local(params.get(i))));
        out = out.withLock(LockRegion.taken(slot, lineOf(unit, declarations.get(i)), null, false));
      }
    }
    return out;
  }

  private static @Nullable SlotKey slotOf(SlotParams slotParams, List<VarSymbol> params) {
    if (slotParams.isNone() || slotParams.isReceiver()) {
      return null;
    }
    List<AccessPath> parts = new ArrayList<>();
    for (int index : slotParams.indices()) {
      if (index < 0 || index >= params.size()) {
        return null;
      }
      parts.add(AccessPath.of(new AccessPath.Local(params.get(index))));
    }
    return SlotKey.of(com.google.common.collect.ImmutableList.copyOf(parts));
  }

  private static int lineOf(UnitAnalysis unit, Tree tree) {
    return (int) unit.unit().getLineMap().getLineNumber(TreeInfo.getStartPos((JCTree) tree));
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.LockSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/** What counts as a violation of each rule, judged on the store before a node. */
final class RuleChecks {

  private final MethodContext cx;
  private final Handles handles;
  private final FixPlanner fixes;
  private final Ownership ownership;
  private final Hints hints;

  RuleChecks(MethodContext cx, Ownership ownership) {
    this.cx = cx;
    this.ownership = ownership;
    this.hints = new Hints(cx);
    this.handles = new Handles(cx.calls.contracts());
    this.fixes = new FixPlanner(cx, handles);
  }

  /** The method's racy-hint contract: which reads are hints, and where they may go. */
  Hints hints() {
    return hints;
  }

  private void report(Rule rule, Node node, String message, @Nullable Object once) {
    cx.sink.report(new Finding(rule, node.getTree(), message, null, once), cx);
  }

  /** An unlocked read: plain, or a second read of the slot in this pass. Records the read. */
  SlotStore unlockedRead(Node node, Call.Read read, SlotStore store) {
    if (!read.atomic()) {
      cx.sink.report(
          new Finding(
              Rule.PLAIN_SLOT_READ,
              node.getTree(),
              Messages.plainRead(describeSlot(read.slot(), node)),
              fixes.plainRead(node),
              null));
    }
    SlotKey slot = read.slot();
    if (slot == null) {
      return store;
    }
    noteParameterRead(slot);
    long block = node.getBlock() == null ? -1 : node.getBlock().getUid();
    ReadRecord current =
        new ReadRecord(
            ImmutableSet.of(new SnapId(node.getTree())), cx.line(node.getTree()),
            ImmutableSet.of(block));
    ReadRecord earlier = store.read(slot);
    if (earlier != null && !(cx.calls.contracts().audit() && refreshes(node, earlier, store))) {
      Deciding deciding = deciding(node, earlier, store);
      if (deciding != null) {
        cx.sink.report(
            new Finding(
                Rule.UNLOCKED_REREAD,
                node.getTree(),
                Messages.reread(
                    slot.toString(),
                    deciding.name,
                    deciding.line,
                    deciding.parameter,
                    deciding.use == null ? null : deciding.use.getSimpleName().toString()),
                fixes.reread(node, earlier, slot, deciding.use),
                null,
                deciding.use));
        // Keep the first read as the pass's read: later reads are judged (and fixed) against it.
        return store.withRead(slot, earlier.merge(current));
      }
    }
    return store.withRead(slot, current);
  }

  /**
   * Audit mode: whether a re-read overwrites the only holder of the earlier snapshot ({@code if (a
   * == null) a = actual.get();}, {@code await(); result = this.result;}), so that no copy of the
   * earlier snapshot is live afterwards. Such a read is a refresh: the earlier snapshot dies here,
   * and the new one is judged on its own. Only in audit mode, because declared slots carry
   * decisions forward that the old value's death does not end: after {@code if (none(v)) return;
   * v = u.get();} the code goes on as if the new {@code v} were not none either (the page walker's
   * race), which audit mode, with no declared tests, cannot tell from a refill.
   */
  private boolean refreshes(Node at, ReadRecord earlier, SlotStore store) {
    VarSymbol target = assignedVariable(at.getTree());
    if (target == null) {
      return false;
    }
    boolean overwritten = false;
    for (SnapId s : earlier.snaps()) {
      SnapState state = store.snap(s);
      if (state == null) {
        continue;
      }
      if (state.parameter()) {
        return false; // the caller's snapshot still decides in the caller
      }
      boolean held = false;
      for (Map.Entry<VarSymbol, SlotValue> local : store.locals().entrySet()) {
        if (!local.getValue().snaps().contains(s)) {
          continue;
        }
        if (local.getKey().equals(target)) {
          held = true;
        } else if (cx.liveness.liveAfter(at, local.getKey())) {
          return false; // another copy of the earlier snapshot lives on
        }
      }
      if (!held && (decides(state, at) || !state.facts().isEmpty())) {
        return false; // an earlier read no variable holds decided this path: a true re-read
      }
      overwritten |= held;
    }
    return overwritten;
  }

  /** The local a read is assigned to as it is ({@code v = read}, past parentheses and casts). */
  private @Nullable VarSymbol assignedVariable(Tree read) {
    Tree child = read;
    Tree parent = cx.parent(child);
    while (parent instanceof com.sun.source.tree.TypeCastTree
        || parent instanceof com.sun.source.tree.ParenthesizedTree) {
      child = parent;
      parent = cx.parent(child);
    }
    if (parent instanceof com.sun.source.tree.AssignmentTree assignment
        && TreeInfo.skipParens((JCTree.JCExpression) assignment.getExpression()) == child
        && TreeInfo.symbol((JCTree) assignment.getVariable()) instanceof VarSymbol variable
        && (variable.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE
            || variable.getKind() == javax.lang.model.element.ElementKind.PARAMETER)) {
      return variable;
    }
    return null;
  }

  /** How an earlier read still decides: what to call it, and the variable to use instead. */
  private record Deciding(String name, int line, boolean parameter, @Nullable VarSymbol use) {}

  /**
   * Whether an earlier read of the slot may still decide something here: the caller's snapshot,
   * a snapshot a test or comparison looked at (in this pass: not in a loop left since), or one
   * held by a variable that is used later.
   */
  private @Nullable Deciding deciding(Node at, ReadRecord earlier, SlotStore store) {
    for (SnapId s : earlier.snaps()) {
      SnapState state = store.snap(s);
      if (state == null) {
        continue;
      }
      VarSymbol holder = holderVariable(store, s);
      String name = holder == null ? "read" : holder.getSimpleName().toString();
      if (state.parameter()) {
        return new Deciding(name, state.line(), true, usable(holder, at));
      }
      if (decides(state, at) || !state.facts().isEmpty()) {
        return new Deciding(name, state.line(), false, usable(holder, at));
      }
      for (Map.Entry<VarSymbol, SlotValue> local : store.locals().entrySet()) {
        if (local.getValue().snaps().contains(s) && cx.liveness.liveAfter(at, local.getKey())) {
          // A CFG temporary (a switch's selector) still decides, but has no name to give.
          return AccessPath.isSynthetic(local.getKey())
              ? new Deciding(name, state.line(), false, usable(holder, at))
              : new Deciding(
                  local.getKey().getSimpleName().toString(),
                  state.line(),
                  false,
                  usable(local.getKey(), at));
        }
      }
    }
    return null;
  }

  /**
   * Whether a test of the snapshot still decides at {@code at}: it was tested on every path, by a
   * test that is not in a loop the code has left since ({@link MethodContext#decidesAt}).
   */
  private boolean decides(SnapState state, Node at) {
    return state.tested() && cx.decidesAt(state.decidedIn(), at);
  }

  /**
   * The holder, if the code at {@code at} can name it: a snapshot local of an earlier block (the
   * first of two loops) still decides, but telling the user to use it there would not compile.
   */
  private @Nullable VarSymbol usable(@Nullable VarSymbol holder, Node at) {
    return holder != null && at.getTree() != null && cx.inScope(holder, at.getTree())
        ? holder
        : null;
  }

  /** A source local holding the snapshot, if one does (never a CFG temporary). */
  private static @Nullable VarSymbol holderVariable(SlotStore store, SnapId s) {
    for (Map.Entry<VarSymbol, SlotValue> local : store.locals().entrySet()) {
      if (local.getValue().snaps().contains(s) && !AccessPath.isSynthetic(local.getKey())) {
        return local.getKey();
      }
    }
    return null;
  }

  private String describeSnap(SlotStore store, SnapId s, SnapState state) {
    VarSymbol holder = holderVariable(store, s);
    return holder != null ? "'" + holder.getSimpleName() + "'" : "read on line " + state.line();
  }

  private static String describeSlot(@Nullable SlotKey slot, Node node) {
    return slot != null ? slot.toString() : String.valueOf(node.getTree());
  }

  private void noteParameterRead(SlotKey slot) {
    if (slot.path().root() instanceof AccessPath.Local local && slot.path().steps().isEmpty()) {
      int index = SlotTransfer.parameterIndex(cx.method, local.variable());
      if (index >= 0) {
        cx.sink.readsParameter(index);
      }
    }
  }

  /**
   * A store into a slot: needs the slot's lock, unless this thread owns the slot ({@link
   * Ownership}: {@code this} being built, an unpublished object, a claim; audit mode: any lock).
   */
  void write(Node node, @Nullable SlotKey slot, LockSpec lock, SlotStore store) {
    if (cx.primitive
        || lock.kind() == LockSpec.Kind.UNGUARDED
        || ownership.covers(slot, lock, node.getTree(), store, true)) {
      return;
    }
    if (slot == null) {
      if (!ownership.anyLockHeld(node.getTree(), store, true)) {
        report(
            Rule.UNLOCKED_SLOT_WRITE,
            node,
            Messages.unlockedWrite(String.valueOf(node.getTree())),
            null);
      }
      return;
    }
    if (cx.initializer && slot.path().root() instanceof AccessPath.This) {
      return;
    }
    LockRegion held = store.writeLockCovering(slot);
    if (held != null) {
      staleDecision(node, slot, lock, held, store);
      return;
    }
    VarSymbol filledUnder = FilledUnderLock.of(cx, slot);
    if (filledUnder == null) {
      report(Rule.UNLOCKED_SLOT_WRITE, node, Messages.unlockedWrite(slot.toString()), null);
      return;
    }
    LockRegion region = FilledUnderLock.region(store, filledUnder);
    if (!FilledUnderLock.covers(region)) {
      report(
          Rule.UNLOCKED_SLOT_WRITE,
          node,
          Messages.unlockedFill(
              slot.toString(),
              filledUnder.getSimpleName().toString(),
              region == null ? null : region.slot().toString(),
              region == null ? 0 : region.line()),
          null);
    }
  }

  /**
   * A store under the slot's lock on a path that decided on an unlocked read of the slot, made
   * before the lock and not compared with the slot under it: the store acts on what the slot held
   * before the lock, which another thread may have changed in between (the lazy initialization
   * without its second test; {@code synchronized (f) { setTabAt(tab, i, v); }} without {@code
   * tabAt(tab, i) == f}). Under a lock field, testing a fresh read of the slot made under the lock
   * also re-checks (double-checked locking); under the held value's monitor only the comparison
   * with the locked value does, since the monitor guards the slot only while it holds that value,
   * so a store after that comparison failed is reported too.
   */
  private void staleDecision(
      Node node, SlotKey slot, LockSpec lock, LockRegion held, SlotStore store) {
    ReadRecord unlocked = store.read(slot);
    if (unlocked == null) {
      return;
    }
    boolean testedUnder = testedUnder(slot, held, store);
    for (SnapId s : unlocked.snaps()) {
      SnapState state = store.snap(s);
      if (state == null
          || !state.tested()
          || state.underLock()
          || state.parameter()
          || held.validated().contains(s)) {
        continue;
      }
      boolean heldValue =
          lock.kind() == LockSpec.Kind.HELD_VALUE
              || state.lock().kind() == LockSpec.Kind.HELD_VALUE;
      if (!heldValue && (testedUnder || state.mismatched())) {
        continue;
      }
      report(
          Rule.MISSING_REVALIDATION,
          node,
          state.mismatched()
              ? Messages.storeAfterMismatch(slot.toString(), state.line(), held.line())
              : Messages.storeOnStaleDecision(slot.toString(), state.line(), held.line()),
          // One finding per broken re-check: a store that goes on after the mismatch shares the
          // key of a use of the snapshot that does (the earlier of the two is reported).
          state.mismatched() ? List.of("mismatch", s) : List.of("store", held.line(), s));
      return;
    }
  }

  /** Whether a read of the slot made under this lock was tested (a second test under the lock). */
  private static boolean testedUnder(SlotKey slot, LockRegion held, SlotStore store) {
    for (SnapState state : store.snaps().values()) {
      if (state.underLock()
          && state.tested()
          && state.line() >= held.line()
          && slot.equals(state.slot())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A call of a {@code @Holding} method: the named lock must be held here, exclusively, for every
   * slot it guards (or, when the receiver has no path, some lock must be held: the same policy as
   * a store whose slot has no path). A constructor calling it on {@code this} is exempt, as its own
   * stores to {@code this} are. Returns whether the lock is held (false: reported).
   */
  boolean holding(
      MethodInvocationNode node,
      MethodSymbol callee,
      String lock,
      @Nullable AccessPath receiver,
      boolean hasReceiver,
      List<SlotKey> slots,
      SlotStore store) {
    if (cx.primitive
        || (cx.initializer
            && receiver != null
            && receiver.root() instanceof AccessPath.This
            && receiver.steps().isEmpty())) {
      return true;
    }
    boolean held;
    if (hasReceiver && receiver == null && !lockIsStatic(callee, lock)) {
      held = ownership.anyLockHeld(node.getTree(), store, true);
    } else {
      LockSpec spec = new LockSpec(LockSpec.Kind.FIELD, lock);
      held =
          slots.stream()
              .allMatch(
                  k ->
                      store.writeLockCovering(k) != null
                          || ownership.covers(k, spec, node.getTree(), store, true));
    }
    if (!held) {
      report(
          Rule.UNLOCKED_SLOT_WRITE,
          node,
          Messages.callWithoutLock(callee.getSimpleName().toString(), lock),
          null);
    }
    return held;
  }

  /**
   * A method reference to a method whose callers must hold a lock ({@code @Holding}) or be its
   * single writer ({@code @SingleWriter}): the reference calls the method wherever it is invoked,
   * later or on another thread, where neither is known (as a lambda's body is analyzed with no
   * lock held), so it is reported as a call without the lock or from outside the writer would be.
   */
  void methodReference(Node node, MemberReferenceTree reference) {
    MethodSymbol callee = ASTHelpers.getSymbol(reference);
    if (cx.primitive || callee == null) {
      return;
    }
    String name = callee.getSimpleName().toString();
    ImmutableList<String> holding = cx.calls.methodLocks(callee).holding();
    if (!holding.isEmpty()) {
      report(
          Rule.UNLOCKED_SLOT_WRITE,
          node,
          Messages.referenceToHolding(name, holding.get(0)),
          null);
      return;
    }
    ImmutableSet<VarSymbol> slots = cx.calls.contracts().singleWriterOf(callee);
    if (!slots.isEmpty()) {
      report(
          Rule.UNLOCKED_SLOT_WRITE,
          node,
          Messages.referenceToWriter(name, slots.iterator().next().getSimpleName().toString()),
          null);
    }
  }

  private static boolean lockIsStatic(MethodSymbol method, String lock) {
    VarSymbol field = dev.readonce.checker.model.MethodLockNames.field(method, lock);
    return field != null && field.isStatic();
  }

  /** A use of a local holding snapshots: stale under a lock, or going on after a mismatch. */
  void use(LocalVariableNode node, SlotValue value, SlotStore store) {
    if (cx.primitive || value.snaps().isEmpty()) {
      return;
    }
    Tree parent = valueContext(node.getTree());
    if (parent instanceof com.sun.source.tree.MemberSelectTree select) {
      // A receiver: `prior.isAlive()` is judged by the call it selects.
      Tree call = cx.parent(select);
      if (call instanceof MethodInvocationTree invocation
          && invocation.getMethodSelect() == select) {
        parent = call;
      }
    }
    if (hints.judgeUse(node, value, store)
        || parent instanceof SynchronizedTree
        || isContractCall(parent)) {
      return;
    }
    for (SnapId s : value.snaps()) {
      SnapState state = store.snap(s);
      if (state == null || state.slot() == null || hints.isHint(s, state)) {
        continue; // a hint is judged by Hints
      }
      if (state.mismatched()) {
        report(
            Rule.MISSING_REVALIDATION,
            node,
            Messages.mismatchGoesOn(quoted(node), state.slot().toString(), state.line()),
            List.of("mismatch", s));
        return;
      }
      LockRegion window = store.optimisticWindow(state.slot());
      if (window != null && window.window().contains(s) && isAction(parent)) {
        report(
            Rule.MISSING_REVALIDATION,
            node,
            Messages.unvalidatedOptimisticRead(quoted(node), state.slot().toString(), state.line()),
            List.of("optimistic", s));
        return;
      }
      LockRegion region = store.lockCovering(state.slot());
      if (region == null) {
        continue;
      }
      if (!state.underLock() && !region.validated().contains(s)) {
        report(
            Rule.MISSING_REVALIDATION,
            node,
            Messages.staleUnderLock(
                quoted(node), state.slot().toString(), state.line(), region.line()),
            List.of("stale", region.line(), s));
        return;
      }
      if (state.underLock() && !state.tested() && isAction(parent)) {
        Integer testedLine = preLockTest(store, state.slot());
        if (testedLine != null) {
          report(
              Rule.MISSING_REVALIDATION,
              node,
              Messages.freshReadAsIf(
                  node.getName(), state.slot().toString(), region.line(), testedLine),
              List.of("fresh", s));
          return;
        }
      }
    }
  }

  /** The local's name in quotes, for a message: built only when one is reported. */
  private static String quoted(LocalVariableNode node) {
    return "'" + node.getName() + "'";
  }

  /**
   * Where a local's value goes: its parent, or past a copy into another local used as a value
   * ({@code same(u, (t = v))} passes v to {@code same}) and past a cast, the enclosing expression.
   */
  private @Nullable Tree valueContext(Tree use) {
    Tree child = use;
    Tree parent = cx.parent(child);
    while ((parent instanceof com.sun.source.tree.TypeCastTree)
        || (parent instanceof com.sun.source.tree.AssignmentTree assignment
            && TreeInfo.skipParens((JCTree.JCExpression) assignment.getExpression()) == child
            && TreeInfo.symbol((JCTree) assignment.getVariable()) instanceof VarSymbol target
            && target.getKind() == javax.lang.model.element.ElementKind.LOCAL_VARIABLE
            && !(cx.parent(assignment) instanceof com.sun.source.tree.ExpressionStatementTree))) {
      child = parent;
      parent = cx.parent(child);
    }
    return parent;
  }

  /** The line of a test on an unlocked snapshot of the slot, if the store remembers one. */
  private static @Nullable Integer preLockTest(SlotStore store, SlotKey slot) {
    ReadRecord unlocked = store.read(slot);
    if (unlocked == null) {
      return null;
    }
    for (SnapId s : unlocked.snaps()) {
      SnapState state = store.snap(s);
      if (state != null && !state.underLock() && state.tested()) {
        return state.line();
      }
    }
    return null;
  }

  private boolean isContractCall(@Nullable Tree parent) {
    if (!(parent instanceof MethodInvocationTree call)) {
      return false;
    }
    Symbol symbol = TreeInfo.symbol((JCTree) call.getMethodSelect());
    if (!(symbol instanceof MethodSymbol method)) {
      return false;
    }
    Contracts contracts = cx.calls.contracts();
    return contracts.locksSlot(method).isPresent()
        || contracts.revalidates(method)
        || contracts.modifies(method).isPresent();
  }

  /** Whether a use acts on the value: passes it on, or returns it (a test only looks at it). */
  private boolean isAction(@Nullable Tree parent) {
    if (parent instanceof ReturnTree) {
      return true;
    }
    if (!(parent instanceof MethodInvocationTree call)) {
      return false;
    }
    Symbol symbol = TreeInfo.symbol((JCTree) call.getMethodSelect());
    return symbol instanceof MethodSymbol method
        && cx.calls.contracts().pointerTest(method).isEmpty()
        && !isContractCall(parent);
  }

  /**
   * A descent from a snapshot: it must be shown to be a pointer on this path, and a slot that is
   * not stable after a pointer must be locked and re-validated. A stale snapshot under a lock is
   * left to {@link Rule#MISSING_REVALIDATION}, which reports its use.
   */
  void descent(Node node, SlotValue value, SlotStore store, String via, boolean here) {
    for (SnapId s : value.snaps()) {
      SnapState state = store.snap(s);
      if (state == null) {
        continue;
      }
      LockRegion region = store.lockCovering(state.slot());
      boolean validated = region != null && (state.underLock() || region.validated().contains(s));
      if (region != null && !validated) {
        continue;
      }
      String slot = state.slot() == null ? "?" : state.slot().toString();
      if (!state.isPointer()) {
        int parameter = parameterOf(s);
        if (state.parameter() && cx.summarizable && parameter >= 0) {
          cx.sink.requiresPointer(parameter);
        } else {
          report(
              Rule.DESCENT_WITHOUT_POINTER_CHECK,
              node,
              Messages.notPointer(
                  describeSnap(store, s, state),
                  slot,
                  state.line(),
                  Fact.missing(state.facts()),
                  via),
              null);
        }
        return;
      }
      // A callee that descends takes the lock itself (its own body is judged for that).
      if (here && !state.stable() && !validated) {
        report(
            Rule.DESCENT_WITHOUT_POINTER_CHECK,
            node,
            Messages.unstableDescent(describeSnap(store, s, state), slot, state.line()),
            null);
        return;
      }
    }
  }

  private int parameterOf(SnapId s) {
    return s.origin() instanceof VarSymbol v ? SlotTransfer.parameterIndex(cx.method, v) : -1;
  }

  /**
   * A call to an ordinary method: a callee of this unit may descend from a snapshot argument
   * (its summary says so), and a callee given a slot's handle without its snapshot reads the slot
   * again.
   */
  void callee(MethodInvocationNode node, Function<Node, SlotValue> values, SlotStore store) {
    MethodSymbol callee = CallModel.symbol(node);
    if (callee == null) {
      return;
    }
    List<Node> args = CallModel.arguments(node, callee);
    boolean hasBody = cx.summaries.hasBody(callee);
    if (hasBody) {
      for (int i = 0; i < args.size(); i++) {
        if (cx.summaries.requiresPointer(callee, i)) {
          descent(
              node,
              values.apply(args.get(i)),
              store,
              " (in " + callee.getSimpleName() + "())",
              false);
        }
      }
    }
    for (int i = 0; i < args.size(); i++) {
      AccessPath path = AccessPath.of(args.get(i), values);
      if (path == null) {
        continue;
      }
      SlotKey slot = new SlotKey(path);
      boolean reads =
          hasBody
              ? cx.summaries.readsParameterSlot(callee, i)
              : handles.mayRead(callee, i, (com.sun.tools.javac.code.Type) args.get(i).getType());
      if (!reads) {
        continue;
      }
      noteParameterRead(slot);
      ReadRecord earlier = store.read(slot);
      if (earlier == null || passesSnapshotOf(slot, args, values, store)) {
        continue;
      }
      Deciding deciding = deciding(node, earlier, store);
      if (deciding != null) {
        String snapshot = deciding.use == null ? null : deciding.use.getSimpleName().toString();
        report(
            Rule.SNAPSHOT_NOT_PASSED,
            node,
            Messages.notPassed(
                callee.getSimpleName().toString(), slot.toString(), snapshot, deciding.line),
            null);
        return;
      }
    }
  }

  private static boolean passesSnapshotOf(
      SlotKey slot, List<Node> args, Function<Node, SlotValue> values, SlotStore store) {
    for (Node arg : args) {
      for (SnapId s : values.apply(arg).snaps()) {
        SnapState state = store.snap(s);
        if (state != null && slot.equals(state.slot())) {
          return true;
        }
      }
    }
    return false;
  }
}

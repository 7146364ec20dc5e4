package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.SlotDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.IntegerLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LongLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NullLiteralNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SynchronizedNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;
import org.jspecify.annotations.Nullable;

/**
 * Lock regions: taking and releasing slot locks in every Java spelling, and the comparisons and
 * predicates that re-validate a snapshot under a lock.
 */
public final class Locking {

  private final MethodContext cx;

  Locking(MethodContext cx) {
    this.cx = cx;
  }

  /**
   * Releases the monitors whose {@code synchronized} block a node lies outside of. The CFG ends a
   * monitor region with a node only on the block's normal exit; a {@code break}, {@code continue}
   * or exception leaves it without one, so the first source tree reached outside the block ends
   * it. Membership is by tree ancestry, never by position: a tree the CFG made up for {@code x++},
   * {@code x += e}, a ternary or packed varargs is no source tree, and its node inherits the
   * regions of the node it was made for.
   */
  SlotStore leaveMonitors(SlotStore store, Tree at) {
    if (store.locks().isEmpty() || !cx.isSourceTree(at)) {
      return store;
    }
    return store.withoutLocks(
        r ->
            r.monitor() instanceof SynchronizedTree sync
                && sync != at
                && !cx.isWithin(sync.getBlock(), at));
  }

  /**
   * A lock helper. It names a handle (the slot's lock), or a snapshot of a slot that points to a
   * lower table: then it takes the lock that snapshot designates, the lower table's, which also
   * guards the slot (retraction holds it when it clears the slot), so the region covers the slot
   * the snapshot was read from ({@code pte_lockptr(mm, &pmdval)}).
   */
  TransferResult<SlotValue, SlotStore> lockSlot(
      MethodInvocationNode node,
      Call.LockSlot lock,
      java.util.function.Function<Node, SlotValue> values,
      SlotStore store) {
    SlotKey slot = lock.slot();
    boolean lowerTable = false;
    if (lock.params().indices().size() == 1) {
      List<Node> args = CallModel.arguments(node, CallModel.symbol(node));
      int index = lock.params().indices().get(0);
      if (index >= 0 && index < args.size()) {
        for (SnapId s : values.apply(args.get(index)).snaps()) {
          SnapState state = store.snap(s);
          if (state != null && state.slot() != null) {
            slot = state.slot();
            lowerTable = true;
          }
        }
      }
    }
    if (slot == null) {
      return new RegularTransferResult<>(SlotValue.NOTHING, store);
    }
    return new RegularTransferResult<>(
        SlotValue.lock(slot),
        store.withLock(LockRegion.taken(slot, cx.line(node.getTree()), null, lowerTable)));
  }

  private SlotStore take(SlotStore store, SlotKey slot, Node at, @Nullable Tree monitor) {
    return store.withLock(LockRegion.taken(slot, cx.line(at.getTree()), monitor, false));
  }

  /**
   * A {@code java.util.concurrent.locks} operation. The lock is the receiver, or the lock a view
   * ({@code rw.readLock()}, {@code sl.asWriteLock()}) is taken from; the slots it guards are the
   * ones a lock helper returned it for, or the ones declaring it as their lock.
   */
  TransferResult<SlotValue, SlotStore> lockOp(
      MethodInvocationNode node,
      Call.LockOp op,
      Function<Node, SlotValue> values,
      SlotStore store) {
    Node lock = node.getTarget().getReceiver();
    LockRegion.Mode mode = op.mode();
    if (lock instanceof LocalVariableNode local) {
      MethodInvocationNode view = cx.lockViewIn(local);
      if (view != null) {
        lock = view; // `Lock r = rw.readLock(); r.lock();` locks rw's read view
      }
    }
    if (lock instanceof MethodInvocationNode view) {
      Optional<LockRegion.Mode> viewMode = cx.calls.lockView(view);
      if (viewMode.isPresent()) {
        mode = viewMode.get();
        lock = view.getTarget().getReceiver();
      }
    }
    SlotValue lockValue = lock == null ? SlotValue.NOTHING : values.apply(lock);
    List<SlotKey> slots =
        lockValue.lockOf() != null ? List.of(lockValue.lockOf()) : guardedBy(lock, store);
    AccessPath viewPath = lock == null || lockValue.lockOf() != null ? null : lockPath(lock, store);
    if (viewPath != null
        && !viewPath.steps().isEmpty()
        && viewPath.steps().get(viewPath.steps().size() - 1) instanceof AccessPath.Field last) {
      // A view kept in a field (`writeLock = lock.writeLock()`): the lock is the read-write lock
      // it was taken from, in the view's mode.
      Optional<CallModel.LockViewField> view = cx.calls.lockViewField(last.field());
      if (view.isPresent() && last.field().owner instanceof ClassSymbol c) {
        mode = view.get().mode();
        List<SlotKey> viaView = new ArrayList<>();
        AccessPath owner =
            new AccessPath(
                viewPath.root(), viewPath.steps().subList(0, viewPath.steps().size() - 1));
        addGuarded(viaView, owner, c, view.get().lock().getSimpleName().toString());
        slots = viaView;
      }
    }
    Tree origin = node.getTree();
    int line = cx.line(origin);
    SlotStore taken = store;
    switch (op.kind()) {
      case UNLOCK -> {
        for (SlotKey slot : slots) {
          taken = taken.withoutLock(slot);
        }
        return new RegularTransferResult<>(SlotValue.NOTHING, taken);
      }
      case VALIDATE -> {
        return validateStamp(slots, store, cx.testSite(node));
      }
      default -> {
        for (SlotKey slot : slots) {
          taken = taken.withLock(LockRegion.taken(slot, line, mode, origin));
        }
      }
    }
    return switch (op.kind()) {
      case TRY_LOCK -> new ConditionalTransferResult<>(SlotValue.NOTHING, taken, store);
      // The stamp stands for the lock: comparing it with zero tells whether it was taken.
      case TRY_STAMP ->
          new RegularTransferResult<>(
              slots.isEmpty() ? SlotValue.NOTHING : SlotValue.lock(slots.get(0)), taken);
      default -> new RegularTransferResult<>(SlotValue.NOTHING, taken);
    };
  }

  /**
   * {@code validate(stamp)} closes the optimistic windows of the slots: on true, the reads made in
   * the window are a consistent, re-validated snapshot; on false they may be torn or stale, and
   * acting on them is going on after a mismatch (the caller must retry or take a real lock).
   */
  private TransferResult<SlotValue, SlotStore> validateStamp(
      List<SlotKey> slots, SlotStore store, TestSite site) {
    SlotStore same = store;
    SlotStore changed = store;
    for (SlotKey slot : slots) {
      LockRegion window = store.locks().get(slot);
      if (window == null || window.held()) {
        continue;
      }
      for (SnapId s : window.window()) {
        SnapState state = store.snap(s);
        if (state != null) {
          same = same.withSnap(s, state.asTested(site));
          changed = changed.withSnap(s, state.asMismatched(site));
        }
      }
      same = same.withoutLock(slot);
      changed = changed.withoutLock(slot);
    }
    return new ConditionalTransferResult<>(SlotValue.NOTHING, same, changed);
  }

  /**
   * A read in an optimistic window: recorded for {@code validate}, instead of judged as an
   * unlocked read. Null when no window covers the slot.
   */
  @Nullable SlotStore optimisticRead(@Nullable SlotKey slot, SnapId read, SlotStore store) {
    LockRegion window = store.optimisticWindow(slot);
    return window == null ? null : store.withLock(window.withWindowRead(read));
  }

  /** {@code synchronized}: the start takes, the end releases. */
  SlotStore monitor(SynchronizedNode node, SlotValue lockValue, SlotStore store) {
    Tree tree = node.getTree();
    if (!node.getIsStartOfBlock()) {
      return store.withoutLocks(r -> r.monitor() == tree);
    }
    SlotStore taken = store;
    for (SnapId s : lockValue.snaps()) {
      SnapState state = store.snap(s);
      if (state != null
          && state.slot() != null
          && state.lock().kind() == LockSpec.Kind.HELD_VALUE) {
        taken = take(taken, state.slot(), node, tree);
      }
    }
    for (SlotKey slot : monitorGuards(node.getExpression(), store)) {
      taken = take(taken, slot, node, tree);
    }
    return taken;
  }

  /**
   * The slots a monitor expression guards, seeing through the nodes that pass a value on: a cast,
   * an assignment (its right side), and a ternary (the slots both branches guard; MM-3).
   */
  private List<SlotKey> monitorGuards(Node expression, SlotStore store) {
    if (expression instanceof TypeCastNode cast) {
      return monitorGuards(cast.getOperand(), store);
    }
    if (expression instanceof AssignmentNode assignment) {
      return monitorGuards(assignment.getExpression(), store);
    }
    if (expression instanceof TernaryExpressionNode ternary) {
      List<SlotKey> both = new ArrayList<>(monitorGuards(ternary.getThenOperand(), store));
      both.retainAll(monitorGuards(ternary.getElseOperand(), store));
      return both;
    }
    return guardedBy(expression, store);
  }

  /**
   * The slots whose declared lock is the given expression: a lock field of their owner ({@code
   * @ReadOnce(lock = "lock")}) or the owner itself ({@code lock = "this"}). The expression may
   * reach the field through getters whose source shows which field they return ({@code
   * pudp.table().ptl}). When the owner has no path (a call the analysis cannot see through), the
   * lock is still known by its field, but not whose it is: it then covers no slot that has a path
   * (reads stay unlocked, stores are reported), and counts as a held lock only for stores whose
   * slot has no path either. A local copy of a final lock field ({@code final ReentrantLock
   * takeLock = this.takeLock;}) is that field's lock (RC-4).
   */
  List<SlotKey> guardedBy(@Nullable Node lockExpression, SlotStore store) {
    List<SlotKey> out = new ArrayList<>();
    if (lockExpression == null) {
      return out;
    }
    AccessPath lock = lockPath(lockExpression, store);
    if (lock == null) {
      VarSymbol field = lockField(lockExpression);
      if (field != null && field.owner instanceof ClassSymbol c) {
        // Static slots are found by class; instance slots get a path rooted at their class,
        // which no access has: a key that covers nothing.
        String name = field.getSimpleName().toString();
        addGuarded(out, AccessPath.of(new AccessPath.Static(c)), c, name);
      }
      return out;
    }
    ImmutableList<AccessPath.Step> steps = lock.steps();
    if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof AccessPath.Field f) {
      AccessPath owner = new AccessPath(lock.root(), steps.subList(0, steps.size() - 1));
      if (f.field().owner instanceof ClassSymbol c) {
        addGuarded(out, owner, c, f.field().getSimpleName().toString());
      }
    }
    if (lockExpression.getType() instanceof com.sun.tools.javac.code.Type t
        && t.getKind() == javax.lang.model.type.TypeKind.DECLARED
        && t.tsym instanceof ClassSymbol c) {
      addGuarded(out, lock, c, "this");
    }
    return out;
  }

  /**
   * The slots a named lock of a method's lock contract guards ({@code @Holding("putLock")}), for
   * the receiver {@code receiver} (null for a static method, or a receiver without a path: then
   * only static slots are found): {@code "this"} is the receiver's monitor, any other name a field
   * of the method's class.
   */
  List<SlotKey> guardedByName(@Nullable AccessPath receiver, MethodSymbol method, String name) {
    List<SlotKey> out = new ArrayList<>();
    if (!(method.owner instanceof ClassSymbol c)) {
      return out;
    }
    AccessPath classRoot = AccessPath.of(new AccessPath.Static(c));
    if (name.equals("this")) {
      if (receiver != null) {
        addGuarded(out, receiver, c, "this");
      }
      return out;
    }
    VarSymbol field = dev.readonce.checker.model.MethodLockNames.field(method, name);
    if (field == null) {
      return out;
    }
    // As for a lock field reached from an owner without a path: static slots only.
    addGuarded(out, field.isStatic() || receiver == null ? classRoot : receiver, c, name);
    return out;
  }

  /**
   * The path of a lock expression, seeing through getters that return a field and through a local
   * that holds a copy of a final field chain (the alias {@link SlotTransfer} keeps for it).
   */
  private @Nullable AccessPath lockPath(Node node, SlotStore store) {
    if (node instanceof LocalVariableNode local
        && local.getElement() instanceof VarSymbol variable
        && !AccessPath.isSynthetic(variable)
        && store.local(variable).path() != null) {
      return store.local(variable).path();
    }
    AccessPath direct = AccessPath.of(node);
    if (direct != null) {
      return direct;
    }
    Node receiver = null;
    VarSymbol field = null;
    if (node instanceof FieldAccessNode access
        && !access.isStatic()
        && access.getElement() instanceof VarSymbol v) {
      receiver = access.getReceiver();
      field = v;
    } else if (node instanceof MethodInvocationNode call) {
      receiver = call.getTarget().getReceiver();
      field = cx.calls.getterField(CallModel.symbol(call));
    }
    if (receiver == null || field == null) {
      return null;
    }
    AccessPath owner = lockPath(receiver, store);
    return owner == null ? null : owner.with(new AccessPath.Field(field));
  }

  /** The field a lock expression ends in: a field access, or a getter returning a field. */
  private @Nullable VarSymbol lockField(Node node) {
    if (node instanceof FieldAccessNode access && access.getElement() instanceof VarSymbol v) {
      return v;
    }
    if (node instanceof MethodInvocationNode call) {
      return cx.calls.getterField(CallModel.symbol(call));
    }
    return null;
  }

  /**
   * The store on entry to a {@code synchronized} instance method: the monitor of {@code this} is
   * held for the whole body, so the slots declared {@code lock = "this"} are locked.
   */
  public static SlotStore synchronizedEntry(
      MethodContext cx, ClassSymbol owner, SlotStore store, int line) {
    List<SlotKey> slots = new ArrayList<>();
    new Locking(cx).addGuarded(slots, AccessPath.of(new AccessPath.This()), owner, "this");
    SlotStore out = store;
    for (SlotKey slot : slots) {
      out = out.withLock(LockRegion.taken(slot, line, null, false));
    }
    return out;
  }

  /**
   * The store on entry to a method whose callers hold named locks ({@code @Holding}, and the
   * locks a {@code @ReleasesLock} method releases): the slots those locks guard are locked.
   */
  public static SlotStore heldAtEntry(
      MethodContext cx, MethodSymbol method, SlotStore store, int line) {
    dev.readonce.checker.model.MethodLocks locks = cx.calls.methodLocks(method);
    if (locks.isEmpty()) {
      return store;
    }
    Locking locking = new Locking(cx);
    AccessPath receiver = method.isStatic() ? null : AccessPath.of(new AccessPath.This());
    SlotStore out = store;
    for (String name :
        ImmutableSet.<String>builder().addAll(locks.holding()).addAll(locks.releases()).build()) {
      for (SlotKey slot : locking.guardedByName(receiver, method, name)) {
        out = out.withLock(LockRegion.taken(slot, line, null, false));
      }
    }
    return out;
  }

  /**
   * Whether the body keeps the method's {@code @AcquiresLock} and {@code @ReleasesLock}
   * contracts: at its normal exit the acquired locks are held (exclusively) and the released ones
   * are not. A lock is known by the slots it guards; one that guards none has nothing to check.
   * A contract it breaks is an {@link Rule#UNLOCKED_SLOT_WRITE} at the method's declaration.
   *
   * @param exit the store at the normal exit, or null when the method cannot return normally
   */
  public static void checkExit(
      MethodContext cx, MethodSymbol method, Tree declaration, @Nullable SlotStore exit) {
    dev.readonce.checker.model.MethodLocks locks = cx.calls.methodLocks(method);
    if (exit == null || (locks.acquires().isEmpty() && locks.releases().isEmpty())) {
      return;
    }
    Locking locking = new Locking(cx);
    AccessPath receiver = method.isStatic() ? null : AccessPath.of(new AccessPath.This());
    String name = method.getSimpleName().toString();
    for (String lock : locks.acquires()) {
      for (SlotKey slot : locking.guardedByName(receiver, method, lock)) {
        if (exit.writeLockCovering(slot) == null) {
          cx.sink.reportAfterFixpoint(
              new Finding(
                  Rule.UNLOCKED_SLOT_WRITE,
                  declaration,
                  Messages.lockNotTaken(name, lock),
                  null,
                  null));
          break;
        }
      }
    }
    for (String lock : locks.releases()) {
      for (SlotKey slot : locking.guardedByName(receiver, method, lock)) {
        if (exit.lockCovering(slot) != null) {
          cx.sink.reportAfterFixpoint(
              new Finding(
                  Rule.UNLOCKED_SLOT_WRITE,
                  declaration,
                  Messages.lockNotReleased(name, lock),
                  null,
                  null));
          break;
        }
      }
    }
  }

  /**
   * The slots of {@code owner} (an object of {@code type}) declared to be locked by {@code
   * lockName}: slot fields declared with it, and the slot of each accessor declared with it that
   * the receiver alone designates ({@code accessor getArray() lock=lock}: the slot is the
   * receiver, the one a {@code modifies-slot setArray(...)} of the same receiver writes; RC-3).
   */
  private void addGuarded(List<SlotKey> out, AccessPath owner, ClassSymbol type, String lockName) {
    if (cx.calls.receiverAccessorLockedBy(type, lockName) && !out.contains(new SlotKey(owner))) {
      out.add(new SlotKey(owner));
    }
    for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(type)) {
      if (!(member instanceof VarSymbol field)) {
        continue;
      }
      Optional<SlotDecl> decl = cx.calls.contracts().slotField(field);
      if (decl.isEmpty()
          || decl.get().lock().kind() != LockSpec.Kind.FIELD
          || !decl.get().lock().field().equals(lockName)) {
        continue;
      }
      AccessPath base =
          field.isStatic() ? AccessPath.of(new AccessPath.Static(type)) : owner;
      AccessPath slot = base.with(new AccessPath.Field(field));
      out.add(
          new SlotKey(
              Containers.holdsSlots(decl.get(), field.type) && Containers.isIndexed(field.type)
                  ? slot.with(new AccessPath.AnyIndex())
                  : slot));
    }
  }

  /**
   * After a call of a method with a lock contract: the slots its acquired locks guard are locked
   * (exclusively, as by {@code lock()}), and those of its released locks are not.
   */
  SlotStore namedLocks(
      MethodInvocationNode node,
      MethodSymbol callee,
      @Nullable AccessPath receiver,
      dev.readonce.checker.model.MethodLocks locks,
      SlotStore store) {
    SlotStore out = store;
    int line = cx.line(node.getTree());
    for (String name : locks.acquires()) {
      for (SlotKey slot : guardedByName(receiver, callee, name)) {
        out = out.withLock(LockRegion.taken(slot, line, null, false));
      }
    }
    for (String name : locks.releases()) {
      for (SlotKey slot : guardedByName(receiver, callee, name)) {
        out = out.withoutLock(slot);
      }
    }
    return out;
  }

  /** A declared re-check: true re-validates the snapshots it is given, false shows a mismatch. */
  TransferResult<SlotValue, SlotStore> revalidate(
      MethodInvocationNode node, Function<Node, SlotValue> values, SlotStore store) {
    List<Node> operands = new ArrayList<>(CallModel.arguments(node, CallModel.symbol(node)));
    if (node.getTarget().getReceiver() != null) {
      operands.add(node.getTarget().getReceiver());
    }
    SlotStore same = store;
    SlotStore changed = store;
    TestSite site = cx.testSite(node);
    for (Node operand : operands) {
      for (SnapId s : values.apply(operand).snaps()) {
        SnapState state = store.snap(s);
        if (state == null || state.underLock()) {
          continue;
        }
        same = validate(same, s, state, site);
        changed = changed.withSnap(s, state.asMismatched(site));
      }
    }
    return new ConditionalTransferResult<>(SlotValue.NOTHING, same, changed);
  }

  private static SlotStore validate(SlotStore store, SnapId s, SnapState state, TestSite site) {
    LockRegion region = store.lockCovering(state.slot());
    SlotStore out = store.withSnap(s, state.asTested(site));
    return region == null ? out : out.withLock(region.validate(s));
  }

  /**
   * {@code ==} and {@code !=}: a locked read compared with a pre-lock snapshot of the same slot
   * re-validates it (or shows the mismatch); a lock compared with null tells whether it was
   * taken; any other comparison is a test that decides on the snapshot.
   */
  TransferResult<SlotValue, SlotStore> compare(
      Node node,
      Node left,
      Node right,
      boolean equalIsThen,
      TransferInput<SlotValue, SlotStore> in,
      SlotStore store) {
    SlotValue l = SlotTransfer.valueOf(in, left);
    SlotValue r = SlotTransfer.valueOf(in, right);
    SlotStore equal = store;
    SlotStore different = store;
    SlotValue lock = l.lockOf() != null ? l : r.lockOf() != null ? r : null;
    boolean withNull = left instanceof NullLiteralNode || right instanceof NullLiteralNode;
    if (lock != null && (withNull || isZero(left) || isZero(right))) {
      // Not taken: a null lock, or a zero stamp (which releases every region its call took).
      LockRegion region = store.locks().get(lock.lockOf());
      Tree origin = region == null ? null : region.origin();
      equal =
          origin == null
              ? equal.withoutLock(lock.lockOf())
              : equal.withoutLocks(held -> held.origin() == origin);
    }
    boolean revalidation = false;
    TestSite site = cx.testSite(node);
    for (SnapId a : l.snaps()) {
      for (SnapId b : r.snaps()) {
        SnapState sa = store.snap(a);
        SnapState sb = store.snap(b);
        if (sa == null || sb == null || sa.slot() == null || !sa.slot().equals(sb.slot())) {
          continue;
        }
        if (sa.underLock() != sb.underLock()) {
          SnapId snapshot = sa.underLock() ? b : a;
          SnapState snapState = sa.underLock() ? sb : sa;
          equal = validate(equal, snapshot, snapState, site);
          different = different.withSnap(snapshot, snapState.asMismatched(site));
          revalidation = true;
        }
      }
    }
    if (revalidation) {
      cx.sink.retract(left, Rule.MISSING_REVALIDATION);
      cx.sink.retract(right, Rule.MISSING_REVALIDATION);
    }
    for (SnapId s : ImmutableSet.<SnapId>builder().addAll(l.snaps()).addAll(r.snaps()).build()) {
      SnapState eq = equal.snap(s);
      SnapState ne = different.snap(s);
      if (eq != null) {
        equal = equal.withSnap(s, eq.asTested(site));
      }
      if (ne != null) {
        different =
            different.withSnap(
                s,
                withNull
                    ? ne.withFacts(java.util.EnumSet.of(Fact.NOT_NONE), site)
                    : ne.asTested(site));
      }
    }
    return equalIsThen
        ? new ConditionalTransferResult<>(SlotValue.NOTHING, equal, different)
        : new ConditionalTransferResult<>(SlotValue.NOTHING, different, equal);
  }

  /** Whether the node is the constant zero (a failed {@code StampedLock} stamp). */
  private static boolean isZero(Node node) {
    Node n = node instanceof WideningConversionNode widening ? widening.getOperand() : node;
    return (n instanceof IntegerLiteralNode i && i.getValue() == 0)
        || (n instanceof LongLiteralNode l && l.getValue() == 0L);
  }
}

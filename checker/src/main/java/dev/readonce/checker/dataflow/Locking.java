package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
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
    if (lock instanceof MethodInvocationNode view) {
      Optional<LockRegion.Mode> viewMode = cx.calls.lockView(view);
      if (viewMode.isPresent()) {
        mode = viewMode.get();
        lock = view.getTarget().getReceiver();
      }
    }
    SlotValue lockValue = lock == null ? SlotValue.NOTHING : values.apply(lock);
    List<SlotKey> slots =
        lockValue.lockOf() != null ? List.of(lockValue.lockOf()) : guardedBy(lock);
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
        return validateStamp(slots, store);
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
  private TransferResult<SlotValue, SlotStore> validateStamp(List<SlotKey> slots, SlotStore store) {
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
          same = same.withSnap(s, state.asTested());
          changed = changed.withSnap(s, state.asMismatched());
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
    for (SlotKey slot : monitorGuards(node.getExpression())) {
      taken = take(taken, slot, node, tree);
    }
    return taken;
  }

  /**
   * The slots a monitor expression guards, seeing through the nodes that pass a value on: a cast,
   * an assignment (its right side), and a ternary (the slots both branches guard; MM-3).
   */
  private List<SlotKey> monitorGuards(Node expression) {
    if (expression instanceof TypeCastNode cast) {
      return monitorGuards(cast.getOperand());
    }
    if (expression instanceof AssignmentNode assignment) {
      return monitorGuards(assignment.getExpression());
    }
    if (expression instanceof TernaryExpressionNode ternary) {
      List<SlotKey> both = new ArrayList<>(monitorGuards(ternary.getThenOperand()));
      both.retainAll(monitorGuards(ternary.getElseOperand()));
      return both;
    }
    return guardedBy(expression);
  }

  /**
   * The slots whose declared lock is the given expression: a lock field of their owner ({@code
   * @ReadOnce(lock = "lock")}) or the owner itself ({@code lock = "this"}). The expression may
   * reach the field through getters whose source shows which field they return ({@code
   * pudp.table().ptl}). When the owner has no path (a call the analysis cannot see through), the
   * lock is still known by its field, but not whose it is: it then covers no slot that has a path
   * (reads stay unlocked, stores are reported), and counts as a held lock only for stores whose
   * slot has no path either.
   */
  List<SlotKey> guardedBy(@Nullable Node lockExpression) {
    List<SlotKey> out = new ArrayList<>();
    if (lockExpression == null) {
      return out;
    }
    AccessPath lock = lockPath(lockExpression);
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

  /** The path of a lock expression, seeing through getters that return a field. */
  private @Nullable AccessPath lockPath(Node node) {
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
    AccessPath owner = lockPath(receiver);
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

  private void addGuarded(List<SlotKey> out, AccessPath owner, ClassSymbol type, String lockName) {
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

  /** A declared re-check: true re-validates the snapshots it is given, false shows a mismatch. */
  TransferResult<SlotValue, SlotStore> revalidate(
      MethodInvocationNode node, Function<Node, SlotValue> values, SlotStore store) {
    List<Node> operands = new ArrayList<>(CallModel.arguments(node, CallModel.symbol(node)));
    if (node.getTarget().getReceiver() != null) {
      operands.add(node.getTarget().getReceiver());
    }
    SlotStore same = store;
    SlotStore changed = store;
    for (Node operand : operands) {
      for (SnapId s : values.apply(operand).snaps()) {
        SnapState state = store.snap(s);
        if (state == null || state.underLock()) {
          continue;
        }
        same = validate(same, s, state);
        changed = changed.withSnap(s, state.asMismatched());
      }
    }
    return new ConditionalTransferResult<>(SlotValue.NOTHING, same, changed);
  }

  private static SlotStore validate(SlotStore store, SnapId s, SnapState state) {
    LockRegion region = store.lockCovering(state.slot());
    SlotStore out = store.withSnap(s, state.asTested());
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
          equal = validate(equal, snapshot, snapState);
          different = different.withSnap(snapshot, snapState.asMismatched());
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
        equal = equal.withSnap(s, eq.asTested());
      }
      if (ne != null) {
        different =
            different.withSnap(
                s, withNull ? ne.withFacts(java.util.EnumSet.of(Fact.NOT_NONE)) : ne.asTested());
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

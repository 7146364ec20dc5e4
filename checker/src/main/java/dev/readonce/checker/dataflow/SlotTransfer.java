package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.model.MethodLocks;
import dev.readonce.checker.model.SlotDecl;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.UnderlyingAST;
import org.checkerframework.errorprone.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.BinaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.CaseNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ClassNameNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalAndNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalOrNode;
import org.checkerframework.errorprone.dataflow.cfg.node.GreaterThanNode;
import org.checkerframework.errorprone.dataflow.cfg.node.GreaterThanOrEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.InstanceOfNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LessThanNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LessThanOrEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.UnaryOperationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ConditionalNotNode;
import org.checkerframework.errorprone.dataflow.cfg.node.EqualToNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.NarrowingConversionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.NotEqualNode;
import org.checkerframework.errorprone.dataflow.cfg.node.SynchronizedNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TernaryExpressionNode;
import org.checkerframework.errorprone.dataflow.cfg.node.ThisNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;
import org.jspecify.annotations.Nullable;

/**
 * The transfer function: how each CFG node changes the {@link SlotStore}. Value flow, locks and
 * branches live here; what counts as a violation lives in {@link RuleChecks}.
 */
public final class SlotTransfer
    extends AbstractNodeVisitor<
        TransferResult<SlotValue, SlotStore>, TransferInput<SlotValue, SlotStore>>
    implements ForwardTransferFunction<SlotValue, SlotStore> {

  private final MethodContext cx;
  private final SlotStore initial;
  private final RuleChecks checks;
  private final Locking locking;
  private final Ownership ownership;
  private final WriterContext writers;

  public SlotTransfer(MethodContext cx, SlotStore initial) {
    this.cx = cx;
    this.initial = initial;
    this.ownership = new Ownership(cx);
    this.checks = new RuleChecks(cx, ownership);
    this.locking = new Locking(cx);
    this.writers = new WriterContext(cx);
  }

  @Override
  public SlotStore initialStore(UnderlyingAST ast, List<LocalVariableNode> parameters) {
    return initial;
  }

  /** The stores entering a node, after the pass and monitor boundaries the node crosses. */
  private record Stores(SlotStore then, SlotStore otherwise, boolean two) {
    SlotStore regular() {
      return two ? then.leastUpperBound(otherwise) : then;
    }
  }

  private Stores enter(Node node, TransferInput<SlotValue, SlotStore> in) {
    cx.sink.begin(node);
    boolean two = in.containsTwoStores();
    SlotStore then = two ? in.getThenStore() : in.getRegularStore();
    SlotStore otherwise = two ? in.getElseStore() : then;
    ImmutableSet<Long> loop = cx.passes.loopStartingAt(node);
    if (loop != null) {
      then = then.withoutReadsIn(loop);
      otherwise = otherwise.withoutReadsIn(loop);
    }
    if (node.getTree() != null) {
      then = locking.leaveMonitors(then, node.getTree());
      otherwise = locking.leaveMonitors(otherwise, node.getTree());
    }
    return new Stores(then, otherwise, two);
  }

  private static TransferResult<SlotValue, SlotStore> regular(SlotValue value, SlotStore store) {
    return new RegularTransferResult<>(value, store);
  }

  private static TransferResult<SlotValue, SlotStore> branch(
      SlotValue value, SlotStore then, SlotStore otherwise) {
    return new ConditionalTransferResult<>(value, then, otherwise);
  }

  private static TransferResult<SlotValue, SlotStore> pass(Stores st, SlotValue value) {
    return st.two ? branch(value, st.then, st.otherwise) : regular(value, st.then);
  }

  static SlotValue valueOf(TransferInput<SlotValue, SlotStore> in, @Nullable Node node) {
    if (node == null || node.isLValue()) {
      // The framework keeps no value for an lvalue: it never transfers one.
      return SlotValue.NOTHING;
    }
    if (node instanceof LocalVariableNode local
        && local.getElement() instanceof VarSymbol variable
        && AccessPath.isSynthetic(variable)) {
      // A CFG temporary is read where it is used, not where its node was evaluated: the postfix
      // temporary of `f(i++)` is evaluated before `i = i + 1`, which rebases what it holds.
      return in.getRegularStore().local(variable);
    }
    SlotValue v = in.getValueOfSubNode(node);
    return v == null ? SlotValue.NOTHING : v;
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitNode(
      Node node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    if (node instanceof GreaterThanNode
        || node instanceof GreaterThanOrEqualNode
        || node instanceof LessThanNode
        || node instanceof LessThanOrEqualNode
        || node instanceof InstanceOfNode) {
      // An ordering or type test decides on the snapshots it looks at.
      SlotStore tested =
          SnapshotFacts.tested(
              st.regular(), SnapshotFacts.operandSnaps(node, in), cx.testSite(node));
      return branch(SlotValue.NOTHING, tested, tested);
    }
    if ((node instanceof BinaryOperationNode && !(node instanceof ConditionalAndNode)
            && !(node instanceof ConditionalOrNode))
        || node instanceof UnaryOperationNode) {
      // Arithmetic on a snapshot is still that snapshot's value: deciding on `(pud & MASK)`
      // decides on `pud`. Pure integer arithmetic over named values is named by what it computes,
      // so an index `(n - 1) & h` designates the same slot each time it is written.
      return pass(
          st,
          SlotValue.snapshots(SnapshotFacts.operandSnaps(node, in))
              .withPath(AccessPath.computed(node, n -> valueOf(in, n))));
    }
    if (node instanceof ThisNode || node instanceof ClassNameNode) {
      return pass(st, SlotValue.at(AccessPath.of(node)));
    }
    return pass(st, SlotValue.NOTHING);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitCase(
      CaseNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    ImmutableSet<SnapId> selector = valueOf(in, node.getSwitchOperand()).snaps();
    return st.two
        ? branch(
            SlotValue.NOTHING,
            SnapshotFacts.tested(st.then, selector, cx.testSite(node)),
            SnapshotFacts.tested(st.otherwise, selector, cx.testSite(node)))
        : regular(
            SlotValue.NOTHING, SnapshotFacts.tested(st.regular(), selector, cx.testSite(node)));
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitMemberReference(
      FunctionalInterfaceNode node, TransferInput<SlotValue, SlotStore> in) {
    TransferResult<SlotValue, SlotStore> result = visitNode(node, in);
    if (node.getTree() instanceof MemberReferenceTree reference) {
      checks.methodReference(node, reference);
    }
    return result;
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitLocalVariable(
      LocalVariableNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    if (!(node.getElement() instanceof VarSymbol variable)) {
      return pass(st, SlotValue.NOTHING);
    }
    SlotValue value = st.regular().local(variable);
    if (!node.isLValue()) {
      checks.use(node, value, st.regular());
      st =
          new Stores(ownership.used(node, st.then), ownership.used(node, st.otherwise), st.two);
    }
    // A source local names itself; a CFG temporary names what it was assigned from.
    return pass(
        st,
        AccessPath.isSynthetic(variable)
            ? value
            : value.withPath(AccessPath.of(new AccessPath.Local(variable))));
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitAssignment(
      AssignmentNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    SlotStore store = st.regular();
    Function<Node, SlotValue> values = n -> valueOf(in, n);
    SlotValue value = valueOf(in, node.getExpression());
    Node target = node.getTarget();
    // The assignment used as an expression denotes what was assigned: the right side's memory
    // when it names one (`lock((t = u))` locks u), else the target (`tabAt(tab, i = h & m)`).
    AccessPath targetPath = AccessPath.of(target, values);
    // A computed value names no memory: `tabAt(tab, i = (n - 1) & h)` reads tab[i].
    AccessPath valuePath =
        value.path() != null && !value.path().isComputed() ? value.path() : targetPath;
    if (target instanceof LocalVariableNode local
        && local.getElement() instanceof VarSymbol variable) {
      SlotValue result = AccessPath.isSynthetic(variable) ? value : value.withPath(valuePath);
      if (st.two) {
        // A boolean assigned a condition (`b = !busy.compareAndSet(false, true)`) keeps the
        // condition's two outcomes for the test of the assignment (MM-10).
        return branch(
            result,
            assignLocal(variable, node.getExpression(), value, st.then),
            assignLocal(variable, node.getExpression(), value, st.otherwise));
      }
      return regular(result, assignLocal(variable, node.getExpression(), value, store));
    } else if (target instanceof FieldAccessNode field
        && field.getElement() instanceof VarSymbol f) {
      SlotDecl decl = cx.calls.contracts().slotField(f).orElse(null);
      if (decl != null && !Containers.holdsSlots(decl, f.type)) {
        SlotKey slot = targetPath == null ? null : new SlotKey(targetPath);
        writers.write(node, slot, f, store);
        checks.write(node, slot, decl.lock(), store);
        store = ownership.written(slot, store);
      }
      store = store.reassigned(f);
    } else if (target instanceof ArrayAccessNode element
        && valueOf(in, element.getArray()).container() != null) {
      writers.write(node, targetPath == null ? null : new SlotKey(targetPath), null, store);
      checks.write(
          node,
          targetPath == null ? null : new SlotKey(targetPath),
          valueOf(in, element.getArray()).container().lock(),
          store);
    }
    return regular(value.withPath(valuePath), store);
  }

  /** A store of a value into a local. */
  private SlotStore assignLocal(
      VarSymbol variable, Node expression, SlotValue value, SlotStore store) {
    if (AccessPath.isSynthetic(variable)) {
      // A CFG temporary keeps the path of what it copies, for its uses to name.
      return ownership.assignedLocal(variable, expression, store.withLocal(variable, value));
    }
    SlotValue old = store.local(variable);
    // A local keeps what it was computed from (`i = (n - 1) & h`) while those values stand, so
    // assigning it the same computation again leaves every path through it as it was.
    AccessPath definition =
        value.path() != null && value.path().isComputed() && !value.path().mentions(variable)
            ? value.path()
            : null;
    if (definition != null && definition.equals(old.path())) {
      return ownership.assignedLocal(variable, expression, store.withLocal(variable, value));
    }
    VarSymbol keeper = store.keeperOf(variable);
    SlotStore out =
        keeper == null
            ? store.reassigned(variable)
            : store.rebased(variable, AccessPath.of(new AccessPath.Old(variable, keeper)));
    // A computed definition (`i = (n - 1) & h`) or a chain of final fields (a lock alias).
    // (Reassigning or rebasing changed no local's snapshots, so `out` holds `old`'s here.)
    out =
        out.withLocalForgettingUnheldMismatches(
            variable,
            value.withPath(definition != null ? definition : lockAlias(value.path())),
            old);
    return ownership.assignedLocal(variable, expression, out);
  }

  /**
   * What a local keeps of the path of the value assigned to it: a chain of final fields ({@code
   * this.takeLock}, {@code s.readLock}) still denotes the same object while the local holds it, so
   * a lock taken through the local is that field's lock (RC-4); any other path is forgotten (the
   * memory may change under it). A reassignment of the chain's root drops it ({@link
   * SlotStore#reassigned}).
   */
  private static @Nullable AccessPath lockAlias(@Nullable AccessPath path) {
    if (path == null || path.steps().isEmpty() || path.root() instanceof AccessPath.Old) {
      return null;
    }
    for (AccessPath.Step step : path.steps()) {
      if (!(step instanceof AccessPath.Field f)
          || (f.field().flags() & com.sun.tools.javac.code.Flags.FINAL) == 0) {
        return null;
      }
    }
    return path;
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitFieldAccess(
      FieldAccessNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    if (node.isLValue() || !(node.getElement() instanceof VarSymbol field)) {
      return pass(st, SlotValue.NOTHING);
    }
    AccessPath path = AccessPath.of(node, n -> valueOf(in, n));
    SlotDecl decl = cx.calls.contracts().slotField(field).orElse(null);
    if (decl == null) {
      // The array test first: a javac name's contentEquals decodes it into a String.
      if (node.getReceiver().getType().getKind() == javax.lang.model.type.TypeKind.ARRAY
          && field.getSimpleName().contentEquals("length")) {
        // An array's length is fixed: a test of it decides on the snapshot of the array itself
        // (`ls.length == 0` for a @ReadOnce(reference = true) array).
        return pass(
            st, SlotValue.snapshots(valueOf(in, node.getReceiver()).snaps()).withPath(path));
      }
      return pass(
          st, checks.hints().throughReceiver(valueOf(in, node.getReceiver()), SlotValue.at(path)));
    }
    if (Containers.holdsSlots(decl, field.type)) {
      return pass(st, SlotValue.container(decl).withPath(path));
    }
    Call.Read read =
        new Call.Read(
            path == null ? null : new SlotKey(path),
            Containers.isVolatile(field),
            decl.stableAfterPointer(),
            decl.lock());
    return read(node, read, st.regular(), path);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitArrayAccess(
      ArrayAccessNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    SlotDecl decl = valueOf(in, node.getArray()).container();
    if (node.isLValue()) {
      return pass(st, SlotValue.NOTHING);
    }
    AccessPath path = AccessPath.of(node, n -> valueOf(in, n));
    if (decl == null) {
      return pass(st, SlotValue.at(path));
    }
    Call.Read read =
        new Call.Read(
            path == null ? null : new SlotKey(path), false, decl.stableAfterPointer(), decl.lock());
    return read(node, read, st.regular(), path);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitMethodInvocation(
      MethodInvocationNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    SlotStore store = st.regular();
    Function<Node, SlotValue> values = n -> valueOf(in, n);
    Call call = cx.calls.classify(node, values);
    if (cx.primitive && !(call instanceof Call.Test)) {
      return regular(SlotValue.NOTHING, store);
    }
    store = namedLocks(node, values, store);
    writers.call(node, values);
    if (call instanceof Call.Read read) {
      return read(node, read, store, null);
    } else if (call instanceof Call.Write write) {
      writers.write(node, write.slot(), null, store);
      checks.write(node, write.slot(), write.lock(), store);
      store = ownership.written(write.slot(), store);
    } else if (call instanceof Call.AtomicUpdate update) {
      writers.write(node, update.slot(), null, store);
      return ownership.update(
          node, update.slot(), Ownership.isCompareAndSet(update.name()), store);
    } else if (call instanceof Call.LockSlot lock) {
      return locking.lockSlot(node, lock, values, store);
    } else if (call instanceof Call.LockOp op) {
      return ownership.lockOp(node, op, locking.lockOp(node, op, values, store));
    } else if (call instanceof Call.Revalidate) {
      return locking.revalidate(node, values, store);
    } else if (call instanceof Call.Test test) {
      return SnapshotFacts.test(node, test, values, store, cx.testSite(node));
    } else if (call instanceof Call.Descend descend) {
      List<Node> args = CallModel.arguments(node, CallModel.symbol(node));
      if (descend.argument() < args.size()) {
        SlotValue snapshot = values.apply(args.get(descend.argument()));
        checks.descent(node, snapshot, store, "", true);
        SlotKey lowerTableLock = SnapshotFacts.lowerTableLock(snapshot, store);
        if (lowerTableLock != null) {
          return regular(SlotValue.coveredBy(lowerTableLock), store);
        }
      }
    } else if (call instanceof Call.Modify modify) {
      // The thread itself changes the slot: what it read before is stale, and a re-read into
      // the same snapshot variable is a refresh, not a second read of this pass. A boolean
      // modification is taken for a compare-and-set (see Ownership#update).
      writers.write(node, modify.slot(), null, store);
      return ownership.update(node, modify.slot(), true, store);
    } else if (call instanceof Call.Other) {
      checks.callee(node, values, store);
      store = ownCalleeWrites(node, store);
      if (node.getType() != null
          && node.getType().getKind() == javax.lang.model.type.TypeKind.BOOLEAN) {
        // A predicate of a snapshot (pud_trans_huge(pud)) decides on it, declared or not.
        ImmutableSet.Builder<SnapId> tested = ImmutableSet.builder();
        for (Node arg : CallModel.arguments(node, CallModel.symbol(node))) {
          tested.addAll(values.apply(arg).snaps());
        }
        store = SnapshotFacts.tested(store, tested.build(), cx.testSite(node));
      }
      // A heuristic: a method of a covered handle that returns the handle's own type (next())
      // returns a neighbour in the same table, covered by the same lock.
      Node receiver = node.getTarget().getReceiver();
      SlotKey covered = receiver == null ? null : values.apply(receiver).coveredBy();
      if (covered != null
          && receiver.getType() != null
          && node.getType() != null
          && cx.calls.sameType(receiver.getType(), node.getType())) {
        return regular(SlotValue.coveredBy(covered), store);
      }
      if (AccessPath.isBoxing(node)) {
        // The CFG's autoboxing (`Integer.valueOf(i)`) is the value it boxes.
        return regular(values.apply(node.getArguments().get(0)), store);
      }
      if (node.getType() != null
          && node.getType().getKind().isPrimitive()
          && node.getType().getKind() != javax.lang.model.type.TypeKind.BOOLEAN) {
        // A number computed from a snapshot (`int index = indexOfRange(o, snapshot, 0, n)`) is
        // that snapshot's value, as arithmetic on it is: while it may decide, so does the
        // snapshot (RC-8). Only numbers: an object a call returns is no snapshot of the slot.
        ImmutableSet.Builder<SnapId> derived = ImmutableSet.builder();
        for (Node arg : CallModel.arguments(node, CallModel.symbol(node))) {
          derived.addAll(values.apply(arg).snaps());
        }
        return regular(SlotValue.snapshots(derived.build()), store);
      }
    }
    return regular(SlotValue.NOTHING, store);
  }

  /**
   * Audit mode: a call of a method of this object (or class) that stores one of its fields changes
   * that field on this thread, like a {@code @ModifiesSlot} method, so the read after it is a
   * refresh ({@code initializeIfNecessary(ctx); if (state == ...)}).
   */
  private SlotStore ownCalleeWrites(MethodInvocationNode node, SlotStore store) {
    MethodSymbol callee = CallModel.symbol(node);
    Node receiver = node.getTarget().getReceiver();
    if (callee == null
        || !(receiver instanceof ThisNode || receiver instanceof ClassNameNode)
        || !cx.calls.contracts().audit()) {
      return store;
    }
    com.google.common.collect.ImmutableSet<VarSymbol> written =
        cx.calls.contracts().fieldsWrittenBy(callee);
    if (written.isEmpty()) {
      return store;
    }
    return store.withoutReads(
        k ->
            (k.path().root() instanceof AccessPath.This
                    || k.path().root() instanceof AccessPath.Static)
                && k.path().steps().size() == 1
                && k.path().steps().get(0) instanceof AccessPath.Field f
                && written.contains(f.field()));
  }

  /**
   * A call of a method with a lock contract: its callers must hold its {@code @Holding} locks
   * (checked here), and after it the slots of its {@code @AcquiresLock} locks are locked and those
   * of its {@code @ReleasesLock} locks are not.
   */
  private SlotStore namedLocks(
      MethodInvocationNode node, Function<Node, SlotValue> values, SlotStore store) {
    MethodSymbol callee = CallModel.symbol(node);
    if (callee == null) {
      return store;
    }
    MethodLocks locks = cx.calls.methodLocks(callee);
    if (locks.isEmpty()) {
      return store;
    }
    Node receiverNode = callee.isStatic() ? null : node.getTarget().getReceiver();
    AccessPath receiver = receiverNode == null ? null : AccessPath.of(receiverNode, values);
    for (String name : locks.holding()) {
      List<SlotKey> slots = locking.guardedByName(receiver, callee, name);
      if (!checks.holding(node, callee, name, receiver, receiverNode != null, slots, store)) {
        break; // one finding per call
      }
    }
    return locking.namedLocks(node, callee, receiver, locks, store);
  }

  private TransferResult<SlotValue, SlotStore> read(
      Node node, Call.Read read, SlotStore store, @Nullable AccessPath path) {
    SnapId id = new SnapId(node.getTree());
    boolean locked =
        store.lockCovering(read.slot()) != null
            || ownership.covers(read.slot(), read.lock(), node.getTree(), store)
            || writers.readsOwnWrite(read.slot());
    SlotStore optimistic = locked ? null : locking.optimisticRead(read.slot(), id, store);
    if (optimistic != null) {
      store = optimistic; // judged by the validate(stamp) that closes the window
    } else if (!locked && checks.hints().unlockedHint(node)) {
      // A deliberate hint (@RacyHint): neither a plain read nor a second read; judged at its uses.
      checks.hints().judgeRead(node);
    } else if (!locked && !cx.primitive) {
      store = checks.unlockedRead(node, read, store);
    }
    SnapState state =
        new SnapState(
            read.slot(),
            read.slot() == null ? "?" : read.slot().toString(),
            cx.line(node.getTree()),
            ImmutableSet.of(),
            false,
            locked,
            read.stable(),
            read.lock(),
            false,
            false);
    return regular(SlotValue.snapshot(id).withPath(path), store.withSnap(id, state));
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitEqualTo(
      EqualToNode node, TransferInput<SlotValue, SlotStore> in) {
    return locking.compare(
        node, node.getLeftOperand(), node.getRightOperand(), true, in, enter(node, in).regular());
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitNotEqual(
      NotEqualNode node, TransferInput<SlotValue, SlotStore> in) {
    return locking.compare(
        node, node.getLeftOperand(), node.getRightOperand(), false, in, enter(node, in).regular());
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitConditionalNot(
      ConditionalNotNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    return st.two
        ? branch(SlotValue.NOTHING, /* then= */ st.otherwise, /* otherwise= */ st.then)
        : pass(st, SlotValue.NOTHING);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitSynchronized(
      SynchronizedNode node, TransferInput<SlotValue, SlotStore> in) {
    SlotStore store = enter(node, in).regular();
    SlotValue monitor = monitorValue(node.getExpression(), in, store);
    return regular(SlotValue.NOTHING, locking.monitor(node, monitor, store));
  }

  /**
   * The monitor expression is not an operand of the node, so the framework keeps no value for
   * it: rebuild it from the store through the nodes that pass a value on.
   */
  private static SlotValue monitorValue(
      Node expression, TransferInput<SlotValue, SlotStore> in, SlotStore store) {
    if (expression instanceof LocalVariableNode local
        && local.getElement() instanceof VarSymbol variable) {
      return store.local(variable);
    }
    if (expression instanceof TernaryExpressionNode ternary) {
      return monitorValue(ternary.getThenOperand(), in, store)
          .leastUpperBound(monitorValue(ternary.getElseOperand(), in, store));
    }
    if (expression instanceof TypeCastNode cast) {
      return monitorValue(cast.getOperand(), in, store);
    }
    if (expression instanceof AssignmentNode assignment) {
      return monitorValue(assignment.getTarget(), in, store);
    }
    return valueOf(in, expression);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitTernaryExpression(
      TernaryExpressionNode node, TransferInput<SlotValue, SlotStore> in) {
    Stores st = enter(node, in);
    SlotValue value =
        valueOf(in, node.getThenOperand()).leastUpperBound(valueOf(in, node.getElseOperand()));
    return pass(st, value);
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitTypeCast(
      TypeCastNode node, TransferInput<SlotValue, SlotStore> in) {
    return pass(enter(node, in), valueOf(in, node.getOperand()));
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitWideningConversion(
      WideningConversionNode node, TransferInput<SlotValue, SlotStore> in) {
    return pass(enter(node, in), valueOf(in, node.getOperand()));
  }

  @Override
  public TransferResult<SlotValue, SlotStore> visitNarrowingConversion(
      NarrowingConversionNode node, TransferInput<SlotValue, SlotStore> in) {
    // A narrowed value is another number: it keeps its snapshots but names no memory.
    return pass(enter(node, in), valueOf(in, node.getOperand()).withPath(null));
  }

  /** The analyzed method's parameter position of a variable, or -1. */
  static int parameterIndex(@Nullable MethodSymbol method, VarSymbol variable) {
    if (method == null) {
      return -1;
    }
    return method.getParameters().indexOf(variable);
  }
}

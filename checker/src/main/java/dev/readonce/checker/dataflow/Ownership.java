package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.model.LockSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.type.TypeKind;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.RegularTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.checkerframework.errorprone.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.TypeCastNode;
import org.checkerframework.errorprone.dataflow.cfg.node.WideningConversionNode;
import org.jspecify.annotations.Nullable;

/**
 * Ownership: when a slot's memory belongs to this thread alone, so that accessing it needs no lock.
 * Three kinds, each kept in the store's {@link Owned} and documented on the checks' pages:
 *
 * <ul>
 *   <li><b>Unpublished objects.</b> A local assigned {@code new T(...)}, {@code new T[n]} or {@code
 *       super.clone()} holds an object no other thread can reach until it is <em>published</em>;
 *       the fields and elements of that object ({@code p.next}, {@code nt[i]}) are not slots yet.
 *       Any use of the local other than those listed in {@link #publishes} publishes it.
 *   <li><b>Claims.</b> A successful compare-and-set of a slot to a constant ({@code cellsBusy} 0 to
 *       1, {@code busy.compareAndSet(false, true)}) is a spin lock: until the thread writes the
 *       slot again (the release, {@code cellsBusy = 0}), it owns that slot and the slots declared
 *       to be locked by it ({@code lock = "cellsBusy"}).
 *   <li><b>Installing a locked value.</b> A successful compare-and-set that installs into a slot a
 *       value whose monitor this thread holds ({@code synchronized (r) { if (casTabAt(tab, i, null,
 *       r)) ... }}, {@code ConcurrentHashMap}'s {@code ReservationNode}) holds the slot's
 *       held-value lock for the rest of the {@code synchronized} block.
 * </ul>
 *
 * <p>In audit mode the lock of an audited slot is unknown ({@link LockSpec.Kind#UNKNOWN}), and any
 * lock the thread holds is taken as that lock: a monitor, a {@code Lock}, a claim.
 */
final class Ownership {

  private final MethodContext cx;
  private @Nullable Set<VarSymbol> captured;

  Ownership(MethodContext cx) {
    this.cx = cx;
  }

  // ---- unpublished objects ----------------------------------------------------------------

  /**
   * An assignment to a local: a new object (or a fresh local's alias) makes it hold a fresh object;
   * anything else ends what it held. A local that a lambda or inner class captures is never fresh:
   * the capture may run on another thread at any time.
   */
  SlotStore assignedLocal(VarSymbol local, Node expression, SlotStore store) {
    Owned owned = store.owned().withoutFresh(local);
    Tree creation = creation(expression, store);
    if (creation != null) {
      owned =
          captured().contains(local) ? owned.published(creation) : owned.withFresh(local, creation);
    }
    return store.withOwned(owned);
  }

  /** The creation site of the fresh object an expression yields, if it yields one. */
  private @Nullable Tree creation(Node expression, SlotStore store) {
    Node e = expression;
    while (e instanceof TypeCastNode cast) {
      e = cast.getOperand();
    }
    if (e instanceof ObjectCreationNode || e instanceof ArrayCreationNode) {
      return e.getTree();
    }
    if (e instanceof LocalVariableNode local && local.getElement() instanceof VarSymbol v) {
      return store.owned().creation(v);
    }
    if (e instanceof MethodInvocationNode call && isSuperClone(call)) {
      return call.getTree();
    }
    return null;
  }

  /** {@code super.clone()}: a field-by-field copy of this object that nobody else has seen. */
  private static boolean isSuperClone(MethodInvocationNode call) {
    MethodInvocationTree tree = call.getTree();
    return tree != null
        && tree.getArguments().isEmpty()
        && tree.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("clone")
        && select.getExpression() instanceof IdentifierTree receiver
        && receiver.getName().contentEquals("super");
  }

  /** A read of a local: publishes the fresh object it holds unless the use cannot leak it. */
  SlotStore used(LocalVariableNode node, SlotStore store) {
    if (!(node.getElement() instanceof VarSymbol v)) {
      return store;
    }
    Tree creation = store.owned().creation(v);
    if (creation == null || !publishes(node.getTree())) {
      return store;
    }
    return store.withOwned(store.owned().published(creation));
  }

  /**
   * Whether a use of a local publishes the object it holds. Conservative: only these uses do not —
   * selecting a field of it ({@code p.next}, read or written) or an element ({@code p[i]});
   * comparing it ({@code ==}, {@code !=}, {@code instanceof}); locking its monitor; copying it into
   * another local (an alias, tracked with it); iterating over it; passing it to {@code
   * System.arraycopy} or {@code Arrays.fill}, which keep no reference; passing it as the argument
   * that designates the slot a slot primitive accesses ({@code setTabAt(nt, i, v)}, {@code
   * NEXT.set(p, v)}: the object, not the value stored). Everything else publishes: storing it in a
   * field, array or slot, passing it to any other method (a constructor or a compare-and-set
   * included) or calling a method on it (which may leak {@code this}), returning or throwing it,
   * and any expression that yields it to an enclosing one.
   */
  private boolean publishes(Tree use) {
    Tree child = use;
    Tree parent = cx.parent(child);
    // A ternary's branch yields the object to whatever uses the ternary.
    while (parent instanceof TypeCastTree
        || parent instanceof ParenthesizedTree
        || (parent instanceof ConditionalExpressionTree cond && cond.getCondition() != child)) {
      child = parent;
      parent = cx.parent(child);
    }
    if (parent instanceof MemberSelectTree select) {
      Tree outer = cx.parent(select);
      return outer instanceof MethodInvocationTree call && call.getMethodSelect() == select;
    }
    if (parent instanceof ArrayAccessTree
        || parent instanceof InstanceOfTree
        || parent instanceof SynchronizedTree
        || parent instanceof EnhancedForLoopTree) {
      return false;
    }
    if (parent instanceof BinaryTree binary) {
      return binary.getKind() != Tree.Kind.EQUAL_TO && binary.getKind() != Tree.Kind.NOT_EQUAL_TO;
    }
    if (parent instanceof AssignmentTree assignment && assignment.getExpression() == child) {
      if (!(ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol target
          && isLocal(target))) {
        return true;
      }
      // An alias copy; used as a value (`add((q = p))`) it also yields the object outward.
      return !(cx.parent(assignment) instanceof ExpressionStatementTree) && publishes(assignment);
    }
    if (parent instanceof VariableTree declaration && declaration.getInitializer() == child) {
      return false;
    }
    if (parent instanceof MethodInvocationTree call && call.getMethodSelect() != child) {
      MethodSymbol callee = ASTHelpers.getSymbol(call);
      return !keepsNoReference(callee) && !designatesSlot(callee, argumentIndex(call, child));
    }
    return true;
  }

  /**
   * The position of an argument in a call, or -1. {@link MethodContext#parent} skips parentheses,
   * so the child may be an argument {@code (q = p)} without its parentheses.
   */
  private static int argumentIndex(MethodInvocationTree call, Tree child) {
    List<? extends ExpressionTree> args = call.getArguments();
    for (int i = 0; i < args.size(); i++) {
      if (stripParens(args.get(i)) == child) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether an argument only designates the slot a slot primitive accesses (the {@code tab} of
   * {@code setTabAt(tab, i, v)}, the object of {@code NEXT.set(p, v)}): the primitive reads or
   * writes through it, it does not store it anywhere.
   */
  private boolean designatesSlot(@Nullable MethodSymbol callee, int index) {
    if (callee == null || index < 0) {
      return false;
    }
    String owner = callee.owner.getQualifiedName().toString();
    if (owner.equals("java.lang.invoke.VarHandle")
        || (owner.startsWith("java.util.concurrent.atomic.Atomic")
            && owner.endsWith("FieldUpdater"))) {
      return index == 0;
    }
    var contracts = cx.calls.contracts();
    if (contracts.accessor(callee).isPresent()
        || contracts.pointerTest(callee).isPresent()
        || contracts.revalidates(callee)) {
      return true;
    }
    var modifies = contracts.modifies(callee);
    if (modifies.isPresent()) {
      var params = modifies.get().slot();
      return params.isReceiver() ? callee.isStatic() : params.indices().contains(index);
    }
    return false;
  }

  private static boolean isLocal(VarSymbol v) {
    return v.getKind() == ElementKind.LOCAL_VARIABLE
        || v.getKind() == ElementKind.PARAMETER
        || v.getKind() == ElementKind.EXCEPTION_PARAMETER
        || v.getKind() == ElementKind.RESOURCE_VARIABLE
        || v.getKind() == ElementKind.BINDING_VARIABLE;
  }

  /** Library methods that read or fill an array argument and keep no reference to it. */
  private static boolean keepsNoReference(@Nullable MethodSymbol method) {
    if (method == null) {
      return false;
    }
    String owner = method.owner.getQualifiedName().toString();
    String name = method.getSimpleName().toString();
    return (owner.equals("java.lang.System") && name.equals("arraycopy"))
        || (owner.equals("java.util.Arrays") && name.equals("fill"));
  }

  /** The locals a lambda, method reference or class body in this method refers to. */
  private Set<VarSymbol> captured() {
    if (captured == null) {
      Set<VarSymbol> out = new HashSet<>();
      TreeScanner<Void, Boolean> scanner =
          new TreeScanner<>() {
            @Override
            public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean inside) {
              return super.visitLambdaExpression(tree, true);
            }

            @Override
            public Void visitMemberReference(MemberReferenceTree tree, Boolean inside) {
              return super.visitMemberReference(tree, true);
            }

            @Override
            public Void visitClass(ClassTree tree, Boolean inside) {
              return super.visitClass(tree, true);
            }

            @Override
            public Void visitIdentifier(IdentifierTree tree, Boolean inside) {
              if (inside && ASTHelpers.getSymbol(tree) instanceof VarSymbol v && isLocal(v)) {
                out.add(v);
              }
              return null;
            }
          };
      scanner.scan(cx.body(), false);
      captured = out;
    }
    return captured;
  }

  // ---- coverage ---------------------------------------------------------------------------

  /**
   * Whether this thread owns the slot here, so that reading or writing it needs no lock: a field or
   * element of an unpublished object, a claimed slot or one declared locked by a claimed slot, or
   * (audit mode, lock unknown) any lock held.
   */
  boolean covers(@Nullable SlotKey slot, LockSpec lock, @Nullable Tree at, SlotStore store) {
    return covers(slot, lock, at, store, false);
  }

  /** As above; for a store ({@code write}) a read lock or an optimistic window does not count. */
  boolean covers(
      @Nullable SlotKey slot, LockSpec lock, @Nullable Tree at, SlotStore store, boolean write) {
    Owned owned = store.owned();
    if (slot != null) {
      AccessPath path = slot.path();
      if (path.root() instanceof AccessPath.Local root
          && path.steps().size() == 1
          && owned.creation(root.variable()) != null) {
        return true;
      }
      if (owned.claims().containsKey(slot) || claimedLockOf(slot, lock, owned)) {
        return true;
      }
    }
    return (lock.kind() == LockSpec.Kind.UNKNOWN || lock.kind() == LockSpec.Kind.UNGUARDED)
        && anyLockHeld(at, store, write);
  }

  /** A slot declared {@code lock = "busy"} is covered by a claim of its owner's {@code busy}. */
  private static boolean claimedLockOf(SlotKey slot, LockSpec lock, Owned owned) {
    if (lock.kind() != LockSpec.Kind.FIELD || slot.path().steps().isEmpty()) {
      return false;
    }
    List<AccessPath.Step> steps = slot.path().steps();
    // The owner of the slot field (for an element, of the array field).
    int ownerEnd = steps.size() - 1;
    if (!(steps.get(ownerEnd) instanceof AccessPath.Field) && ownerEnd > 0) {
      ownerEnd--;
    }
    AccessPath owner =
        new AccessPath(slot.path().root(), ImmutableList.copyOf(steps.subList(0, ownerEnd)));
    for (SlotKey claimed : owned.claims().keySet()) {
      List<AccessPath.Step> c = claimed.path().steps();
      if (!c.isEmpty()
          && c.get(c.size() - 1) instanceof AccessPath.Field f
          && f.field().getSimpleName().contentEquals(lock.field())
          && claimed.path().root().equals(owner.root())
          && c.subList(0, c.size() - 1).equals(owner.steps())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the thread holds any lock here: a slot lock, a claim, a {@code Lock} no declaration
   * names, an enclosing {@code synchronized} block (by tree ancestry, so that the region cannot end
   * early on a tree the CFG made up), or the monitor of a {@code synchronized} method.
   */
  boolean anyLockHeld(@Nullable Tree at, SlotStore store, boolean write) {
    // A read lock excludes writers but does not allow stores; an optimistic window holds nothing.
    boolean regionHeld =
        write
            ? store.holdsWriteLock()
            : store.locks().values().stream().anyMatch(LockRegion::held);
    if (regionHeld
        || !store.owned().claims().isEmpty()
        || (write
            ? store.owned().holdsAnonymousWriteLock()
            : !store.owned().anonymousLocks().isEmpty())) {
      return true;
    }
    if (cx.method != null
        && ((cx.method.flags() & Flags.SYNCHRONIZED) != 0
            || cx.calls.contracts().calledUnderLock(cx.method))) {
      return true;
    }
    return at != null
        && (enclosingMonitor(cx.sourceTree(at), null) != null
            || insideLockResource(cx.sourceTree(at)));
  }

  /** Whether the tree lies in the block of a {@code try} that holds a lock as its resource. */
  private boolean insideLockResource(Tree at) {
    Tree child = at;
    for (Tree parent = cx.parent(child); parent != null; parent = cx.parent(child)) {
      if (parent instanceof com.sun.source.tree.TryTree t
          && t.getBlock() == child
          && AuditDiscipline.locksResource(t)) {
        return true;
      }
      if (parent instanceof com.sun.source.tree.LambdaExpressionTree
          || parent instanceof com.sun.source.tree.ClassTree) {
        return false;
      }
      child = parent;
    }
    return false;
  }

  /**
   * The innermost {@code synchronized} statement whose block encloses the tree (and, when {@code
   * on} is given, whose monitor is that local), or null.
   */
  private @Nullable SynchronizedTree enclosingMonitor(Tree at, @Nullable VarSymbol on) {
    Tree child = at;
    for (Tree parent = cx.parent(child); parent != null; parent = cx.parent(child)) {
      if (parent instanceof SynchronizedTree sync
          && sync.getBlock() == child
          && (on == null || on.equals(monitorLocal(sync.getExpression())))) {
        return sync;
      }
      child = parent;
    }
    return null;
  }

  /**
   * The symbol a monitor expression names, seeing through parentheses, casts and a ternary whose
   * branches name the same symbol ({@code synchronized (c ? f : f)}); null when it names none.
   */
  private static @Nullable Symbol monitorLocal(ExpressionTree expression) {
    ExpressionTree e = stripParens(expression);
    if (e instanceof TypeCastTree cast) {
      return monitorLocal(cast.getExpression());
    }
    if (e instanceof ConditionalExpressionTree cond) {
      Symbol then = monitorLocal(cond.getTrueExpression());
      return then != null && then.equals(monitorLocal(cond.getFalseExpression())) ? then : null;
    }
    return ASTHelpers.getSymbol(e);
  }

  private static ExpressionTree stripParens(ExpressionTree e) {
    return (ExpressionTree) TreeInfo.skipParens((JCTree.JCExpression) e);
  }

  // ---- compare-and-set, writes, Lock --------------------------------------------------------

  /**
   * An atomic update or a declared modification of a slot. Whatever its outcome, the thread changed
   * or re-validated the slot, so a read after it is a refresh; a claim of the slot ends (the thread
   * wrote it). A boolean compare-and-set (its last argument the new value) owns the slot in its
   * true branch when that value is a constant or an enum constant (a claim) or a local whose
   * monitor the enclosing {@code synchronized} block holds (an installed locked value).
   */
  TransferResult<SlotValue, SlotStore> update(
      MethodInvocationNode node, @Nullable SlotKey slot, boolean compareAndSet, SlotStore store) {
    if (slot == null) {
      return new RegularTransferResult<>(SlotValue.NOTHING, store);
    }
    SlotStore after = store.withoutReads(slot::equals).withOwned(store.owned().withoutClaim(slot));
    MethodInvocationTree tree = node.getTree();
    List<Node> args = CallModel.arguments(node, CallModel.symbol(node));
    if (!compareAndSet
        || tree == null
        || args.isEmpty()
        || node.getType() == null
        || node.getType().getKind() != TypeKind.BOOLEAN) {
      return new RegularTransferResult<>(SlotValue.NOTHING, after);
    }
    // The new value as the CFG passes it: `(v = value)` installs value, not the temporary.
    Node update = passedValue(args.get(args.size() - 1));
    int line = cx.line(tree);
    SlotStore success = after;
    Object constant =
        update.getTree() instanceof ExpressionTree e ? ASTHelpers.constValue(e) : null;
    if (constant != null || isEnumConstant(update)) {
      success = success.withOwned(success.owned().withClaim(slot, line));
    } else if (update instanceof LocalVariableNode local
        && local.getElement() instanceof VarSymbol value
        && isLocal(value)) {
      SynchronizedTree monitor = enclosingMonitor(tree, value);
      if (monitor != null && !assignedWithin(monitor.getBlock(), value)) {
        success = success.withLock(LockRegion.taken(slot, line, monitor, false));
      }
    }
    return new ConditionalTransferResult<>(SlotValue.NOTHING, success, after);
  }

  /** A state of an enum state machine ({@code _state.compareAndSet(IDLE, State.COMMITTING)}). */
  private static boolean isEnumConstant(Node value) {
    return value.getTree() != null
        && ASTHelpers.getSymbol(value.getTree()) instanceof VarSymbol v
        && v.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT;
  }

  /**
   * The node whose value an argument passes on: the right side of an assignment used as a value,
   * the operand of a cast, a widening or a boxing the CFG made up.
   */
  private static Node passedValue(Node argument) {
    Node n = argument;
    while (true) {
      if (n instanceof AssignmentNode assignment) {
        n = assignment.getExpression();
      } else if (n instanceof TypeCastNode cast) {
        n = cast.getOperand();
      } else if (n instanceof WideningConversionNode widening) {
        n = widening.getOperand();
      } else if (n instanceof MethodInvocationNode boxing && AccessPath.isBoxing(boxing)) {
        n = boxing.getArguments().get(0);
      } else {
        return n;
      }
    }
  }

  private static boolean assignedWithin(Tree block, VarSymbol variable) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          found[0] = true;
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(block, null);
    return found[0];
  }

  /** Whether an atomic update's name is a compare-and-set that returns whether it succeeded. */
  static boolean isCompareAndSet(String name) {
    return name.startsWith("compareAndSet")
        || name.startsWith("weakCompareAndSet")
        || name.startsWith("compareAndSwap");
  }

  /** A store into a slot: a claim of that slot ends (the store is its release). */
  SlotStore written(@Nullable SlotKey slot, SlotStore store) {
    return slot == null ? store : store.withOwned(store.owned().withoutClaim(slot));
  }

  /**
   * Records a {@code Lock} operation under the lock's own path, so that audit mode knows a lock is
   * held even when no declaration says what it guards.
   */
  TransferResult<SlotValue, SlotStore> lockOp(
      MethodInvocationNode node, Call.LockOp op, TransferResult<SlotValue, SlotStore> result) {
    Node receiver = node.getTarget().getReceiver();
    boolean shared = op.mode() == LockRegion.Mode.SHARED;
    if (receiver instanceof MethodInvocationNode view && cx.calls.lockView(view).isPresent()) {
      // `rw.writeLock().lock()`: the lock is the one the view is taken from.
      shared |= cx.calls.lockView(view).get() == LockRegion.Mode.SHARED;
      receiver = view.getTarget().getReceiver();
    }
    AccessPath lock = receiver == null ? null : AccessPath.of(receiver);
    if (lock == null) {
      return result;
    }
    int line = cx.line(node.getTree());
    return switch (op.kind()) {
      // A stamp from tryWriteLock()/tryReadLock() is not tested here: audit mode, which counts
      // any held lock, takes it as held.
      case LOCK, TRY_STAMP ->
          new RegularTransferResult<>(
              result.getResultValue(), withLock(result.getRegularStore(), lock, line, shared));
      case UNLOCK ->
          new RegularTransferResult<>(
              result.getResultValue(),
              result
                  .getRegularStore()
                  .withOwned(result.getRegularStore().owned().withoutAnonymousLock(lock)));
      case TRY_LOCK ->
          new ConditionalTransferResult<>(
              result.getResultValue(),
              withLock(result.getThenStore(), lock, line, shared),
              result.getElseStore());
      // An optimistic read holds nothing; validate() is judged by the lock model.
      case OPTIMISTIC, VALIDATE -> result;
    };
  }

  private static SlotStore withLock(
      SlotStore store, AccessPath lock, int line, boolean shared) {
    return store.withOwned(store.owned().withAnonymousLock(lock, line, shared));
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What audit mode learns from a scan of the whole compilation unit, heuristics all:
 *
 * <ul>
 *   <li>{@link #disciplined}: the fields with a write discipline: somewhere in the unit written
 *       under a lock (inside {@code synchronized}, in a method that takes a {@code Lock} other than
 *       a read lock, in a {@code try} that holds a lock as its resource) or updated atomically (a
 *       compare-and-set, {@code getAndSet}, {@code getAndAdd}... through a {@code VarHandle}, a
 *       field updater or the {@code Atomic*} field itself). Only such a field's unlocked writes
 *       are reported: a field that is only ever stored plainly has no lock to miss (its writers
 *       are unordered by design, such as a {@code done} flag set by a serialized signal).
 *   <li>{@link #copyOnWrite}: the volatile array fields declared in the unit whose elements it
 *       never writes in place ({@code field[i] = v}, also through a local copied from the field,
 *       {@code System.arraycopy} into it, {@code Arrays.fill}) nor accesses through an element
 *       {@code VarHandle}: such an array is replaced whole (even when a field updater swaps it),
 *       so its reference is the slot and its elements are not. A field declared in another unit
 *       (a superclass's) is not judged: its element writes are out of sight.
 *   <li>{@link #calledUnderLock}: the private methods every call of which, in the unit, is made
 *       with a lock held (a monitor, {@code lock(); try { call }}, a lock resource), directly or
 *       from another such method; their bodies run under that lock.
 *   <li>{@link #calledUnderLock} also holds the methods annotated {@code @GuardedBy} (any
 *       annotation of that name: javax, Error Prone, Guava's own): their callers hold the lock,
 *       which Error Prone's {@code GuardedBy} check enforces.
 *   <li>{@link #constructorHelpers}: the private instance methods called only on {@code this},
 *       from constructors or instance initializers (or from other such helpers), not in a lambda:
 *       they run while the object is being built and not yet published.
 *   <li>{@link #fieldsWritten}: the fields of its own object or class each method stores (not
 *       in a lambda or a nested class, which run later): calling it on {@code this} changes them.
 * </ul>
 */
public record AuditDiscipline(
    ImmutableSet<VarSymbol> disciplined,
    ImmutableSet<VarSymbol> copyOnWrite,
    ImmutableSet<MethodSymbol> calledUnderLock,
    ImmutableSet<MethodSymbol> constructorHelpers,
    ImmutableSetMultimap<MethodSymbol, VarSymbol> fieldsWritten) {

  /** The handle and {@code Atomic*} methods that store (for {@link #fieldsWritten}). */
  private static final ImmutableSet<String> STORES =
      ImmutableSet.of(
          "set",
          "setOpaque",
          "setRelease",
          "setVolatile",
          "setPlain",
          "lazySet",
          "compareAndSet",
          "weakCompareAndSet",
          "weakCompareAndSetPlain",
          "weakCompareAndSetVolatile",
          "weakCompareAndSetAcquire",
          "weakCompareAndSetRelease",
          "compareAndExchange",
          "compareAndExchangeAcquire",
          "compareAndExchangeRelease",
          "getAndSet",
          "getAndSetAcquire",
          "getAndSetRelease",
          "getAndAdd",
          "getAndIncrement",
          "getAndDecrement",
          "incrementAndGet",
          "decrementAndGet",
          "addAndGet",
          "getAndUpdate",
          "updateAndGet",
          "getAndAccumulate",
          "accumulateAndGet");

  private static final ImmutableSet<String> NOT_UPDATES =
      ImmutableSet.of(
          "get",
          "getAcquire",
          "getOpaque",
          "getVolatile",
          "getPlain",
          "set",
          "setOpaque",
          "setRelease",
          "setVolatile",
          "setPlain",
          "lazySet",
          "toString",
          "intValue",
          "longValue",
          "doubleValue",
          "floatValue",
          "length",
          "newUpdater",
          "accessMode",
          "varType",
          "coordinateTypes",
          "hasInvokeExactBehavior",
          "withInvokeExactBehavior",
          "withInvokeBehavior",
          "toMethodHandle",
          "describeConstable");

  /** Scans a compilation unit. */
  public static AuditDiscipline scan(CompilationUnitTree unit, FieldVarHandles handles) {
    Set<VarSymbol> out = new HashSet<>();
    Set<VarSymbol> elements = new HashSet<>();
    Set<VarSymbol> volatileArrays = new HashSet<>();
    // Call sites of private methods: callee -> (caller, whether the site holds a lock).
    Map<MethodSymbol, List<Site>> sites = new HashMap<>();
    Set<MethodSymbol> guarded = new HashSet<>();
    ImmutableSetMultimap.Builder<MethodSymbol, VarSymbol> ownWrites =
        ImmutableSetMultimap.builder();
    new TreeScanner<Void, Boolean>() {
      // Whether the code scanned runs later than its method (a lambda, a nested class body).
      private boolean deferred;

      private @Nullable MethodSymbol current;
      // Locals of the current method copied from an array field (`Object[] a = this.array`).
      private Map<VarSymbol, VarSymbol> aliases = new HashMap<>();
      // Locals of the current method holding an object or array it made (not yet published).
      private Set<VarSymbol> fresh = new HashSet<>();

      // Whether a lock is held here by the code's own structure (a monitor, a locked try, a
      // synchronized method), as a call site of a helper must show; `locked` is looser.
      private boolean held;

      @Override
      public Void visitMethod(MethodTree tree, Boolean locked) {
        MethodSymbol m = ASTHelpers.getSymbol(tree);
        if (m != null && ASTHelpers.hasDirectAnnotationWithSimpleName(m, "GuardedBy")) {
          guarded.add(m);
        }
        boolean outerDeferred = deferred;
        deferred = false;
        boolean synchronizedMethod = (m.flags() & Flags.SYNCHRONIZED) != 0;
        boolean inLock = synchronizedMethod || takesLock(tree);
        MethodSymbol outer = current;
        Map<VarSymbol, VarSymbol> outerAliases = aliases;
        Set<VarSymbol> outerFresh = fresh;
        boolean outerHeld = held;
        current = m;
        aliases = new HashMap<>();
        fresh = new HashSet<>();
        held = synchronizedMethod;
        try {
          return super.visitMethod(tree, inLock);
        } finally {
          current = outer;
          aliases = outerAliases;
          fresh = outerFresh;
          held = outerHeld;
          deferred = outerDeferred;
        }
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Boolean locked) {
        // A lambda body runs later, on whatever thread calls it: no lock of its context is held.
        return unlocked(() -> super.visitLambdaExpression(tree, false));
      }

      @Override
      public Void visitClass(ClassTree tree, Boolean locked) {
        return unlocked(() -> super.visitClass(tree, false));
      }

      private Void unlocked(java.util.function.Supplier<Void> scan) {
        boolean outerHeld = held;
        boolean outerDeferred = deferred;
        held = false;
        deferred = true;
        try {
          return scan.get();
        } finally {
          held = outerHeld;
          deferred = outerDeferred;
        }
      }

      /** Records a store of a field of this object or class by the current method. */
      private void ownWrite(ExpressionTree target) {
        ExpressionTree t = ASTHelpers.stripParentheses(target);
        boolean own =
            t instanceof com.sun.source.tree.IdentifierTree
                || (t instanceof MemberSelectTree select
                    && (isThis(select.getExpression())
                        || ASTHelpers.getSymbol(select.getExpression()) instanceof ClassSymbol));
        if (own
            && current != null
            && !deferred
            && ASTHelpers.getSymbol(t) instanceof VarSymbol f
            && f.owner instanceof ClassSymbol) {
          ownWrites.put(current, f);
        }
      }

      /** Scans a tree that runs with a lock held. */
      private void underLock(@Nullable Tree tree) {
        boolean outerHeld = held;
        held = true;
        try {
          scan(tree, true);
        } finally {
          held = outerHeld;
        }
      }

      @Override
      public Void visitSynchronized(SynchronizedTree tree, Boolean locked) {
        scan(tree.getExpression(), locked);
        underLock(tree.getBlock());
        return null;
      }

      @Override
      public Void visitTry(TryTree tree, Boolean locked) {
        if (locksResource(tree)) {
          lockedTry(tree, locked);
          return null;
        }
        return super.visitTry(tree, locked);
      }

      private void lockedTry(TryTree tree, Boolean locked) {
        scan(tree.getResources(), locked);
        underLock(tree.getBlock());
        scan(tree.getCatches(), locked);
        scan(tree.getFinallyBlock(), locked);
      }

      @Override
      public Void visitBlock(BlockTree tree, Boolean locked) {
        // `lock.lock(); try { ... } finally { lock.unlock(); }`: the try block holds the lock.
        StatementTree previous = null;
        for (StatementTree statement : tree.getStatements()) {
          if (statement instanceof TryTree t && locks(previous)) {
            lockedTry(t, locked);
          } else {
            scan(statement, locked);
          }
          previous = statement;
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree tree, Boolean locked) {
        VarSymbol v = ASTHelpers.getSymbol(tree);
        if (v != null
            && v.owner instanceof ClassSymbol
            && (v.flags() & Flags.VOLATILE) != 0
            && v.type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
          volatileArrays.add(v);
        }
        alias(v, tree.getInitializer());
        return super.visitVariable(tree, locked);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Boolean locked) {
        written(tree.getVariable(), locked);
        alias(ASTHelpers.getSymbol(tree.getVariable()), tree.getExpression());
        return super.visitAssignment(tree, locked);
      }

      /** Notes what a local now holds: a copy of an array field, or an object made here. */
      private void alias(@Nullable Symbol local, @Nullable ExpressionTree value) {
        if (!(local instanceof VarSymbol l) || l.owner instanceof ClassSymbol) {
          return;
        }
        ExpressionTree v = value == null ? null : ASTHelpers.stripParentheses(value);
        if (v != null
            && ASTHelpers.getSymbol(v) instanceof VarSymbol f
            && f.owner instanceof ClassSymbol
            && f.type.getKind() == javax.lang.model.type.TypeKind.ARRAY) {
          aliases.put(l, f);
        } else {
          aliases.remove(l);
        }
        if (v instanceof NewClassTree || v instanceof NewArrayTree) {
          fresh.add(l);
        } else {
          fresh.remove(l);
        }
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Boolean locked) {
        written(tree.getVariable(), locked);
        return super.visitCompoundAssignment(tree, locked);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Boolean locked) {
        if (tree.getKind() != Tree.Kind.LOGICAL_COMPLEMENT
            && tree.getKind() != Tree.Kind.UNARY_MINUS
            && tree.getKind() != Tree.Kind.UNARY_PLUS
            && tree.getKind() != Tree.Kind.BITWISE_COMPLEMENT) {
          written(tree.getExpression(), locked);
        }
        return super.visitUnary(tree, locked);
      }

      private void written(ExpressionTree target, @Nullable Boolean locked) {
        ownWrite(target);
        ExpressionTree t = ASTHelpers.stripParentheses(target);
        if (t instanceof ArrayAccessTree element) {
          elementOf(element.getExpression());
        }
        if (Boolean.TRUE.equals(locked)
            && ASTHelpers.getSymbol(t) instanceof VarSymbol f
            && f.owner instanceof ClassSymbol
            && !intoFresh(t)) {
          out.add(f);
        }
      }

      /**
       * Whether a store goes into an object this method made ({@code m.field = v} after {@code m =
       * new M()}): filling an unpublished object is no evidence of the field's discipline.
       */
      private boolean intoFresh(ExpressionTree target) {
        return target instanceof MemberSelectTree select
            && ASTHelpers.getSymbol(ASTHelpers.stripParentheses(select.getExpression()))
                instanceof VarSymbol owner
            && fresh.contains(owner);
      }

      /** Records that the elements of the array an expression names are written in place. */
      private void elementOf(ExpressionTree array) {
        if (ASTHelpers.getSymbol(ASTHelpers.stripParentheses(array)) instanceof VarSymbol v) {
          VarSymbol field = v.owner instanceof ClassSymbol ? v : aliases.get(v);
          if (field != null) {
            elements.add(field);
          }
        }
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree tree, Boolean locked) {
        // `this::helper` may be called anywhere: an unlocked call site.
        MethodSymbol m = ASTHelpers.getSymbol(tree);
        if (m != null && current != null) {
          sites.computeIfAbsent(m, k -> new ArrayList<>()).add(new Site(current, false, false));
        }
        return super.visitMemberReference(tree, locked);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Boolean locked) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (method != null && current != null && (method.flags() & Flags.PRIVATE) != 0) {
          sites
              .computeIfAbsent(method, k -> new ArrayList<>())
              .add(new Site(current, held, !deferred && onThis(tree)));
        }
        ExpressionTree bulk = method == null ? null : bulkWriteTarget(method, tree);
        if (bulk != null) {
          elementOf(bulk);
        }
        if (method != null
            && method.owner.getQualifiedName().contentEquals("java.lang.invoke.VarHandle")
            && !tree.getArguments().isEmpty()
            && tree.getMethodSelect() instanceof MemberSelectTree select
            && ASTHelpers.getSymbol(select.getExpression()) instanceof VarSymbol h
            && handles.fieldNamedBy(h) == null) {
          // An element handle (`AA.getAcquire(array, i)`): the array's elements are slots.
          elementOf(tree.getArguments().get(0));
        }
        if (method != null && !deferred && current != null && storesOwnField(method, tree)) {
          ownWrites.put(current, ownHandleField(tree));
        }
        if (method != null && !NOT_UPDATES.contains(method.getSimpleName().toString())) {
          String owner = method.owner.getQualifiedName().toString();
          Symbol handle = symbolOf(receiverOf(tree));
          if (isFieldHandleClass(owner)) {
            VarSymbol field = handle instanceof VarSymbol h ? handles.fieldNamedBy(h) : null;
            if (field != null) {
              out.add(field);
            } else if (!tree.getArguments().isEmpty()
                && ASTHelpers.getSymbol(tree.getArguments().get(0)) instanceof VarSymbol array
                && array.owner instanceof ClassSymbol) {
              out.add(array); // an element handle's array
            }
          } else if (owner.startsWith("java.util.concurrent.atomic.Atomic")
              && handle instanceof VarSymbol atomic
              && atomic.owner instanceof ClassSymbol) {
            out.add(atomic);
          }
        }
        return super.visitMethodInvocation(tree, locked);
      }

      /**
       * Whether a call stores a field of this object or class through its handle: {@code
       * STATE.set(this, v)}, {@code UPDATER.lazySet(this, v)}, a compare-and-set, or {@code
       * ref.set(v)} on an {@code Atomic*} field of this object.
       */
      private boolean storesOwnField(MethodSymbol method, MethodInvocationTree tree) {
        String name = method.getSimpleName().toString();
        if (!STORES.contains(name)) {
          return false;
        }
        return ownHandleField(tree) != null;
      }

      private @Nullable VarSymbol ownHandleField(MethodInvocationTree tree) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        String owner = method.owner.getQualifiedName().toString();
        ExpressionTree receiver = receiverOf(tree);
        Symbol handle = symbolOf(receiver);
        if (isFieldHandleClass(owner)) {
          VarSymbol field = handle instanceof VarSymbol h ? handles.fieldNamedBy(h) : null;
          boolean onThis =
              field != null
                  && (field.isStatic()
                      || (!tree.getArguments().isEmpty() && isThis(tree.getArguments().get(0))));
          return onThis ? field : null;
        }
        if (owner.startsWith("java.util.concurrent.atomic.Atomic")
            && handle instanceof VarSymbol atomic
            && atomic.owner instanceof ClassSymbol
            && (receiver instanceof com.sun.source.tree.IdentifierTree
                || (receiver instanceof MemberSelectTree s && isThis(s.getExpression())))) {
          return atomic;
        }
        return null;
      }

      /** The receiver of a call written {@code receiver.name(...)}, or null. */
      private @Nullable ExpressionTree receiverOf(MethodInvocationTree tree) {
        return tree.getMethodSelect() instanceof MemberSelectTree select
            ? select.getExpression()
            : null;
      }

      private @Nullable Symbol symbolOf(@Nullable ExpressionTree tree) {
        return tree == null ? null : ASTHelpers.getSymbol(tree);
      }

      /** A class whose calls name a field through a handle: {@code VarHandle}, field updaters. */
      private boolean isFieldHandleClass(String owner) {
        return owner.equals("java.lang.invoke.VarHandle")
            || (owner.startsWith("java.util.concurrent.atomic.Atomic")
                && owner.endsWith("FieldUpdater"));
      }
    }.scan(unit, false);
    volatileArrays.removeAll(elements);
    return new AuditDiscipline(
        ImmutableSet.copyOf(out),
        ImmutableSet.copyOf(volatileArrays),
        underLock(sites, guarded),
        constructorHelpers(sites),
        ownWrites.build());
  }

  private static boolean isThis(ExpressionTree tree) {
    return ASTHelpers.stripParentheses(tree) instanceof com.sun.source.tree.IdentifierTree id
        && id.getName().contentEquals("this");
  }

  /** Whether a call's receiver is {@code this}, implicit or explicit. */
  private static boolean onThis(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof com.sun.source.tree.IdentifierTree
        || (call.getMethodSelect() instanceof MemberSelectTree select
            && isThis(select.getExpression()));
  }

  /**
   * A call of a private method: from which method, whether a lock is held there, and whether it
   * is made on {@code this} in the caller's own body (not in a lambda or a nested class).
   */
  private record Site(MethodSymbol caller, boolean locked, boolean onThisNow) {}

  /**
   * The private instance methods called only on {@code this} from constructors, instance
   * initializers or other such helpers (a fixpoint).
   */
  private static ImmutableSet<MethodSymbol> constructorHelpers(Map<MethodSymbol, List<Site>> sites) {
    Set<MethodSymbol> out = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<MethodSymbol, List<Site>> e : sites.entrySet()) {
        if (!out.contains(e.getKey())
            && !e.getKey().isStatic()
            && e.getValue().stream()
                .allMatch(
                    s ->
                        s.onThisNow()
                            && (s.caller().isConstructor()
                                || s.caller().isStaticOrInstanceInit()
                                || (out.contains(s.caller()) && s.caller() != e.getKey())))) {
          out.add(e.getKey());
          changed = true;
        }
      }
    }
    return ImmutableSet.copyOf(out);
  }

  /**
   * The private methods every call site of which holds a lock, or lies in such a method (a
   * fixpoint: a helper of a helper), and the methods annotated {@code @GuardedBy}.
   */
  private static ImmutableSet<MethodSymbol> underLock(
      Map<MethodSymbol, List<Site>> sites, Set<MethodSymbol> guarded) {
    Set<MethodSymbol> out = new HashSet<>(guarded);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<MethodSymbol, List<Site>> e : sites.entrySet()) {
        if (!out.contains(e.getKey())
            && e.getValue().stream()
                .allMatch(
                    s -> s.locked() || (out.contains(s.caller()) && s.caller() != e.getKey()))) {
          out.add(e.getKey());
          changed = true;
        }
      }
    }
    return ImmutableSet.copyOf(out);
  }

  /** The array argument {@code System.arraycopy} or {@code Arrays.fill} writes into, if any. */
  private static @Nullable ExpressionTree bulkWriteTarget(
      MethodSymbol method, MethodInvocationTree call) {
    String owner = method.owner.getQualifiedName().toString();
    if (owner.equals("java.lang.System")
        && method.getSimpleName().contentEquals("arraycopy")
        && call.getArguments().size() == 5) {
      return call.getArguments().get(2);
    }
    if (owner.equals("java.util.Arrays")
        && method.getSimpleName().contentEquals("fill")
        && !call.getArguments().isEmpty()) {
      return call.getArguments().get(0);
    }
    return null;
  }

  /**
   * Whether a {@code try} holds a lock as its resource: a resource made by a call named {@code
   * lock} or {@code lockInterruptibly} ({@code try (AutoLock l = lock.lock())}, Jetty's idiom), a
   * lock wrapper whose {@code close()} unlocks.
   */
  public static boolean locksResource(TryTree tree) {
    for (Tree resource : tree.getResources()) {
      ExpressionTree init =
          resource instanceof VariableTree v
              ? v.getInitializer()
              : resource instanceof ExpressionTree e ? e : null;
      if (init != null
          && ASTHelpers.stripParentheses(init) instanceof MethodInvocationTree call
          && ASTHelpers.getSymbol(call) != null
          && (ASTHelpers.getSymbol(call).getSimpleName().contentEquals("lock")
              || ASTHelpers.getSymbol(call).getSimpleName().contentEquals("lockInterruptibly"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a statement is a {@code lock()} call on a lock other than a read lock. */
  private static boolean locks(@Nullable StatementTree statement) {
    return statement instanceof ExpressionStatementTree e
        && e.getExpression() instanceof MethodInvocationTree call
        && isLockCall(call);
  }

  private static boolean isLockCall(MethodInvocationTree tree) {
    MethodSymbol m = ASTHelpers.getSymbol(tree);
    return m != null
        && (m.getSimpleName().contentEquals("lock")
            || m.getSimpleName().contentEquals("lockInterruptibly")
            || m.getSimpleName().contentEquals("tryLock")
            || m.getSimpleName().contentEquals("writeLock")
            || m.getSimpleName().contentEquals("tryWriteLock"))
        && m.owner.getQualifiedName().toString().startsWith("java.util.concurrent.locks.")
        && !readLockView(tree);
  }

  /** Whether a call locks a read lock ({@code rw.readLock().lock()}), which allows no stores. */
  private static boolean readLockView(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree select
        && select.getExpression() instanceof MethodInvocationTree view
        && ASTHelpers.getSymbol(view) != null
        && (ASTHelpers.getSymbol(view).getSimpleName().contentEquals("readLock")
            || ASTHelpers.getSymbol(view).getSimpleName().contentEquals("asReadLock"));
  }

  /** Whether a method calls {@code lock()}, {@code lockInterruptibly()} or {@code tryLock()}. */
  private static boolean takesLock(MethodTree method) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (isLockCall(tree)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(method.getBody(), null);
    return found[0];
  }
}

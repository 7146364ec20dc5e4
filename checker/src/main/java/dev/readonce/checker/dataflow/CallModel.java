package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import com.sun.tools.javac.util.Name;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.LockSpec;
import dev.readonce.checker.model.ModifiesDecl;
import dev.readonce.checker.model.SlotDecl;
import dev.readonce.checker.model.SlotParams;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;
import org.checkerframework.errorprone.dataflow.cfg.node.ArrayCreationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Classifies method invocations into {@link Call}s: the slot forms of the Java language and
 * libraries ({@code VarHandle}, {@code Atomic*}, {@code Lock}) and the declared contracts.
 */
public final class CallModel {

  private static final ImmutableSet<String> ATOMIC_READS =
      ImmutableSet.of("get", "getAcquire", "getOpaque", "getVolatile");
  private static final ImmutableSet<String> PLAIN_READS = ImmutableSet.of("getPlain");
  private static final ImmutableSet<String> VARHANDLE_PLAIN_READS = ImmutableSet.of("get");
  private static final ImmutableSet<String> WRITES =
      ImmutableSet.of(
          "set", "setOpaque", "setRelease", "setVolatile", "setPlain", "lazySet");

  private final Contracts contracts;
  private final Supplier<FieldVarHandles> fieldHandles;
  private final LockCalls lockCalls;
  private final JavacTrees trees;
  // Compared as javac Names: a name turned into a String is decoded anew on every call.
  private static final com.google.errorprone.suppliers.Supplier<Name> VAR_HANDLE_CLASS =
      VisitorState.memoize(s -> s.getName("java.lang.invoke.VarHandle"));
  private static final com.google.errorprone.suppliers.Supplier<Name> ATOMIC_PACKAGE =
      VisitorState.memoize(s -> s.getName("java.util.concurrent.atomic"));
  private final Name varHandleClass;
  private final Name atomicPackage;

  /**
   * @param fieldHandles the unit's field VarHandles, computed on first use (most units never
   *     need them: only a VarHandle call on a non-array slot does)
   * @param state for Error Prone's method matchers, which recognise the lock operations
   */
  public CallModel(
      Contracts contracts, Supplier<FieldVarHandles> fieldHandles, VisitorState state) {
    this.contracts = contracts;
    this.fieldHandles = fieldHandles;
    this.lockCalls = new LockCalls(state);
    this.trees = JavacTrees.instance(state.context);
    this.varHandleClass = VAR_HANDLE_CLASS.get(state);
    this.atomicPackage = ATOMIC_PACKAGE.get(state);
  }

  /**
   * The field a getter returns, when its source shows it: a method without parameters that cannot
   * be overridden (private or final, or in a final class) and whose body is {@code return f;} or
   * {@code return this.f;} for an instance field {@code f}. Null otherwise, and for methods known
   * only from class files.
   */
  public @Nullable VarSymbol getterField(@Nullable MethodSymbol method) {
    if (method == null
        || method.isStatic()
        || !method.getParameters().isEmpty()
        || ((method.flags() & (Flags.PRIVATE | Flags.FINAL)) == 0
            && (method.owner.flags() & Flags.FINAL) == 0)) {
      return null;
    }
    JCTree.JCMethodDecl decl = trees.getTree(method);
    if (decl == null
        || decl.body == null
        || decl.body.stats.size() != 1
        || !(decl.body.stats.head instanceof JCTree.JCReturn ret)
        || ret.expr == null) {
      return null;
    }
    JCTree.JCExpression returned = TreeInfo.skipParens(ret.expr);
    boolean ownField =
        returned instanceof JCTree.JCIdent
            || (returned instanceof JCTree.JCFieldAccess select
                && TreeInfo.skipParens(select.selected) instanceof JCTree.JCIdent self
                && self.name.contentEquals("this"));
    return ownField
            && TreeInfo.symbol(returned) instanceof VarSymbol field
            && field.getKind() == javax.lang.model.element.ElementKind.FIELD
            && !field.isStatic()
        ? field
        : null;
  }

  /**
   * A final field that holds a view of a read-write lock kept in another final field of the same
   * object ({@code this.writeLock = lock.writeLock();}, RxJava's {@code BehaviorSubject}).
   *
   * @param lock the read-write lock field the view is taken from
   * @param mode the mode locking the view takes
   */
  public record LockViewField(VarSymbol lock, LockRegion.Mode mode) {}

  private final java.util.Map<VarSymbol, Optional<LockViewField>> viewFields =
      new java.util.HashMap<>();

  /**
   * The read-write lock a final instance field is a view of, when its source shows it: every
   * assignment to it (its initializer, or stores in constructors and initializer blocks) is
   * {@code rw.readLock()} or {@code rw.writeLock()} (the same one each time) on a final field
   * {@code rw} of the same class. Empty otherwise, and for fields known only from class files.
   */
  public Optional<LockViewField> lockViewField(@Nullable VarSymbol field) {
    if (field == null
        || field.isStatic()
        || (field.flags() & Flags.FINAL) == 0
        || !(field.owner instanceof Symbol.ClassSymbol owner)) {
      return Optional.empty();
    }
    return viewFields.computeIfAbsent(field, f -> findViewField(f, owner));
  }

  private Optional<LockViewField> findViewField(VarSymbol field, Symbol.ClassSymbol owner) {
    JCTree.JCClassDecl decl = trees.getTree(owner);
    if (decl == null) {
      return Optional.empty();
    }
    List<JCTree.JCExpression> values = new java.util.ArrayList<>();
    new com.sun.tools.javac.tree.TreeScanner() {
      @Override
      public void visitVarDef(JCTree.JCVariableDecl tree) {
        if (tree.sym == field && tree.init != null) {
          values.add(tree.init);
        }
        super.visitVarDef(tree);
      }

      @Override
      public void visitAssign(JCTree.JCAssign tree) {
        if (TreeInfo.symbol(tree.lhs) == field) {
          values.add(tree.rhs);
        }
        super.visitAssign(tree);
      }

      @Override
      public void visitClassDef(JCTree.JCClassDecl tree) {
        if (tree == decl) {
          super.visitClassDef(tree);
        }
      }
    }.scan(decl);
    LockViewField found = null;
    for (JCTree.JCExpression value : values) {
      LockViewField view = viewOf(TreeInfo.skipParens(value), owner);
      if (view == null || (found != null && !found.equals(view))) {
        return Optional.empty();
      }
      found = view;
    }
    return Optional.ofNullable(found);
  }

  private @Nullable LockViewField viewOf(JCTree.JCExpression value, Symbol.ClassSymbol owner) {
    if (!(value instanceof JCTree.JCMethodInvocation call)
        || !(call.meth instanceof JCTree.JCFieldAccess select)) {
      return null;
    }
    Optional<LockRegion.Mode> mode = lockCalls.view(call);
    JCTree.JCExpression receiver = TreeInfo.skipParens(select.selected);
    boolean own =
        receiver instanceof JCTree.JCIdent
            || (receiver instanceof JCTree.JCFieldAccess self
                && TreeInfo.skipParens(self.selected) instanceof JCTree.JCIdent id
                && id.name.contentEquals("this"));
    return mode.isPresent()
            && own
            && TreeInfo.symbol(receiver) instanceof VarSymbol lock
            && lock.owner == owner
            && !lock.isStatic()
            && (lock.flags() & Flags.FINAL) != 0
        ? new LockViewField(lock, mode.get())
        : null;
  }

  private final java.util.Map<Symbol.ClassSymbol, java.util.Set<String>> receiverAccessorLocks =
      new java.util.HashMap<>();
  private final java.util.Map<MethodSymbol, dev.readonce.checker.model.MethodLocks> methodLocks =
      new java.util.HashMap<>();

  /**
   * Whether the class declares an instance accessor without parameters (its receiver designates
   * the slot) whose declared lock is the named field: that lock guards the receiver's slot.
   */
  boolean receiverAccessorLockedBy(Symbol.ClassSymbol type, String lock) {
    return receiverAccessorLocks
        .computeIfAbsent(
            type,
            t -> {
              java.util.Set<String> locks = new java.util.HashSet<>();
              for (Symbol member : com.google.errorprone.util.ASTHelpers.getEnclosedElements(t)) {
                if (member instanceof MethodSymbol m
                    && !m.isStatic()
                    && m.getParameters().isEmpty()) {
                  contracts
                      .accessor(m)
                      .filter(a -> a.slot().lock().kind() == LockSpec.Kind.FIELD)
                      .ifPresent(a -> locks.add(a.slot().lock().field()));
                }
              }
              return locks;
            })
        .contains(lock);
  }

  /** The method's lock contract ({@code @Holding} and friends), asked once per method. */
  dev.readonce.checker.model.MethodLocks methodLocks(MethodSymbol method) {
    return methodLocks.computeIfAbsent(method, contracts::methodLocks);
  }

  /** The mode a view of a read-write lock takes ({@code rw.readLock()}), if the call is one. */
  Optional<LockRegion.Mode> lockView(MethodInvocationNode call) {
    return lockCalls.view(call.getTree());
  }

  /** Whether a call is a lock operation ({@code lock()}, {@code tryLock()}, a stamp, ...). */
  boolean isLockOperation(com.sun.source.tree.MethodInvocationTree call) {
    return lockCalls.classify(call).isPresent();
  }

  public Contracts contracts() {
    return contracts;
  }

  /** What the invocation does; {@code values} gives the abstract value of a sub-node. */
  public Call classify(MethodInvocationNode call, Function<Node, SlotValue> values) {
    MethodSymbol method = symbol(call);
    if (method == null) {
      return new Call.Other();
    }
    MethodAccessNode target = call.getTarget();
    Node receiver = method.isStatic() ? null : target.getReceiver();
    List<Node> args = arguments(call, method);

    Optional<AccessorDecl> accessor = contracts.accessor(method);
    if (accessor.isPresent()) {
      SlotKey slot = slotOf(receiver, args, SlotParams.RECEIVER, method.isStatic(), values);
      boolean stable =
          accessor.get().slot().stableAfterPointer()
              || (receiver != null && stableType((Type) receiver.getType()));
      return new Call.Read(slot, accessor.get().atomic(), stable, accessor.get().slot().lock());
    }
    Optional<ModifiesDecl> modifies = contracts.modifies(method);
    if (modifies.isPresent()) {
      SlotKey slot = slotOf(receiver, args, modifies.get().slot(), false, values);
      return modifies.get().requiresLock()
          ? new Call.Write(slot, LockSpec.HELPERS)
          : new Call.Modify(slot);
    }
    Optional<SlotParams> locks = contracts.locksSlot(method);
    if (locks.isPresent()) {
      return new Call.LockSlot(slotOf(receiver, args, locks.get(), false, values), locks.get());
    }
    if (contracts.revalidates(method)) {
      return new Call.Revalidate();
    }
    Optional<Shows> test = contracts.pointerTest(method);
    if (test.isPresent()) {
      return new Call.Test(test.get(), args.isEmpty() ? -1 : 0);
    }
    OptionalInt descends = contracts.descends(method);
    if (descends.isPresent()) {
      return new Call.Descend(descends.getAsInt());
    }
    Name ownerName = method.owner.getQualifiedName();
    if (ownerName.equals(varHandleClass)) {
      return varHandle(receiver, method.getSimpleName().toString(), args, values);
    }
    // The atomics are top-level classes: their owner is the package (Error Prone's
    // ASTHelpers.enclosingPackage, which would also see nested classes, is gone in its newer
    // releases, which run this checker too).
    if (receiver != null
        && method.owner.owner instanceof Symbol.PackageSymbol pkg
        && pkg.getQualifiedName().equals(atomicPackage)) {
      String owner = ownerName.toString();
      if (owner.startsWith("java.util.concurrent.atomic.Atomic")) {
        String name = method.getSimpleName().toString();
        return owner.endsWith("FieldUpdater")
            ? fieldUpdater(receiver, name, args)
            : atomic(receiver, name, args, values);
      }
    }
    Optional<Call.LockOp> lock = lockCalls.classify(call.getTree());
    if (lock.isPresent()) {
      return lock.get();
    }
    return new Call.Other();
  }

  /**
   * The arguments as written: the Checker Framework's CFG packs varargs into an array creation
   * (every {@code VarHandle} access is a varargs call), which is unpacked here.
   */
  public static List<Node> arguments(MethodInvocationNode call, @Nullable MethodSymbol method) {
    List<Node> args = call.getArguments();
    if (!args.isEmpty()
        && args.get(args.size() - 1) instanceof ArrayCreationNode packed
        && !call.getTree().getArguments().contains(packed.getTree())) {
      List<Node> out = new java.util.ArrayList<>(args.subList(0, args.size() - 1));
      out.addAll(packed.getInitializers());
      return out;
    }
    return args;
  }

  /** The invoked method's symbol, or null for an unresolved call. */
  public static @Nullable MethodSymbol symbol(MethodInvocationNode call) {
    Symbol s = (Symbol) call.getTarget().getMethod();
    return s instanceof MethodSymbol m ? m : null;
  }

  private Call varHandle(
      @Nullable Node handle, String name, List<Node> args, Function<Node, SlotValue> values) {
    if (args.isEmpty()) {
      return new Call.Other();
    }
    SlotDecl decl = values.apply(args.get(0)).container();
    SlotKey slot = null;
    if (decl != null && args.size() >= 2) {
      AccessPath array = AccessPath.of(args.get(0), values);
      AccessPath.Step index = AccessPath.indexStep(args.get(1), values);
      slot = array == null || index == null ? null : new SlotKey(array.with(index));
    } else if (handle != null) {
      // A field VarHandle: the receiver names the field, the first argument the object.
      VarSymbol field = fieldHandles.get().fieldOf(handle);
      Optional<SlotDecl> fieldDecl =
          field == null ? Optional.empty() : contracts.slotField(field);
      if (fieldDecl.isEmpty()) {
        return new Call.Other();
      }
      decl = fieldDecl.get();
      AccessPath owner =
          field.isStatic()
              ? AccessPath.of(new AccessPath.Static((Symbol.ClassSymbol) field.owner))
              : AccessPath.of(args.get(0), values);
      slot = owner == null ? null : new SlotKey(owner.with(new AccessPath.Field(field)));
    }
    if (decl == null) {
      return new Call.Other();
    }
    return access(name, slot, decl, VARHANDLE_PLAIN_READS);
  }

  /**
   * An {@code Atomic*FieldUpdater} call: like a field VarHandle, the updater names the field and
   * the first argument the object ({@code WIP.getAndIncrement(this)}); its {@code get} is a
   * volatile read.
   */
  private Call fieldUpdater(Node updater, String name, List<Node> args) {
    VarSymbol field = fieldHandles.get().fieldOf(updater);
    Optional<SlotDecl> decl = field == null ? Optional.empty() : contracts.slotField(field);
    if (decl.isEmpty() || args.isEmpty()) {
      return new Call.Other();
    }
    AccessPath owner = AccessPath.of(args.get(0));
    SlotKey slot = owner == null ? null : new SlotKey(owner.with(new AccessPath.Field(field)));
    return access(name, slot, decl.get(), ImmutableSet.of());
  }

  private Call atomic(
      Node receiver, String name, List<Node> args, Function<Node, SlotValue> values) {
    SlotDecl decl = values.apply(receiver).container();
    if (decl == null) {
      return new Call.Other();
    }
    AccessPath base = AccessPath.of(receiver, values);
    SlotKey slot;
    boolean array = Containers.isIndexed((Type) receiver.getType());
    if (array) {
      AccessPath.Step index = args.isEmpty() ? null : AccessPath.indexStep(args.get(0), values);
      slot = base == null || index == null ? null : new SlotKey(base.with(index));
    } else {
      slot = base == null ? null : new SlotKey(base);
    }
    return access(name, slot, decl, PLAIN_READS);
  }

  private static Call access(
      String name, @Nullable SlotKey slot, SlotDecl decl, ImmutableSet<String> plainReads) {
    if (plainReads.contains(name)) {
      return new Call.Read(slot, false, decl.stableAfterPointer(), decl.lock());
    }
    if (ATOMIC_READS.contains(name)) {
      return new Call.Read(slot, true, decl.stableAfterPointer(), decl.lock());
    }
    if (WRITES.contains(name)) {
      return new Call.Write(slot, decl.lock());
    }
    return new Call.AtomicUpdate(slot, name);
  }

  /** The slot designated by a contract's parameters (or the receiver), if every part has a path. */
  public static @Nullable SlotKey slotOf(
      @Nullable Node receiver,
      List<Node> args,
      SlotParams params,
      boolean allArgs,
      Function<Node, SlotValue> values) {
    ImmutableList.Builder<AccessPath> parts = ImmutableList.builder();
    if (params.isNone()) {
      return null;
    }
    if (params.isReceiver()) {
      if (receiver != null) {
        AccessPath r = AccessPath.of(receiver, values);
        if (r == null) {
          return null;
        }
        parts.add(r);
      }
      if (allArgs || receiver == null) {
        // A static accessor (tabAt(tab, i)) is designated by all of its arguments.
        for (Node arg : args) {
          AccessPath p = AccessPath.of(arg, values);
          if (p == null) {
            return null;
          }
          parts.add(p);
        }
      }
    } else {
      for (int index : params.indices()) {
        if (index < 0 || index >= args.size()) {
          return null;
        }
        AccessPath p = AccessPath.of(args.get(index), values);
        if (p == null) {
          return null;
        }
        parts.add(p);
      }
    }
    ImmutableList<AccessPath> all = parts.build();
    return all.isEmpty() ? null : SlotKey.of(all);
  }

  /** Whether two types are the same class (for handles returning their neighbours). */
  public boolean sameType(javax.lang.model.type.TypeMirror a, javax.lang.model.type.TypeMirror b) {
    return a instanceof Type ta && b instanceof Type tb && ta.tsym != null && ta.tsym == tb.tsym;
  }

  /** Whether a static type is a handle of slots that are stable after a pointer. */
  public boolean stableType(@Nullable Type type) {
    return type != null && type.tsym != null && contracts.stableHandleType(type.tsym);
  }
}

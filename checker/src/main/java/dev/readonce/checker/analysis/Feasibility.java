package dev.readonce.checker.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import dev.readonce.checker.model.AccessorDecl;
import dev.readonce.checker.model.Contracts;
import dev.readonce.checker.model.SlotDecl;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.type.TypeKind;
import org.jspecify.annotations.Nullable;

/**
 * The feasibility pre-pass: decides from a body's tree alone that no rule can find anything in it,
 * so that no CFG is built for it. Every rule needs more than one atomic read of a slot in a pass:
 *
 * <ul>
 *   <li>{@code PlainSlotRead} a read that is not atomic (a plain slot field, an array element of a
 *       slot container, a non-atomic accessor);
 *   <li>{@code UnlockedReread} two reads;
 *   <li>{@code UnlockedSlotWrite} a store, a {@code VarHandle} or {@code Atomic*} call, or a
 *       modify primitive;
 *   <li>{@code MissingRevalidation} a read and a lock (a {@code synchronized} block or method, a
 *       {@code Lock} call, a lock helper) or a re-check;
 *   <li>{@code SnapshotNotPassed} a read and a call handed a reference (a handle) or a callee of
 *       this unit (whose summary may read its parameter's slot);
 *   <li>{@code DescentWithoutPointerCheck} a read and a descend helper or a callee of this unit
 *       (whose summary may descend from its argument).
 * </ul>
 *
 * <p>So a body is skipped when it reads at most one slot, atomically, and has none of the other
 * ingredients. The test is conservative: anything it does not recognise (a contract it does not
 * classify, a container of slots with element accesses it cannot attribute) counts as feasible. A
 * skipped body is still analyzed on demand when a caller needs its summary. {@code
 * PrepassEquivalenceTest} checks that findings are identical with and without it.
 */
final class Feasibility {

  /** What a mention of a symbol with a contract contributes. */
  private enum Mention {
    /** An atomic read of one slot: a volatile slot field, an atomic accessor. */
    READ,
    /** A slot container: its elements are read by array accesses and calls. */
    CONTAINER,
    /** A pointer test: looks at a snapshot, finds nothing by itself. */
    TEST,
    /** Anything else: a plain read, a lock, re-check, descend or modify helper, a handle type. */
    FEASIBLE
  }

  private final Contracts contracts;
  private final Map<Symbol, Mention> bySymbol = new HashMap<>();
  /** Per body scanned whole (no lambda or nested class skipped), its array accessor calls. */
  private final IdentityHashMap<Tree, Map<VarSymbol, AccessorDecl>> tables =
      new IdentityHashMap<>();

  Feasibility(Contracts contracts) {
    this.contracts = contracts;
  }

  /**
   * Whether a rule may find something in {@code body}, which mentions at least one symbol with a
   * contract (the caller asked {@link Relevance} first); {@code synchronizedMethod} for a body
   * that runs under the receiver's monitor; {@code ofThisUnit} tells the methods whose bodies
   * this unit analyzes (their summaries feed the rules).
   */
  boolean mayFind(Tree body, boolean synchronizedMethod, Predicate<MethodSymbol> ofThisUnit) {
    return mayFind(body, synchronizedMethod, false, ofThisUnit);
  }

  /**
   * As above, for a body whose parameters carry contracts: {@code seededRead} when a parameter is
   * a snapshot (the caller's read of its slot, which this pass counts as its own), and {@code
   * heldAtEntry} (with a {@code synchronized} method) when a lock is held from the start. A
   * seeded read counts as one read of an unknown slot and a lock held at entry as a lock, so the
   * answer is the one for a body that made that read and took that lock itself.
   */
  boolean mayFind(
      Tree body, boolean heldAtEntry, boolean seededRead, Predicate<MethodSymbol> ofThisUnit) {
    boolean synchronizedMethod = heldAtEntry;
    Facts facts = new Facts();
    facts.scan(body, null);
    if (!facts.skippedNested) {
      tables.put(body, facts.tables);
    }
    int reads = facts.reads + (seededRead ? 1 : 0);
    if (facts.container) {
      reads += facts.elementAccesses + facts.atomicCalls;
      if (facts.elementAccesses > 0 || facts.elementStores) {
        return true;
      }
    }
    if (facts.feasible || reads > 1) {
      return true;
    }
    if (reads == 0) {
      return false;
    }
    return synchronizedMethod
        || facts.locks
        || facts.atomicCalls > 0
        || facts.passesReference
        || facts.callsThisUnit.stream().anyMatch(ofThisUnit);
  }

  /**
   * What {@link TableParameters#scan} gives for a body this pre-pass scanned, if it saw all of it
   * (then the analysis need not scan it again); taken once.
   */
  @Nullable Map<VarSymbol, AccessorDecl> takeTables(Tree body) {
    return tables.remove(body);
  }

  private Mention classify(Symbol symbol) {
    return bySymbol.computeIfAbsent(symbol, this::mentionOf);
  }

  private Mention mentionOf(Symbol symbol) {
    if (!contracts.hasContract(symbol)) {
      return null;
    }
    if (symbol instanceof VarSymbol field) {
      Optional<SlotDecl> slot = contracts.slotField(field);
      if (slot.isEmpty()) {
        return Mention.FEASIBLE;
      }
      if (field.type.getKind() == TypeKind.ARRAY || isAtomicType(field.type)) {
        return Mention.CONTAINER;
      }
      return (field.flags() & com.sun.tools.javac.code.Flags.VOLATILE) != 0
          ? Mention.READ
          : Mention.FEASIBLE;
    }
    if (symbol instanceof MethodSymbol method) {
      Optional<AccessorDecl> accessor = contracts.accessor(method);
      if (accessor.isPresent()) {
        return accessor.get().atomic() ? Mention.READ : Mention.FEASIBLE;
      }
      if (contracts.pointerTest(method).isPresent()
          && contracts.locksSlot(method).isEmpty()
          && !contracts.revalidates(method)
          && contracts.descends(method).isEmpty()
          && contracts.modifies(method).isEmpty()) {
        return Mention.TEST;
      }
    }
    return Mention.FEASIBLE;
  }

  private static boolean isAtomicType(Type type) {
    return type.tsym != null
        && type.tsym.getQualifiedName().toString().startsWith("java.util.concurrent.atomic.");
  }

  /** The ingredients of one body, counted by one scan that skips lambdas and nested classes. */
  private final class Facts extends TreeScanner<Void, Void> {
    int reads;
    int elementAccesses;
    int atomicCalls;
    boolean container;
    boolean feasible;
    boolean elementStores;
    boolean locks;
    boolean passesReference;
    final List<MethodSymbol> callsThisUnit = new java.util.ArrayList<>();
    /** The array accessor calls, as {@link TableParameters#scan} records them. */
    final Map<VarSymbol, AccessorDecl> tables = new LinkedHashMap<>();
    /** Whether a lambda or nested class was skipped (then {@code tables} may miss calls). */
    boolean skippedNested;

    @Override
    public Void scan(Tree tree, Void unused) {
      Symbol symbol = Relevance.mentioned(tree);
      if (symbol != null) {
        Mention m = classify(symbol);
        if (m != null) {
          switch (m) {
            case READ -> reads++;
            case CONTAINER -> container = true;
            case TEST -> {}
            case FEASIBLE -> feasible = true;
          }
        }
      }
      return super.scan(tree, null);
    }

    @Override
    public Void visitArrayAccess(com.sun.source.tree.ArrayAccessTree tree, Void unused) {
      elementAccesses++;
      return super.visitArrayAccess(tree, null);
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      store(tree.getVariable());
      return super.visitAssignment(tree, null);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
      store(tree.getVariable());
      return super.visitCompoundAssignment(tree, null);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Void unused) {
      switch (tree.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
            store(tree.getExpression());
        default -> {}
      }
      return super.visitUnary(tree, null);
    }

    /** A store into a slot field is a write; into an array element, maybe one (containers). */
    private void store(ExpressionTree variable) {
      Tree target = TreeInfo.skipParens((JCTree) variable);
      if (target instanceof JCTree.JCArrayAccess) {
        elementStores = true;
        return;
      }
      Symbol symbol = TreeInfo.symbol((JCTree) target);
      if (symbol != null && classify(symbol) != null) {
        feasible = true;
      }
    }

    @Override
    public Void visitSynchronized(SynchronizedTree tree, Void unused) {
      locks = true;
      return super.visitSynchronized(tree, null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      Symbol symbol = TreeInfo.symbol((JCTree) tree.getMethodSelect());
      if (symbol instanceof MethodSymbol method) {
        String owner = method.owner.getQualifiedName().toString();
        if (owner.equals("java.lang.invoke.VarHandle")
            || owner.startsWith("java.util.concurrent.atomic.")) {
          atomicCalls++;
        }
        // Lock, tryLock, lockInterruptibly of any type: a superset of java.util.concurrent's.
        String name = method.getSimpleName().toString();
        if (name.equals("lock") || name.equals("tryLock") || name.equals("lockInterruptibly")) {
          locks = true;
        }
        call(method, tree.getArguments());
      } else {
        feasible = true;
      }
      TableParameters.record(contracts, tree, tables);
      return super.visitMethodInvocation(tree, null);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      Symbol symbol = TreeInfo.symbol((JCTree) tree);
      if (symbol instanceof MethodSymbol constructor) {
        call(constructor, tree.getArguments());
      } else if (!tree.getArguments().isEmpty()) {
        feasible = true;
      }
      return super.visitNewClass(tree, null);
    }

    private void call(MethodSymbol callee, List<? extends ExpressionTree> args) {
      if (args.isEmpty()) {
        return;
      }
      callsThisUnit.add(callee);
      for (ExpressionTree arg : args) {
        Type type = ((JCTree) arg).type;
        if (type == null || !type.isPrimitive()) {
          passesReference = true;
        }
      }
    }

    // A lambda's body and a nested class's methods are analyzed (and pre-passed) on their own.
    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      skippedNested = true;
      return null;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      skippedNested = true;
      return null;
    }
  }
}

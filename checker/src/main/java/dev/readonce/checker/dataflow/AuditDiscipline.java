package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Audit mode's evidence that a field has a write discipline: somewhere in the compilation unit it
 * is written under a lock (inside {@code synchronized}, or in a method that takes a {@code Lock}),
 * or updated atomically (a compare-and-set, {@code getAndSet}, {@code getAndAdd}... through a
 * {@code VarHandle}, a field updater or the {@code Atomic*} field itself). Only such a field's
 * unlocked writes are reported: a field that is only ever stored plainly has no lock to miss (its
 * writers are unordered by design, such as a {@code done} flag set by a serialized signal).
 */
public final class AuditDiscipline {

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

  private AuditDiscipline() {}

  /** The fields of this unit that are written under a lock or updated atomically somewhere. */
  public static ImmutableSet<VarSymbol> scan(CompilationUnitTree unit, FieldVarHandles handles) {
    Set<VarSymbol> out = new HashSet<>();
    new TreeScanner<Void, Boolean>() {
      @Override
      public Void visitMethod(MethodTree tree, Boolean locked) {
        MethodSymbol m = ASTHelpers.getSymbol(tree);
        boolean inLock = (m.flags() & Flags.SYNCHRONIZED) != 0 || takesLock(tree);
        return super.visitMethod(tree, inLock);
      }

      @Override
      public Void visitSynchronized(SynchronizedTree tree, Boolean locked) {
        scan(tree.getExpression(), locked);
        return scan(tree.getBlock(), true);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Boolean locked) {
        written(tree.getVariable(), locked);
        return super.visitAssignment(tree, locked);
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
        if (Boolean.TRUE.equals(locked)
            && ASTHelpers.getSymbol(target) instanceof VarSymbol f
            && f.owner instanceof ClassSymbol) {
          out.add(f);
        }
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Boolean locked) {
        MethodSymbol method = ASTHelpers.getSymbol(tree);
        if (method != null && !NOT_UPDATES.contains(method.getSimpleName().toString())) {
          String owner = method.owner.getQualifiedName().toString();
          ExpressionTree receiver =
              tree.getMethodSelect() instanceof MemberSelectTree select
                  ? select.getExpression()
                  : null;
          Symbol handle = receiver == null ? null : ASTHelpers.getSymbol(receiver);
          if (owner.equals("java.lang.invoke.VarHandle")
              || (owner.startsWith("java.util.concurrent.atomic.Atomic")
                  && owner.endsWith("FieldUpdater"))) {
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
    }.scan(unit, false);
    return ImmutableSet.copyOf(out);
  }

  /** Whether a method calls {@code lock()}, {@code lockInterruptibly()} or {@code tryLock()}. */
  private static boolean takesLock(MethodTree method) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        MethodSymbol m = ASTHelpers.getSymbol(tree);
        if (m != null
            && (m.getSimpleName().contentEquals("lock")
                || m.getSimpleName().contentEquals("lockInterruptibly")
                || m.getSimpleName().contentEquals("tryLock")
                || m.getSimpleName().contentEquals("writeLock")
                || m.getSimpleName().contentEquals("tryWriteLock"))
            && m.owner.getQualifiedName().toString().startsWith("java.util.concurrent.locks.")) {
          found[0] = true;
        }
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(method.getBody(), null);
    return found[0];
  }
}

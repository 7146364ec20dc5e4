package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.List;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * Plans the suggested fixes: reuse a live snapshot, introduce a snapshot local for repeated
 * reads, or make a plain read atomic. A fix is planned only where the edit is local and keeps the
 * code's meaning apart from reading the slot once.
 */
final class FixPlanner {

  private final MethodContext cx;
  private final Handles handles;

  FixPlanner(MethodContext cx, Handles handles) {
    this.cx = cx;
    this.handles = handles;
  }

  /** The fix for a second read: use the variable holding the first, or introduce one. */
  @Nullable FixPlan reread(
      Node reread, ReadRecord earlier, SlotKey slot, @Nullable VarSymbol holder) {
    Tree tree = reread.getTree();
    Tree firstTree = firstRead(earlier);
    if (!sameIteration(firstTree, tree)) {
      // The re-read repeats where the first read does not (an inner loop, a lambda): using the
      // first snapshot there would stop the repeated read (and a comparison with it would become
      // a comparison of the snapshot with itself).
      return null;
    }
    if (holder != null) {
      Tree parent = cx.parent(tree);
      if (parent instanceof AssignmentTree assignment
          && TreeInfo.symbol((JCTree) assignment.getVariable()) == holder) {
        // `v = u.get()` again, with no modification of the slot by this thread in between: keep
        // deciding on the first snapshot, but only where that is shown to be the same value.
        Tree statement = cx.parent(assignment);
        return statement instanceof com.sun.source.tree.ExpressionStatementTree
                && firstReadStillHeld(firstRead(earlier), statement, holder)
            ? new FixPlan.RemoveReread(statement)
            : null;
      }
      return cx.inScope(holder, tree)
          ? new FixPlan.UseSnapshot(tree, holder.getSimpleName().toString())
          : null;
    }
    Tree first = firstRead(earlier);
    if (first == null) {
      return null;
    }
    Tree statement = hoistPoint(first);
    if (statement == null) {
      return null;
    }
    Tree block = cx.parent(statement);
    if (!MethodContext.encloses(block, tree)
        || TreeInfo.getStartPos((JCTree) tree) <= TreeInfo.getStartPos((JCTree) statement)) {
      return null;
    }
    String base =
        slot.path().isLocal() ? slot.path().toString() + "val" : "snapshot";
    return new FixPlan.IntroduceSnapshot(
        statement, first, ImmutableList.of(tree), cx.freshName(first, base), plainRead(first));
  }

  /** The fix for a plain read: its atomic variant, when there is an obvious one. */
  @Nullable FixPlan plainRead(Node read) {
    return plainRead(read.getTree());
  }

  /** The atomic variant of a read, when it is a plain one with an obvious atomic variant. */
  private @Nullable FixPlan plainRead(Tree tree) {
    if (tree instanceof MethodInvocationTree call) {
      Symbol symbol = TreeInfo.symbol((JCTree) call.getMethodSelect());
      if (!(symbol instanceof MethodSymbol method)) {
        return null;
      }
      String owner = method.owner.getQualifiedName().toString();
      String name = method.getSimpleName().toString();
      if ((owner.equals("java.lang.invoke.VarHandle") && name.equals("get"))
          || (owner.startsWith("java.util.concurrent.atomic.Atomic") && name.equals("getPlain"))) {
        return new FixPlan.RenameCall(call, "getOpaque");
      }
      String atomic = atomicVariant(call);
      return atomic == null ? null : new FixPlan.RenameCall(call, atomic);
    }
    if (tree instanceof ArrayAccessTree access
        && access.getExpression() instanceof MemberSelectTree array
        && access.getIndex() instanceof MemberSelectTree index
        && array.getExpression() instanceof IdentifierTree handle
        && index.getExpression() instanceof IdentifierTree sameHandle
        && TreeInfo.symbol((JCTree) handle) == TreeInfo.symbol((JCTree) sameHandle)) {
      // The handle's own table at the handle's own index: the slot its accessor reads.
      String accessor = handles.atomicAccessor(((JCTree) handle).type);
      return accessor == null ? null : new FixPlan.CallAccessor(tree, handle, accessor);
    }
    return null;
  }

  /** For a plain accessor call, the handle's atomic accessor. */
  private @Nullable String atomicVariant(Tree read) {
    if (!(read instanceof MethodInvocationTree call)
        || !(call.getMethodSelect() instanceof MemberSelectTree select)) {
      return null;
    }
    Symbol symbol = TreeInfo.symbol((JCTree) select);
    if (!(symbol instanceof MethodSymbol method)
        || cx.calls.contracts().accessor(method).map(a -> a.atomic()).orElse(true)) {
      return null;
    }
    Type receiver = ((JCTree) select.getExpression()).type;
    return handles.atomicAccessor(receiver);
  }

  /**
   * Whether no loop, lambda or class lies between a later tree and what it shares with the first
   * read's tree (with the method body, when the first read is the caller's, a parameter).
   */
  private boolean sameIteration(@Nullable Tree first, Tree later) {
    java.util.Set<Tree> firstAncestors =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Tree t = first; t != null; t = cx.parent(t)) {
      firstAncestors.add(t);
    }
    for (Tree t = cx.parent(later); t != null && !firstAncestors.contains(t); t = cx.parent(t)) {
      if (t instanceof ForLoopTree
          || t instanceof WhileLoopTree
          || t instanceof DoWhileLoopTree
          || t instanceof EnhancedForLoopTree
          || t instanceof LambdaExpressionTree
          || t instanceof ClassTree) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether deleting the re-read statement leaves the holder with the first read's value on every
   * path: the first read is a sibling statement before it in the same block that stores into the
   * holder, and nothing between them assigns the holder. A re-read inside a loop the first read
   * is outside of (a spin-wait's {@code v = slot.get()}) fails this: deleting it would make the
   * loop spin forever on the old value.
   */
  private boolean firstReadStillHeld(@Nullable Tree first, Tree reread, VarSymbol holder) {
    if (first == null) {
      return false;
    }
    Tree firstStatement = cx.parent(first);
    if (firstStatement instanceof AssignmentTree a
        && TreeInfo.symbol((JCTree) a.getVariable()) == holder) {
      firstStatement = cx.parent(firstStatement);
    } else if (!(firstStatement instanceof com.sun.source.tree.VariableTree v
        && TreeInfo.symbolFor((JCTree) v) == holder)) {
      return false;
    }
    if (!(cx.parent(firstStatement) instanceof BlockTree block)) {
      return false;
    }
    // Climb from the re-read to the statement of the first read's block that holds it, through
    // blocks and branches only: a loop, lambda or class between them repeats or defers it.
    Tree enclosing = reread;
    while (cx.parent(enclosing) != block) {
      Tree parent = cx.parent(enclosing);
      if (parent == null
          || parent instanceof ForLoopTree
          || parent instanceof WhileLoopTree
          || parent instanceof DoWhileLoopTree
          || parent instanceof EnhancedForLoopTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree) {
        return false;
      }
      enclosing = parent;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int from = statements.indexOf(firstStatement);
    int to = statements.indexOf(enclosing);
    if (from < 0 || to <= from) {
      return false;
    }
    for (StatementTree between : statements.subList(from + 1, to)) {
      if (assigns(between, holder, Integer.MAX_VALUE)) {
        return false;
      }
    }
    return !assigns(enclosing, holder, TreeInfo.getStartPos((JCTree) reread));
  }

  /** Whether a tree may assign a local inside it, before a source position. */
  private static boolean assigns(Tree tree, VarSymbol variable, int before) {
    Boolean found =
        new com.sun.source.util.TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitAssignment(AssignmentTree t, Void unused) {
            return (TreeInfo.symbol((JCTree) t.getVariable()) == variable
                && TreeInfo.getStartPos((JCTree) t) < before)
                || Boolean.TRUE.equals(super.visitAssignment(t, null));
          }

          @Override
          public Boolean visitCompoundAssignment(
              com.sun.source.tree.CompoundAssignmentTree t, Void unused) {
            return (TreeInfo.symbol((JCTree) t.getVariable()) == variable
                && TreeInfo.getStartPos((JCTree) t) < before)
                || Boolean.TRUE.equals(super.visitCompoundAssignment(t, null));
          }

          @Override
          public Boolean visitUnary(com.sun.source.tree.UnaryTree t, Void unused) {
            return (TreeInfo.symbol((JCTree) t.getExpression()) == variable
                && TreeInfo.getStartPos((JCTree) t) < before)
                || Boolean.TRUE.equals(super.visitUnary(t, null));
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static @Nullable Tree firstRead(ReadRecord earlier) {
    Tree first = null;
    for (SnapId s : earlier.snaps()) {
      if (s.origin() instanceof JCTree t
          && (first == null || t.getStartPosition() < ((JCTree) first).getStartPosition())) {
        first = t;
      }
    }
    return first;
  }

  /**
   * The statement of a block before which a read can be hoisted: the read's enclosing statement,
   * provided no loop, lambda or class lies between them (hoisting out of those changes how often
   * or where the slot is read).
   */
  private @Nullable Tree hoistPoint(Tree read) {
    Tree current = read;
    for (Tree parent = cx.parent(current); parent != null; parent = cx.parent(current)) {
      if (parent instanceof ForLoopTree
          || parent instanceof WhileLoopTree
          || parent instanceof DoWhileLoopTree
          || parent instanceof EnhancedForLoopTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof ClassTree) {
        return null;
      }
      if ((parent instanceof BlockTree || parent instanceof CaseTree)
          && current instanceof StatementTree) {
        return current;
      }
      current = parent;
    }
    return null;
  }
}

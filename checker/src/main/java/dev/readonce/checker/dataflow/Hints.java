package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.tree.TreeInfo;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import org.checkerframework.errorprone.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.errorprone.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The racy-hint contract in one method's analysis ({@code @RacyHint}, {@code @ValidatesHint}):
 * which unlocked reads are hints, and where a hint may go. A hint stays in the method's locals and
 * decides tests (conditions, sizes); under its slot's lock it is used only after a re-check against
 * the slot or as the argument of a parameter that validates it; it is never stored into a field or
 * an array, returned, handed to another method, called or locked.
 */
final class Hints {

  private final MethodContext cx;
  private final ImmutableSet<VarSymbol> racy;

  /**
   * The hint reads met so far, each with its slot field. It only grows during the fixpoint: whether
   * a read is a hint depends on its site, and whether it was locked is the snapshot's own state.
   */
  private final Map<SnapId, VarSymbol> reads = new HashMap<>();

  Hints(MethodContext cx) {
    this.cx = cx;
    this.racy =
        cx.method == null ? ImmutableSet.of() : cx.calls.contracts().hints(cx.method).racy();
  }

  /** Whether an unlocked read is a hint (a read of a field the method reads as one); records it. */
  boolean unlockedHint(Node read) {
    if (racy.isEmpty()
        || !(read instanceof FieldAccessNode access)
        || !(access.getElement() instanceof VarSymbol field)
        || !racy.contains(field)) {
      return false;
    }
    reads.put(new SnapId(read.getTree()), field);
    return true;
  }

  /**
   * Judges where a hint read's own value goes when no local holds it first ({@code kept = head;},
   * {@code return head;}): the same places a hint held by a local may not go.
   */
  void judgeRead(Node read) {
    VarSymbol field = reads.get(new SnapId(read.getTree()));
    if (field == null) {
      return;
    }
    Sink sink = sink(read.getTree());
    String misuse = validates(sink, field) ? null : misuse(sink);
    if (misuse != null) {
      String name = "'" + field.getSimpleName() + "'";
      report(
          read,
          Messages.hintMisused(
              name, field.getSimpleName().toString(), cx.line(read.getTree()), misuse),
          null);
    }
  }

  /**
   * The value of a field read through a hint ({@code h.next} after a hint read {@code h = head}):
   * what a hint points to is no better than the hint, so it is a hint too. Other values as they
   * are.
   */
  SlotValue throughReceiver(SlotValue receiver, SlotValue read) {
    if (reads.isEmpty() || receiver.snaps().isEmpty()) {
      return read;
    }
    ImmutableSet.Builder<SnapId> hinted = ImmutableSet.builder();
    for (SnapId s : receiver.snaps()) {
      if (reads.containsKey(s)) {
        hinted.add(s);
      }
    }
    ImmutableSet<SnapId> snaps = hinted.build();
    return snaps.isEmpty() ? read : SlotValue.snapshots(snaps).withPath(read.path());
  }

  /** Whether a snapshot is a hint: read by a hint read, without the lock. */
  boolean isHint(SnapId s, @Nullable SnapState state) {
    return state != null && !state.underLock() && reads.containsKey(s);
  }

  /**
   * Judges a use of a local that may hold hints: a hint used under its slot's lock without
   * re-validation, or going where a hint may not go. Returns whether it reported.
   */
  boolean judgeUse(LocalVariableNode node, SlotValue value, SlotStore store) {
    if (reads.isEmpty()) {
      return false;
    }
    for (SnapId s : value.snaps()) {
      SnapState state = store.snap(s);
      if (!isHint(s, state)) {
        continue;
      }
      LockRegion region = store.lockCovering(state.slot());
      if (region != null && region.validated().contains(s)) {
        continue; // compared with the slot under its lock: the slot's value now
      }
      Sink sink = sink(node.getTree());
      if (validates(sink, reads.get(s))) {
        continue;
      }
      String name = "'" + node.getName() + "'";
      String slot =
          state.slot() == null ? reads.get(s).getSimpleName().toString() : state.slot().toString();
      if (region != null) {
        report(
            node,
            Messages.hintUnderLock(name, slot, state.line(), region.line()),
            java.util.List.of("hint", region.line(), s));
        return true;
      }
      String misuse = misuse(sink);
      if (misuse != null) {
        report(node, Messages.hintMisused(name, slot, state.line(), misuse), null);
        return true;
      }
    }
    return false;
  }

  private void report(Node node, String message, @Nullable Object once) {
    cx.sink.report(new Finding(Rule.MISSING_REVALIDATION, node.getTree(), message, null, once), cx);
  }

  /**
   * Where a use's value goes: the tree that consumes it and the child it consumes it through, past
   * parentheses, casts, the branches of a conditional and copies into locals used as values.
   */
  private record Sink(Tree child, @Nullable Tree parent) {}

  private Sink sink(Tree use) {
    Tree child = use;
    Tree parent = cx.parent(child);
    while (parent instanceof ParenthesizedTree
        || parent instanceof TypeCastTree
        || (parent instanceof ConditionalExpressionTree c && c.getCondition() != child)
        || (parent instanceof AssignmentTree a
            && a.getExpression() == child
            && isLocal(a.getVariable())
            && !(cx.parent(a) instanceof com.sun.source.tree.ExpressionStatementTree))) {
      child = parent;
      parent = cx.parent(child);
    }
    return new Sink(child, parent);
  }

  /** Whether the sink is the argument of a parameter that validates a hint of this field. */
  private boolean validates(Sink sink, VarSymbol field) {
    if (!(sink.parent() instanceof MethodInvocationTree call)
        || !(TreeInfo.symbol((JCTree) call.getMethodSelect()) instanceof MethodSymbol callee)) {
      return false;
    }
    int index = call.getArguments().indexOf(sink.child());
    return index >= 0 && field.equals(cx.calls.contracts().hints(callee).validates().get(index));
  }

  /** What a hint may not do that the sink does, or null when the sink only looks at it. */
  private @Nullable String misuse(Sink sink) {
    Tree parent = sink.parent();
    Tree child = sink.child();
    if (parent instanceof SynchronizedTree) {
      return "is locked (synchronized on)";
    }
    if (parent instanceof AssignmentTree a && a.getExpression() == child) {
      return isLocal(a.getVariable()) ? null : "is stored into '" + a.getVariable() + "'";
    }
    if (parent instanceof CompoundAssignmentTree a && a.getExpression() == child) {
      return isLocal(a.getVariable()) ? null : "is stored into '" + a.getVariable() + "'";
    }
    if (parent instanceof NewArrayTree) {
      return "is stored into an array";
    }
    if (parent instanceof ReturnTree) {
      return "is returned";
    }
    if (parent instanceof NewClassTree created && created.getArguments().contains(child)) {
      return "is handed to a constructor of " + created.getIdentifier();
    }
    if (parent instanceof MethodInvocationTree call && call.getArguments().contains(child)) {
      return "is handed to " + calleeName(call) + "(), which is not declared to validate it";
    }
    if (parent instanceof MemberSelectTree select
        && cx.parent(select) instanceof MethodInvocationTree call
        && call.getMethodSelect() == select) {
      Symbol method = TreeInfo.symbol((JCTree) select);
      boolean test =
          method instanceof MethodSymbol m
              && m.getReturnType().isPrimitive()
              && !cx.calls.isLockOperation(call);
      return test ? null : "is the receiver of " + select.getIdentifier() + "()";
    }
    return null;
  }

  private static String calleeName(MethodInvocationTree call) {
    Symbol method = TreeInfo.symbol((JCTree) call.getMethodSelect());
    return method == null ? "a method" : method.getSimpleName().toString();
  }

  private static boolean isLocal(Tree variable) {
    Symbol symbol = TreeInfo.symbol((JCTree) variable);
    return symbol instanceof VarSymbol v
        && (v.getKind() == ElementKind.LOCAL_VARIABLE || v.getKind() == ElementKind.PARAMETER)
        && variable instanceof com.sun.source.tree.IdentifierTree;
  }
}

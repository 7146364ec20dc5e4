package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.readonce.checker.model.Contracts;
import java.util.List;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The single-writer contract ({@code @SingleWriter}, {@code single-writer}) in one analyzed body:
 * a read of a slot by one of its writer methods, on {@code this}, reads the thread's own write
 * (stable, as under the lock); a write of the slot, or a call of one of its writer methods, made
 * anywhere else is an {@link Rule#UNLOCKED_SLOT_WRITE}, lock or not, because the writer reads the
 * slot without the lock. That the callers of the writer's entry points serialize their calls is
 * the contract itself, not checked.
 */
final class WriterContext {

  private final MethodContext cx;
  private final Contracts contracts;

  WriterContext(MethodContext cx) {
    this.cx = cx;
    this.contracts = cx.calls.contracts();
  }

  /** Whether a read of the slot is its single writer reading its own write. */
  boolean readsOwnWrite(@Nullable SlotKey slot) {
    VarSymbol field = ownField(slot);
    return field != null && isWriter(field);
  }

  /**
   * A write of a slot ({@code field} is the slot field, or the container field whose element is
   * written; null: the one the path names). Reported when the slot has single writers and this
   * code is not one of them writing its own object's slot.
   */
  void write(Node node, @Nullable SlotKey slot, @Nullable VarSymbol field, SlotStore store) {
    VarSymbol written = field != null ? field : slotField(slot);
    if (cx.primitive || written == null) {
      return;
    }
    ImmutableSet<MethodSymbol> writers = contracts.singleWriters(written);
    if (writers.isEmpty()) {
      return;
    }
    VarSymbol own = ownField(slot);
    if (written.equals(own) && (isWriter(written) || cx.initializer)) {
      return; // the writer itself, or a constructor building the object
    }
    if (slot != null
        && slot.path().root() instanceof AccessPath.Local local
        && store.owned().creation(local.variable()) != null) {
      return; // an object this thread made and has not published
    }
    cx.sink.report(
        new Finding(
            Rule.UNLOCKED_SLOT_WRITE,
            node.getTree(),
            Messages.writeOutsideSingleWriter(
                slot == null ? written.getSimpleName().toString() : slot.toString(),
                names(writers),
                method()),
            null,
            null),
        cx);
  }

  /**
   * A call of a writer method: made on {@code this} by a writer of all its slots, or by a
   * constructor of the object; reported otherwise.
   */
  void call(MethodInvocationNode node, Function<Node, SlotValue> values) {
    MethodSymbol callee = CallModel.symbol(node);
    if (callee == null || cx.primitive) {
      return;
    }
    ImmutableSet<VarSymbol> slots = contracts.singleWriterOf(callee);
    if (slots.isEmpty()) {
      return;
    }
    boolean onThis = callee.isStatic();
    if (!onThis) {
      Node receiver = node.getTarget().getReceiver();
      AccessPath path = receiver == null ? null : AccessPath.of(receiver, values);
      onThis = path != null && path.root() instanceof AccessPath.This && path.steps().isEmpty();
    }
    if (onThis && cx.initializer) {
      return;
    }
    for (VarSymbol slot : slots) {
      if (!onThis || !isWriter(slot)) {
        cx.sink.report(
            new Finding(
                Rule.UNLOCKED_SLOT_WRITE,
                node.getTree(),
                Messages.writerCalledOutside(
                    callee.getSimpleName().toString(),
                    slot.getSimpleName().toString(),
                    onThis,
                    method()),
                null,
                null),
            cx);
        return; // one finding per call
      }
    }
  }

  /** Whether the analyzed method is declared a single writer of the slot field. */
  private boolean isWriter(VarSymbol field) {
    return cx.method != null && contracts.singleWriterOf(cx.method).contains(field);
  }

  /**
   * The slot field of a path on this object (or class): {@code this.f}, or an element of its
   * container {@code this.f[i]}; null for a path through another object.
   */
  private static @Nullable VarSymbol ownField(@Nullable SlotKey slot) {
    if (slot == null
        || !(slot.path().root() instanceof AccessPath.This
            || slot.path().root() instanceof AccessPath.Static)
        || slot.path().steps().isEmpty()
        || !(slot.path().steps().get(0) instanceof AccessPath.Field first)) {
      return null;
    }
    List<AccessPath.Step> rest = slot.path().steps().subList(1, slot.path().steps().size());
    if (rest.stream().anyMatch(s -> s instanceof AccessPath.Field)) {
      return null;
    }
    return first.field().isStatic() == (slot.path().root() instanceof AccessPath.Static)
        ? first.field()
        : null;
  }

  /** The last field a slot's path selects: the slot, or the container of an element. */
  private static @Nullable VarSymbol slotField(@Nullable SlotKey slot) {
    if (slot == null) {
      return null;
    }
    VarSymbol last = null;
    for (AccessPath.Step step : slot.path().steps()) {
      if (step instanceof AccessPath.Field f) {
        last = f.field();
      }
    }
    return last;
  }

  private String method() {
    return cx.method == null ? "this code" : cx.method.getSimpleName().toString();
  }

  private static String names(ImmutableSet<MethodSymbol> writers) {
    return writers.stream()
        .map(m -> m.getSimpleName().toString())
        .sorted()
        .distinct()
        .collect(java.util.stream.Collectors.joining(", "));
  }
}

package dev.readonce.checker.dataflow;

import com.google.common.collect.ImmutableSet;
import java.util.function.Function;
import org.checkerframework.errorprone.dataflow.analysis.ConditionalTransferResult;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
import org.checkerframework.errorprone.dataflow.analysis.TransferResult;
import org.checkerframework.errorprone.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * What tests and descents do to snapshots: a pointer test's facts on each branch, decisions that
 * mark a snapshot tested, and the lower-table lock a descent inherits.
 */
final class SnapshotFacts {

  private SnapshotFacts() {}

  static ImmutableSet<SnapId> operandSnaps(
      Node node, TransferInput<SlotValue, SlotStore> in) {
    ImmutableSet.Builder<SnapId> out = ImmutableSet.builder();
    for (Node operand : node.getOperands()) {
      out.addAll(SlotTransfer.valueOf(in, operand).snaps());
    }
    return out.build();
  }

  /** The snapshots after a test at {@code site} looked at them. */
  static SlotStore tested(SlotStore store, ImmutableSet<SnapId> snaps, TestSite site) {
    SlotStore out = store;
    for (SnapId s : snaps) {
      SnapState state = out.snap(s);
      if (state != null) {
        out = out.withSnap(s, state.asTested(site));
      }
    }
    return out;
  }

  /**
   * The slot whose lower-table lock is held and re-validated for the snapshot being descended
   * from: the handle returned then points into a table whose slots that lock guards.
   */
  static @Nullable SlotKey lowerTableLock(SlotValue snapshot, SlotStore store) {
    for (SnapId s : snapshot.snaps()) {
      SnapState state = store.snap(s);
      LockRegion region = state == null ? null : store.lockCovering(state.slot());
      if (region != null
          && region.lowerTable()
          && (state.underLock() || region.validated().contains(s))) {
        return region.slot();
      }
    }
    return null;
  }

  static TransferResult<SlotValue, SlotStore> test(
      MethodInvocationNode node,
      Call.Test test,
      Function<Node, SlotValue> values,
      SlotStore store,
      TestSite site) {
    Node tested =
        test.argument() < 0 ? node.getTarget().getReceiver() : node.getArguments().get(0);
    SlotStore then = store;
    SlotStore otherwise = store;
    for (SnapId s : values.apply(tested).snaps()) {
      SnapState state = store.snap(s);
      if (state != null) {
        then = then.withSnap(s, state.withFacts(Fact.learned(test.shows(), true), site));
        otherwise =
            otherwise.withSnap(s, state.withFacts(Fact.learned(test.shows(), false), site));
      }
    }
    return new ConditionalTransferResult<>(SlotValue.NOTHING, then, otherwise);
  }
}

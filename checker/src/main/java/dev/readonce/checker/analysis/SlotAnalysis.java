package dev.readonce.checker.analysis;

import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.dataflow.SlotTransfer;
import dev.readonce.checker.dataflow.SlotValue;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.cfg.block.Block;
import org.checkerframework.errorprone.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.errorprone.dataflow.cfg.node.Node;
import org.jspecify.annotations.Nullable;

/**
 * The forward slot analysis, keeping no store at the method's exceptional exit.
 *
 * <p>Every call may throw, so every call node has an edge to the exceptional exit, and the
 * framework would join each of those stores into one: a join per call, each as large as the store
 * at that call, which made the analysis of a long method grow with the square of its length. The
 * exceptional exit holds no node and nothing is judged there (a {@code finally} or {@code catch}
 * is its own block and still receives its stores), so its store is never needed.
 */
final class SlotAnalysis extends ForwardAnalysisImpl<SlotValue, SlotStore, SlotTransfer> {

  SlotAnalysis(SlotTransfer transfer) {
    super(transfer);
  }

  @Override
  protected void addStoreBefore(
      Block b, @Nullable Node node, SlotStore s, Store.Kind kind, boolean addBlockToWorklist) {
    if (b instanceof SpecialBlock special
        && special.getSpecialType() == SpecialBlock.SpecialBlockType.EXCEPTIONAL_EXIT) {
      return;
    }
    super.addStoreBefore(b, node, s, kind, addBlockToWorklist);
  }
}

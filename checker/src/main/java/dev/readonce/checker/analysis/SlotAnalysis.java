package dev.readonce.checker.analysis;

import com.sun.source.tree.Tree;
import dev.readonce.checker.dataflow.SlotStore;
import dev.readonce.checker.dataflow.SlotTransfer;
import dev.readonce.checker.dataflow.SlotValue;
import org.checkerframework.errorprone.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.errorprone.dataflow.analysis.Store;
import org.checkerframework.errorprone.dataflow.analysis.TransferInput;
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
 *
 * <p>For a chunk of a long body ({@link ChunkedBody}) it starts from the store the previous chunk
 * fell through with, and tells apart the two ways of reaching the chunk's regular exit: falling
 * through (the nodes of the chunk's end marker, the last thing it runs) and returning from the
 * method (everything else).
 */
final class SlotAnalysis extends ForwardAnalysisImpl<SlotValue, SlotStore, SlotTransfer> {

  private final @Nullable SlotStore start;
  private final @Nullable Tree end;
  private @Nullable Block endBlock;
  private @Nullable SlotStore fallThrough;
  private @Nullable SlotStore returned;

  SlotAnalysis(SlotTransfer transfer) {
    this(transfer, null, null);
  }

  /**
   * @param start the store at the chunk's entry (null: the transfer's initial store)
   * @param end the tree of the chunk's end marker (null: the chunk ends the method)
   */
  SlotAnalysis(SlotTransfer transfer, @Nullable SlotStore start, @Nullable Tree end) {
    super(transfer);
    this.start = start;
    this.end = end;
  }

  @Override
  protected void initInitialInputs() {
    super.initInitialInputs();
    if (end != null) {
      // The marker is an expression statement: its literal's node, then a statement node with no
      // tree, the last of its block, which the exit is reached from.
      java.util.Set<Node> nodes = cfg.getNodesCorrespondingToTree(end);
      endBlock = nodes == null || nodes.isEmpty() ? null : nodes.iterator().next().getBlock();
    }
    if (start != null) {
      Block entry = cfg.getEntryBlock();
      thenStores.put(entry, start);
      elseStores.put(entry, start);
      inputs.put(entry, new TransferInput<>(null, this, start));
    }
  }

  @Override
  protected void addStoreBefore(
      Block b, @Nullable Node node, SlotStore s, Store.Kind kind, boolean addBlockToWorklist) {
    if (b instanceof SpecialBlock special) {
      if (special.getSpecialType() == SpecialBlock.SpecialBlockType.EXCEPTIONAL_EXIT) {
        return;
      }
      if (end != null && special.getSpecialType() == SpecialBlock.SpecialBlockType.EXIT) {
        if (node != null && endBlock != null && node.getBlock() == endBlock) {
          // The end marker's block is processed again whenever its input grows; the last store
          // it sends is the fixpoint's.
          fallThrough =
              kind == Store.Kind.ELSE && fallThrough != null ? fallThrough.leastUpperBound(s) : s;
        } else {
          // As the framework joins every store that reaches the exit into its exit store.
          returned = returned == null ? s : s.leastUpperBound(returned);
        }
      }
    }
    super.addStoreBefore(b, node, s, kind, addBlockToWorklist);
  }

  /** The store the chunk falls through with, or null if it never does. */
  @Nullable SlotStore fallThrough() {
    return fallThrough;
  }

  /**
   * The join of the stores that leave the method through a {@code return}; for the last chunk
   * (no end marker), the framework's regular exit store.
   */
  @Nullable SlotStore returned() {
    return end == null ? getRegularExitStore() : returned;
  }
}

package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a method that designate a slot, by position: one handle ({@code pudp}) or an
 * array and an index ({@code tab, i}); no positions means the receiver.
 *
 * @param indices zero-based parameter positions, in the order that designates the slot
 */
public record SlotParams(ImmutableList<Integer> indices) {

  public static final SlotParams RECEIVER = new SlotParams(ImmutableList.of());

  /**
   * For a snapshot parameter whose method does not receive the slot's handle: the slot is known
   * only as "the one the caller read".
   */
  public static final SlotParams NONE = new SlotParams(ImmutableList.of(-1));

  public static SlotParams of(Integer... indices) {
    return new SlotParams(ImmutableList.copyOf(indices));
  }

  public boolean isReceiver() {
    return indices.isEmpty();
  }

  public boolean isNone() {
    return this.equals(NONE);
  }

  // Written out (see SnapId): the record's generated equals/hashCode go through method handles,
  // slow before the JIT compiles them; hashCode is the record's own formula (RecordMethodsTest).
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof SlotParams s && Objects.equals(indices, s.indices));
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(indices);
  }
}

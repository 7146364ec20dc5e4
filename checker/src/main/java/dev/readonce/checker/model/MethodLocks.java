package dev.readonce.checker.model;

import com.google.common.collect.ImmutableList;

/**
 * What a method does with named locks ({@code @Holding}, {@code @AcquiresLock}, {@code
 * @ReleasesLock}, or their declarations): each name is {@code "this"} (the receiver's monitor) or
 * a field of the method's class.
 *
 * @param holding the locks every caller holds for the whole call
 * @param acquires the locks the method takes and returns holding
 * @param releases the locks the method releases (its caller held them)
 */
public record MethodLocks(
    ImmutableList<String> holding, ImmutableList<String> acquires, ImmutableList<String> releases) {

  public static final MethodLocks NONE =
      new MethodLocks(ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  public boolean isEmpty() {
    return holding.isEmpty() && acquires.isEmpty() && releases.isEmpty();
  }

  /** Each part from this contract, or from {@code other} where this one states none. */
  public MethodLocks or(MethodLocks other) {
    return new MethodLocks(
        holding.isEmpty() ? other.holding : holding,
        acquires.isEmpty() ? other.acquires : acquires,
        releases.isEmpty() ? other.releases : releases);
  }
}

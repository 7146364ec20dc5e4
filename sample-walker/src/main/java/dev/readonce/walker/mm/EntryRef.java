package dev.readonce.walker.mm;

import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.annotations.ReadOnce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A handle on one slot, one entry of one table: the Java form of the kernel's {@code pud_t *}.
 *
 * <p>A handle is an address, not a value: every {@link #get()} reads the slot again. Writers hold
 * the slot's lock ({@link PgtableLocks}) and store with {@link #set} or {@link #getAndClear}; only
 * the hardware (the {@link Mmu}) changes a slot without the lock, by {@link #compareAndSet}. The
 * subclasses are the kernel's distinct pointer types, one per level, so that a PMD handle cannot be
 * passed where a PUD handle is meant.
 *
 * <p>Reads use acquire ordering. {@code READ_ONCE} is an opaque read in the Java memory model, but
 * a walker that follows the value to the next table also relies on the address dependency that
 * pairs with the writer's {@code smp_wmb()} before {@code pud_populate()}; Java has no dependency
 * ordering, so the read is an acquire and the store ({@code WRITE_ONCE} after the barrier) a
 * release. On x86 both compile to plain moves.
 */
public abstract class EntryRef {

  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

  /**
   * The table this slot lives in; its elements are slots. A plain {@code table[index]} is the
   * non-atomic {@code *pud} of old kernels.
   */
  @ReadOnce final long[] table;

  final long tablePfn;
  final int index;

  EntryRef(long[] table, long tablePfn, int index) {
    if (index < 0 || index >= Layout.PTRS_PER_TABLE) {
      throw new IndexOutOfBoundsException("entry " + index + " of table " + tablePfn);
    }
    this.table = table;
    this.tablePfn = tablePfn;
    this.index = index;
  }

  /** One atomic read of the slot: {@code pXdp_get(p)}, {@code READ_ONCE(*p)}. */
  @ReadOnce
  public final long get() {
    return (long) ENTRY.getAcquire(table, index);
  }

  /**
   * One plain, non-atomic read of the slot: the {@code *pud} of kernels before {@code READ_ONCE}
   * ({@code pud_none(*pud)}), for the historical variants of the walk only. The compiler may
   * repeat, merge or hoist a plain read (JLS §17.4) and split a {@code long} into two halves
   * (§17.7); callers without the slot's lock get the checker's plain-read finding. Use {@link
   * #get()}.
   */
  @ReadOnce(atomic = false)
  public final long deref() {
    return table[index];
  }

  /**
   * Stores {@code value}: {@code set_pXd_at()}, {@code WRITE_ONCE(*p, v)}. Hold the slot's lock.
   */
  @ModifiesSlot(requiresLock = true)
  public final void set(long value) {
    ENTRY.setRelease(table, index, value);
  }

  /**
   * Atomically clears the slot and returns what it held, hardware bits included: {@code
   * ptep_get_and_clear()}, {@code pudp_huge_get_and_clear()}. Hold the slot's lock; the exchange is
   * atomic so that an accessed/dirty bit the hardware sets meanwhile is not lost.
   */
  @ModifiesSlot(requiresLock = true)
  public final long getAndClear() {
    return (long) ENTRY.getAndSet(table, index, 0L);
  }

  /**
   * Replaces {@code expected} by {@code update} if the slot still holds it: the hardware's atomic
   * accessed/dirty update, which takes no lock.
   */
  @ModifiesSlot
  public final boolean compareAndSet(long expected, long update) {
    return ENTRY.compareAndSet(table, index, expected, update);
  }

  /** The frame of the table this slot lives in. */
  public final long tablePfn() {
    return tablePfn;
  }

  /** The slot's index in its table. */
  public final int index() {
    return index;
  }

  /** The next slot of the same table: {@code pud + 1}. */
  public abstract EntryRef next();

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + tablePfn + ":" + index + "]";
  }
}

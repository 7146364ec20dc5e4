package dev.readonce.walker.mm;

import dev.readonce.annotations.Descends;
import dev.readonce.annotations.Snapshot;
import dev.readonce.annotations.StableAfterPointer;

/**
 * A handle on one P4D entry: the kernel's {@code p4d_t *}.
 *
 * <p>Stable after pointer: once one of these slots points to a table it keeps pointing to it while
 * walkers hold the mm lock for read, because tables at this level are freed only with the mm lock
 * held for write. A walker may descend through a snapshot it has shown to be a table without taking
 * a lock.
 */
@StableAfterPointer
public final class P4dRef extends EntryRef {

  P4dRef(long[] table, long tablePfn, int index) {
    super(table, tablePfn, index);
  }

  /**
   * Models {@code p4d_offset(&pgd, addr)}: the P4D slot for {@code addr} in the table that the
   * snapshot {@code pgd} points to. Follows the snapshot, never a re-read of its slot.
   */
  @Descends
  public static P4dRef p4dOffset(MmStruct mm, @Snapshot long pgd, long addr) {
    long pfn = Pgtable.entryPfn(pgd);
    return new P4dRef(mm.arena().words(pfn), pfn, Layout.p4dIndex(addr));
  }

  @Override
  public P4dRef next() {
    return new P4dRef(table, tablePfn, index + 1);
  }
}

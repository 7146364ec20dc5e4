package dev.readonce.walker.mm;

import dev.readonce.annotations.Descends;
import dev.readonce.annotations.Snapshot;
import dev.readonce.annotations.StableAfterPointer;

/**
 * A handle on one PUD entry: the kernel's {@code pud_t *}.
 *
 * <p>Stable after pointer: once one of these slots points to a table it keeps pointing to it while
 * walkers hold the mm lock for read, because tables at this level are freed only with the mm lock
 * held for write. A walker may descend through a snapshot it has shown to be a table without taking
 * a lock.
 */
@StableAfterPointer
public final class PudRef extends EntryRef {

  PudRef(long[] table, long tablePfn, int index) {
    super(table, tablePfn, index);
  }

  /**
   * Models {@code pud_offset(&p4d, addr)}: the PUD slot for {@code addr} in the table that the
   * snapshot {@code p4d} points to. Follows the snapshot, never a re-read of its slot.
   */
  @Descends
  public static PudRef pudOffset(MmStruct mm, @Snapshot long p4d, long addr) {
    long pfn = Pgtable.entryPfn(p4d);
    return new PudRef(mm.arena().words(pfn), pfn, Layout.pudIndex(addr));
  }

  @Override
  public PudRef next() {
    return new PudRef(table, tablePfn, index + 1);
  }
}

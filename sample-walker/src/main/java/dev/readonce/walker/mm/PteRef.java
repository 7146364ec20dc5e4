package dev.readonce.walker.mm;

import dev.readonce.annotations.Descends;
import dev.readonce.annotations.Snapshot;

/**
 * A handle on one PTE entry: the kernel's {@code pte_t *}.
 *
 * <p>PTEs are leaves; nothing descends from them. Their lock is the split lock of the PTE table
 * they live in, taken through the PMD that points to it ({@link PgtableLocks#pteLock}).
 */
public final class PteRef extends EntryRef {

  PteRef(long[] table, long tablePfn, int index) {
    super(table, tablePfn, index);
  }

  /**
   * Models {@code pte_offset_map(&pmdval, addr)}: the PTE slot for {@code addr} in the table that
   * the snapshot {@code pmd} points to. Follows the snapshot, never a re-read of its slot; safe
   * only under the lock of that table after {@link Pmd#pmdSame re-validating} the PMD.
   */
  @Descends
  public static PteRef pteOffset(MmStruct mm, @Snapshot long pmd, long addr) {
    long pfn = Pgtable.entryPfn(pmd);
    return new PteRef(mm.arena().words(pfn), pfn, Layout.pteIndex(addr));
  }

  @Override
  public PteRef next() {
    return new PteRef(table, tablePfn, index + 1);
  }
}

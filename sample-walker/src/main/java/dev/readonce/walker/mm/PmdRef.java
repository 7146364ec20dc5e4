package dev.readonce.walker.mm;

import dev.readonce.annotations.Descends;
import dev.readonce.annotations.Snapshot;

/**
 * A handle on one PMD entry: the kernel's {@code pmd_t *}.
 *
 * <p>Not stable after pointer: a PMD that points to a PTE table can be cleared while walkers hold
 * the mm lock only for read, when khugepaged retracts the table ({@link Khugepaged}) and frees its
 * frame. The PTE level is therefore entered as {@code __pte_offset_map_lock()} does: snapshot the
 * PMD, check it is a table, take the lock of that table ({@link PgtableLocks#pteLock}), which
 * retraction also takes, re-check the PMD still holds the snapshot ({@link Pmd#pmdSame}), and only
 * then descend.
 */
public final class PmdRef extends EntryRef {

  PmdRef(long[] table, long tablePfn, int index) {
    super(table, tablePfn, index);
  }

  /**
   * Models {@code pmd_offset(&pud, addr)}: the PMD slot for {@code addr} in the table that the
   * snapshot {@code pud} points to. Follows the snapshot, never a re-read of its slot.
   */
  @Descends
  public static PmdRef pmdOffset(MmStruct mm, @Snapshot long pud, long addr) {
    long pfn = Pgtable.entryPfn(pud);
    return new PmdRef(mm.arena().words(pfn), pfn, Layout.pmdIndex(addr));
  }

  @Override
  public PmdRef next() {
    return new PmdRef(table, tablePfn, index + 1);
  }
}

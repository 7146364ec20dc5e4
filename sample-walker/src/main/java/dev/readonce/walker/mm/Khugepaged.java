package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdTable;

import java.util.concurrent.locks.Lock;

/**
 * PTE-table retraction ({@code mm/khugepaged.c}): once a file's 2 MiB range is collapsed into a THP
 * in the page cache, the PTE tables that map it are unlinked and freed, so that later faults map
 * the THP by a huge PMD.
 *
 * <p>This is what makes PMD slots not stable after pointer: retraction holds neither the mm lock
 * nor the VMA lock, only {@code i_mmap_rwsem} for read, the PMD's lock and the PTE table's lock. A
 * walker that read the PMD before the lock may be left holding a pointer to a freed table, which
 * the model's allocator hands out again at once (the kernel defers the free by RCU, {@code
 * pte_free_defer()}, for its lockless {@code pte_offset_map()} users; the model has no RCU and its
 * walkers enter PTE tables only under their lock).
 */
public final class Khugepaged {

  private Khugepaged() {}

  /**
   * Models {@code retract_page_tables()}: in every VMA that maps file page {@code pgoff} at a
   * PMD-aligned address, retracts the PTE table covering it. Returns how many it retracted.
   */
  public static int retractPageTables(AddressSpace mapping, long pgoff) {
    int retracted = 0;
    mapping.iMmapLockRead();
    try {
      for (VmArea vma : mapping.vmas()) {
        long addr = vma.start() + ((pgoff - vma.pgoff()) << PAGE_SHIFT);
        if ((addr & ~PMD_MASK) != 0 || addr < vma.start() || addr + PMD_SIZE > vma.end()) {
          continue;
        }
        retracted += retractPageTable(vma, addr) ? 1 : 0;
      }
    } finally {
      mapping.iMmapUnlockRead();
    }
    return retracted;
  }

  /**
   * The body of {@code retract_page_tables()} for one VMA: under the PMD's lock and then the PTE
   * table's lock, clears the PMD if it points to a table ({@code pmdp_collapse_flush()}), then
   * flushes the TLB and frees the table. Returns whether it retracted one.
   */
  public static boolean retractPageTable(VmArea vma, long addr) {
    MmStruct mm = vma.mm();
    PmdRef pmdp = Rmap.mmFindPmd(mm, addr);
    if (pmdp == null) {
      return false;
    }
    long table;
    Lock pml = pmdLock(mm, pmdp);
    try {
      long pmd = pmdp.get(); // under the PMD's lock: every writer of this slot holds it
      if (!pmdTable(pmd)) {
        return false;
      }
      Lock ptl = pteLock(mm, pmd);
      try {
        pmdp.getAndClear();
      } finally {
        ptl.unlock();
      }
      table = pmdPfn(pmd);
    } finally {
      pml.unlock();
    }
    mm.tlb().flushRange(addr, addr + PMD_SIZE);
    mm.arena().free(table);
    return true;
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.isPmdMigrationEntry;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pmd.pmdWrite;
import static dev.readonce.walker.mm.PteRef.pteOffset;

import dev.readonce.annotations.ModifiesSlot;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Page migration as it shows in the page tables ({@code mm/migrate.c}, {@code mm/huge_memory.c}): a
 * mapped THP is replaced by a migration entry, not none and not present, until the migration
 * finishes; faults that meet the entry wait for that.
 */
public final class Migration {

  private Migration() {}

  /**
   * Models {@code set_pmd_migration_entry()}: under {@code pmd_lock()}, replaces the anonymous huge
   * PMD mapping {@code address} with a migration entry. Returns whether there was one to replace.
   */
  public static boolean setPmdMigrationEntry(VmArea vma, long address) {
    PmdRef pmdp = Rmap.mmFindPmd(vma.mm(), address);
    if (pmdp == null) {
      return false;
    }
    Lock ptl = pmdLock(vma.mm(), pmdp);
    try {
      // A compare-and-set from the value read: the hardware may set accessed/dirty meanwhile,
      // and the slot must never read as none while the page is still mapped.
      for (; ; ) {
        long pmd = pmdp.get();
        if (!pmdTransHuge(pmd)) {
          return false;
        }
        if (pmdp.compareAndSet(pmd, Swapops.makeMigrationEntry(pmdPfn(pmd), pmdWrite(pmd)))) {
          break;
        }
      }
    } finally {
      ptl.unlock();
    }
    long haddr = address & PMD_MASK;
    vma.mm().tlb().flushRange(haddr, haddr + PMD_SIZE);
    return true;
  }

  /**
   * Models {@code remove_migration_pmd()}: maps frame {@code newPfn} (the migrated THP) by a huge
   * PMD in place of the migration entry, and wakes the waiters. Returns whether there was a
   * migration entry.
   */
  public static boolean removeMigrationPmd(VmArea vma, long address, long newPfn) {
    MmStruct mm = vma.mm();
    PmdRef pmdp = Rmap.mmFindPmd(mm, address);
    if (pmdp == null) {
      return false;
    }
    Lock ptl = pmdLock(mm, pmdp);
    try {
      long pmd = pmdp.get();
      if (!isPmdMigrationEntry(pmd)) {
        return false;
      }
      long prot = Pgtable.PAGE_READONLY | (Swapops.isWritableMigrationEntry(pmd) ? Pgtable.RW : 0);
      pmdp.set(Pmd.pmdMkhuge(Pmd.pfnPmd(newPfn, prot)));
    } finally {
      ptl.unlock();
    }
    wakeWaiters(mm);
    return true;
  }

  /**
   * Models {@code remove_migration_ptes()} for the range {@code [start, end)} of one PMD: maps each
   * PTE migration entry (left by splitting a PMD migration entry) back to its frame, and wakes the
   * waiters. Returns how many PTEs it restored.
   */
  public static int removeMigrationPtes(VmArea vma, long start, long end) {
    MmStruct mm = vma.mm();
    if ((start & PMD_MASK) != ((end - 1) & PMD_MASK)) {
      throw new IllegalArgumentException("one PMD's range at a time");
    }
    PmdRef pmdp = Rmap.mmFindPmd(mm, start);
    if (pmdp == null) {
      return 0;
    }
    int restored = 0;
    long pmd = pmdp.get();
    if (!pmdTable(pmd)) {
      return 0;
    }
    Lock ptl = pteLock(mm, pmd);
    try {
      if (!pmdSame(pmdp, pmd)) {
        return 0;
      }
      PteRef ptep = pteOffset(mm, pmd, start);
      for (long addr = start; addr < end; addr += PAGE_SIZE) {
        restored += restorePte(ptep) ? 1 : 0;
        if (addr + PAGE_SIZE < end) {
          ptep = ptep.next();
        }
      }
    } finally {
      ptl.unlock();
    }
    wakeWaiters(mm);
    return restored;
  }

  @ModifiesSlot(value = "ptep", requiresLock = true)
  private static boolean restorePte(PteRef ptep) {
    long pte = ptep.get();
    if (!Swapops.isMigrationEntry(pte)) {
      return false;
    }
    long prot = Pgtable.PAGE_READONLY | (Swapops.isWritableMigrationEntry(pte) ? Pgtable.RW : 0);
    ptep.set(Pte.pfnPte(Swapops.migrationEntryPfn(pte), prot));
    return true;
  }

  /**
   * Models {@code migration_entry_wait()} and {@code pmd_migration_entry_wait()}: sleeps until
   * {@code slot} no longer holds {@code entry}. Called without page-table locks (the remover needs
   * them); returns early if the thread is interrupted, with its interrupt status set.
   */
  public static void migrationEntryWait(MmStruct mm, EntryRef slot, long entry) {
    ReentrantLock lock = mm.migrationLock();
    lock.lock();
    try {
      while (slot.get() == entry) {
        mm.migrationDone().await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private static void wakeWaiters(MmStruct mm) {
    ReentrantLock lock = mm.migrationLock();
    lock.lock();
    try {
      mm.migrationDone().signalAll();
    } finally {
      lock.unlock();
    }
  }
}

package dev.readonce.walker.mm;

import dev.readonce.annotations.ModifiesSlot;

import static dev.readonce.walker.mm.Pgtable.ACCESSED;
import static dev.readonce.walker.mm.Pgtable.DIRTY;
import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.RW;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudTable;

/**
 * The CPU's memory-management unit: it walks the page tables for an access without any lock and
 * sets the accessed and dirty bits of the leaf it reaches with an atomic update.
 *
 * <p>That update is the one change to a slot made without the slot's lock, which is why software
 * that rewrites a present entry under the lock must do so atomically ({@link EntryRef#getAndClear},
 * compare-and-set) or lose a dirty bit. A table the MMU may be walking is freed only after a TLB
 * flush ({@link Tlb#flushRange}) has waited for the walk to end.
 */
public final class Mmu {

  /** Bound on fault-and-retry rounds of {@link #userAccess}; reached only by a livelock. */
  private static final int MAX_FAULT_ROUNDS = 1000;

  private Mmu() {}

  /**
   * The hardware's accessed/dirty update of leaf {@code entry}: a compare-and-set loop, no lock.
   * Returns false, as the CPU would fault, if the entry is not present or, for a write, not
   * writable.
   */
  @ModifiesSlot("leaf") // by compare-and-set: no lock, and the CAS re-reads the slot itself
  public static boolean setAccessedDirty(EntryRef leaf, boolean write) {
    for (; ; ) {
      long e = leaf.get();
      if ((e & PRESENT) == 0 || (write && (e & RW) == 0)) {
        return false;
      }
      long updated = e | ACCESSED | (write ? DIRTY : 0);
      if (updated == e || leaf.compareAndSet(e, updated)) {
        return true;
      }
    }
  }

  /**
   * A hardware page walk for an access to {@code addr}: reads each level once, follows tables, and
   * sets accessed/dirty on the huge or 4 KiB leaf. Returns false where the CPU would raise a page
   * fault.
   *
   * <p>The walk descends from the PMD into the PTE table without the PTE lock, as only hardware
   * may: the table cannot be freed under it because retraction flushes the TLB, which waits for
   * this walk, before freeing.
   */
  @SuppressWarnings("DescentWithoutPointerCheck") // the MMU is protected by TLB shootdown
  public static boolean access(MmStruct mm, long addr, boolean write) {
    mm.tlb().beginHardwareWalk();
    try {
      PudRef pudp = Rmap.mmFindPud(mm, addr);
      if (pudp == null) {
        return false;
      }
      long pud = pudp.get();
      if (pudLeaf(pud)) {
        return setAccessedDirty(pudp, write);
      }
      if (!pudTable(pud)) {
        return false;
      }
      PmdRef pmdp = pmdOffset(mm, pud, addr);
      long pmd = pmdp.get();
      if (pmdLeaf(pmd)) {
        return setAccessedDirty(pmdp, write);
      }
      if (!pmdTable(pmd)) {
        return false;
      }
      return setAccessedDirty(pteOffset(mm, pmd, addr), write);
    } finally {
      mm.tlb().endHardwareWalk();
    }
  }

  /**
   * A user-space access to {@code addr}: the hardware walk, and on a page fault {@code
   * handle_mm_fault()} under the mm lock for read, then the access again. Returns false if the
   * fault cannot be resolved (no VMA, no permission).
   */
  public static boolean userAccess(MmStruct mm, long addr, boolean write) {
    for (int round = 0; round < MAX_FAULT_ROUNDS; round++) {
      if (access(mm, addr, write)) {
        return true;
      }
      mm.mmapReadLock();
      try {
        VmArea vma = mm.findVma(addr);
        if (vma == null || !vma.contains(addr)) {
          return false;
        }
        int ret = Fault.handleMmFault(vma, addr, write ? Fault.FAULT_FLAG_WRITE : 0);
        if ((ret & Fault.VM_FAULT_ERROR) != 0) {
          return false;
        }
      } finally {
        mm.mmapReadUnlock();
      }
    }
    throw new IllegalStateException("access to " + Long.toHexString(addr) + " keeps faulting");
  }
}

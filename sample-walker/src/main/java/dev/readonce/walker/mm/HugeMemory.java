package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.HPAGE_PMD_NR;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_MASK;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pmdTransHugeLock;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.PgtableLocks.pudLock;
import static dev.readonce.walker.mm.PgtableLocks.pudTransHugeLock;
import static dev.readonce.walker.mm.Pmd.isPmdMigrationEntry;
import static dev.readonce.walker.mm.Pmd.mkPmdTable;
import static dev.readonce.walker.mm.Pmd.pfnPmd;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdMkdevmap;
import static dev.readonce.walker.mm.Pmd.pmdMkdirty;
import static dev.readonce.walker.mm.Pmd.pmdMkhuge;
import static dev.readonce.walker.mm.Pmd.pmdMkspecial;
import static dev.readonce.walker.mm.Pmd.pmdMkwrite;
import static dev.readonce.walker.mm.Pmd.pmdMkyoung;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pfnPud;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudMkdevmap;
import static dev.readonce.walker.mm.Pud.pudMkdirty;
import static dev.readonce.walker.mm.Pud.pudMkhuge;
import static dev.readonce.walker.mm.Pud.pudMkspecial;
import static dev.readonce.walker.mm.Pud.pudMkwrite;
import static dev.readonce.walker.mm.Pud.pudMkyoung;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPfn;
import static dev.readonce.walker.mm.Pud.pudTransHuge;

import dev.readonce.annotations.ModifiesSlot;
import java.util.concurrent.locks.Lock;

/**
 * Huge PUD and PMD entries: the dev_dax (and huge VM_PFNMAP) fault that installs them, their split
 * and their zap ({@code mm/huge_memory.c}). Every method takes the slot's lock and decides on a
 * read made under it.
 */
public final class HugeMemory {

  private HugeMemory() {}

  /**
   * Models {@code vmf_insert_pfn_pud()}: the dev_dax huge fault ({@code dev_dax_huge_fault()} with
   * a 1 GiB alignment) takes {@code pud_lock()} and installs frame {@code pfn} as a 1 GiB leaf
   * through {@link #insertPfnPud}. Returns whether it installed a new entry.
   */
  @ModifiesSlot("pudp")
  public static boolean vmfInsertPfnPud(
      VmArea vma, PudRef pudp, long addr, long pfn, boolean write) {
    if ((addr & ~PUD_MASK) != 0 || pfn % Layout.HPAGE_PUD_NR != 0) {
      throw new IllegalArgumentException("a huge PUD maps an aligned 1 GiB range");
    }
    Lock ptl = pudLock(vma.mm(), pudp);
    try {
      return insertPfnPud(vma, pudp, pfn, write);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models {@code insert_pfn_pud()}, called with the PUD's lock held: installs the leaf only into a
   * none slot; if the slot already maps the same frame, a write fault only marks it young, dirty
   * and (if the VMA allows) writable. Returns whether it installed a new entry.
   */
  @ModifiesSlot(value = "pudp", requiresLock = true)
  static boolean insertPfnPud(VmArea vma, PudRef pudp, long pfn, boolean write) {
    long pud = pudp.get();
    if (!pudNone(pud)) {
      if (write && pudLeaf(pud) && pudPfn(pud) == pfn) {
        long entry = pudMkdirty(pudMkyoung(pud));
        pudp.set(vma.has(VmArea.VM_WRITE) ? pudMkwrite(entry) : entry);
      }
      return false;
    }
    long entry = pudMkhuge(pfnPud(pfn, vmPageProt(vma)));
    entry = vma.has(VmArea.VM_DEVDAX) ? pudMkdevmap(entry) : pudMkspecial(entry);
    if (write) {
      entry = pudMkdirty(pudMkyoung(entry));
      entry = vma.has(VmArea.VM_WRITE) ? pudMkwrite(entry) : entry; // maybe_pud_mkwrite()
    }
    pudp.set(entry);
    return true;
  }

  /**
   * Models {@code vmf_insert_pfn_pmd()}: takes {@code pmd_lock()} and installs frame {@code pfn} as
   * a 2 MiB leaf through {@link #insertPfnPmd}. Returns whether it installed a new entry.
   */
  @ModifiesSlot("pmdp")
  public static boolean vmfInsertPfnPmd(
      VmArea vma, PmdRef pmdp, long addr, long pfn, boolean write) {
    if ((addr & ~PMD_MASK) != 0 || pfn % HPAGE_PMD_NR != 0) {
      throw new IllegalArgumentException("a huge PMD maps an aligned 2 MiB range");
    }
    Lock ptl = pmdLock(vma.mm(), pmdp);
    try {
      return insertPfnPmd(vma, pmdp, pfn, write);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models {@code insert_pfn_pmd()}, called with the PMD's lock held: installs the leaf only into a
   * none slot (not over a PTE table a 4 KiB fault linked in meanwhile).
   */
  @ModifiesSlot(value = "pmdp", requiresLock = true)
  static boolean insertPfnPmd(VmArea vma, PmdRef pmdp, long pfn, boolean write) {
    long pmd = pmdp.get();
    if (!pmdNone(pmd)) {
      if (write && pmdLeaf(pmd) && pmdPfn(pmd) == pfn) {
        long entry = pmdMkdirty(pmdMkyoung(pmd));
        pmdp.set(vma.has(VmArea.VM_WRITE) ? pmdMkwrite(entry) : entry);
      }
      return false;
    }
    long entry = pmdMkhuge(pfnPmd(pfn, vmPageProt(vma)));
    entry = vma.has(VmArea.VM_DEVDAX) ? pmdMkdevmap(entry) : pmdMkspecial(entry);
    if (write) {
      entry = pmdMkdirty(pmdMkyoung(entry));
      entry = vma.has(VmArea.VM_WRITE) ? pmdMkwrite(entry) : entry; // maybe_pmd_mkwrite()
    }
    pmdp.set(entry);
    return true;
  }

  /**
   * Models {@code do_huge_pmd_anonymous_page()}: allocates a 2 MiB page and maps it by a huge PMD
   * if the slot is still none under {@code pmd_lock()}. Returns whether it mapped it; a loser's
   * page is dropped (huge blocks are not recycled by the model's allocator).
   */
  @ModifiesSlot("pmdp")
  public static boolean doHugePmdAnonymousPage(VmArea vma, PmdRef pmdp, long addr, boolean write) {
    long pfn = vma.mm().arena().allocHugePage(HPAGE_PMD_NR);
    long entry = pmdMkhuge(pfnPmd(pfn, Pgtable.PAGE_READONLY));
    if (write) {
      entry = pmdMkdirty(pmdMkwrite(entry));
    }
    Lock ptl = pmdLock(vma.mm(), pmdp);
    try {
      if (!pmdNone(pmdp.get())) {
        return false;
      }
      pmdp.set(entry);
      return true;
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models {@code split_huge_pud()} and {@code __split_huge_pud()}: under {@code pud_lock()},
   * re-checks that the slot still holds a huge entry and splits it. Huge PUDs are dev_dax or
   * VM_PFNMAP mappings, which {@code __split_huge_pud_locked()} splits by zapping them ({@code
   * pudp_huge_clear_flush()}): the slot becomes none and the range faults back in smaller pages.
   */
  @ModifiesSlot("pudp")
  public static void splitHugePud(VmArea vma, PudRef pudp, long address) {
    Lock ptl = pudLock(vma.mm(), pudp);
    try {
      long pud = pudp.get();
      if (!pudTransHuge(pud) && !pudDevmap(pud)) {
        return;
      }
      pudp.getAndClear();
      long haddr = address & PUD_MASK;
      vma.mm().tlb().flushRange(haddr, haddr + PUD_SIZE);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models {@code split_huge_pmd()} and {@code __split_huge_pmd_locked()}: under {@code
   * pmd_lock()}, re-checks that the slot still holds a huge or migration entry and splits it. A
   * device or file huge PMD is zapped to none; an anonymous THP, or a migration entry, is replaced
   * by a PTE table mapping the same 512 frames (or holding 512 migration entries).
   */
  @ModifiesSlot("pmdp")
  public static void splitHugePmd(VmArea vma, PmdRef pmdp, long address) {
    long haddr = address & PMD_MASK;
    Lock ptl = pmdLock(vma.mm(), pmdp);
    try {
      long pmd = pmdp.get();
      if (isPmdMigrationEntry(pmd)) {
        splitIntoPteTable(vma, pmdp, haddr, pmd);
      } else if (pmdTransHuge(pmd) || pmdDevmap(pmd)) {
        if (vma.isAnonymous()) {
          splitIntoPteTable(vma, pmdp, haddr, pmd);
        } else {
          pmdp.getAndClear();
          vma.mm().tlb().flushRange(haddr, haddr + PMD_SIZE);
        }
      }
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Fills a fresh PTE table from huge entry {@code pmd} and swaps it into the slot, with the PMD's
   * lock held. The swap is a compare-and-set from the value the PTEs were built from: the hardware
   * may set accessed/dirty on the huge entry meanwhile, and a dirty bit must not be lost (the
   * kernel's {@code pmdp_invalidate()}); the slot never reads as none in between, so a lock-free
   * walker never sees a hole where memory is mapped.
   */
  @ModifiesSlot(value = "pmdp", requiresLock = true)
  private static void splitIntoPteTable(VmArea vma, PmdRef pmdp, long haddr, long pmd) {
    MmStruct mm = vma.mm();
    long newPmd = mkPmdTable(mm.arena().allocTable());
    // The table is private until the swap; its lock is uncontended and keeps every PTE store
    // under the lock of the slot it writes.
    Lock ptl = pteLock(mm, newPmd);
    try {
      long from = pmd;
      for (; ; ) {
        PteRef ptep = pteOffset(mm, newPmd, haddr);
        for (int i = 0; i < HPAGE_PMD_NR; i++) {
          ptep.set(subPte(from, i));
          if (i + 1 < HPAGE_PMD_NR) {
            ptep = ptep.next();
          }
        }
        if (pmdp.compareAndSet(from, newPmd)) {
          return;
        }
        from = pmdp.get();
      }
    } finally {
      ptl.unlock();
    }
  }

  /** The PTE for page {@code i} of huge entry {@code pmd}: same bits, no PSE, frame + i. */
  private static long subPte(long pmd, int i) {
    if (isPmdMigrationEntry(pmd)) {
      return Swapops.makeMigrationEntry(
          Swapops.migrationEntryPfn(pmd) + i, Swapops.isWritableMigrationEntry(pmd));
    }
    return Pgtable.mkEntry(pmdPfn(pmd) + i, pmd & ~Pgtable.PSE);
  }

  /**
   * Models {@code zap_huge_pud()}: if the slot holds a huge entry under {@code
   * pud_trans_huge_lock()}, clears it. Returns whether it did.
   */
  @ModifiesSlot("pudp")
  public static boolean zapHugePud(VmArea vma, PudRef pudp, long addr) {
    Lock ptl = pudTransHugeLock(pudp, vma);
    if (ptl == null) {
      return false;
    }
    try {
      pudp.getAndClear();
    } finally {
      ptl.unlock();
    }
    vma.mm().tlb().flushRange(addr & PUD_MASK, (addr & PUD_MASK) + PUD_SIZE);
    return true;
  }

  /**
   * Models {@code zap_huge_pmd()}: if the slot holds a huge or migration entry under {@code
   * pmd_trans_huge_lock()}, clears it. Returns whether it did. An anonymous THP's frames are not
   * returned to the allocator (huge blocks are not recycled).
   */
  @ModifiesSlot("pmdp")
  public static boolean zapHugePmd(VmArea vma, PmdRef pmdp, long addr) {
    Lock ptl = pmdTransHugeLock(pmdp, vma);
    if (ptl == null) {
      return false;
    }
    try {
      pmdp.getAndClear();
    } finally {
      ptl.unlock();
    }
    vma.mm().tlb().flushRange(addr & PMD_MASK, (addr & PMD_MASK) + PMD_SIZE);
    return true;
  }

  /**
   * The protection a fault maps a page with, {@code vma->vm_page_prot}: writable for a writable
   * shared device mapping; read-only otherwise, so that the first write to a private or a
   * dirty-tracked shared file page faults ({@code vma_wants_writenotify()}).
   */
  static long vmPageProt(VmArea vma) {
    boolean writable = vma.has(VmArea.VM_WRITE | VmArea.VM_SHARED) && vma.isDevice();
    return writable ? Pgtable.PAGE_SHARED : Pgtable.PAGE_READONLY;
  }

  /** Whether a fault at {@code address} may map a page of {@code size} bytes here. */
  static boolean hugeFaultAllowed(VmArea vma, long address, long size) {
    long haddr = address & ~(size - 1);
    if (haddr < vma.start() || haddr + size > vma.end()) {
      return false;
    }
    if (vma.isDevice()) {
      return vma.align() >= size && vma.devicePfn(haddr) % (size / PAGE_SIZE) == 0;
    }
    return vma.isAnonymous() && size == PMD_SIZE && vma.has(VmArea.VM_HUGEPAGE);
  }
}

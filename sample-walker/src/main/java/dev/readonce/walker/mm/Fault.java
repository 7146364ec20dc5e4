package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_MASK;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableAlloc.__pteAlloc;
import static dev.readonce.walker.mm.PgtableAlloc.p4dAlloc;
import static dev.readonce.walker.mm.PgtableAlloc.pmdAlloc;
import static dev.readonce.walker.mm.PgtableAlloc.pudAlloc;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.isPmdMigrationEntry;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pmd.pmdWrite;
import static dev.readonce.walker.mm.Pte.pfnPte;
import static dev.readonce.walker.mm.Pte.pteMkdevmap;
import static dev.readonce.walker.mm.Pte.pteMkdirty;
import static dev.readonce.walker.mm.Pte.pteMkspecial;
import static dev.readonce.walker.mm.Pte.pteMkwrite;
import static dev.readonce.walker.mm.Pte.pteMkyoung;
import static dev.readonce.walker.mm.Pte.pteNone;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudWrite;

import dev.readonce.annotations.Snapshot;
import java.util.concurrent.locks.Lock;

/**
 * The page-fault path ({@code mm/memory.c}): {@code handle_mm_fault()} down to the PTE, allocating
 * tables on the way, with the huge-page faults of dev_dax, VM_PFNMAP and anonymous THP.
 *
 * <p>Runs with the mm lock held for read, concurrently with walkers and with other faults. Each
 * level reads its slot once and decides on that snapshot; stores happen under the slot's lock after
 * a re-check. Where the tables changed under the fault (a huge page appeared where a table was
 * expected, a PTE table was retracted) it returns 0 and the access is retried, as the kernel does.
 */
public final class Fault {

  /** The fault is a write access, {@code FAULT_FLAG_WRITE}. */
  public static final int FAULT_FLAG_WRITE = 0x1;

  public static final int VM_FAULT_OOM = 0x1;
  public static final int VM_FAULT_SIGBUS = 0x2;
  public static final int VM_FAULT_SIGSEGV = 0x40;
  public static final int VM_FAULT_NOPAGE = 0x100;
  public static final int VM_FAULT_FALLBACK = 0x800;
  public static final int VM_FAULT_ERROR = VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV;

  private Fault() {}

  /**
   * Models {@code handle_mm_fault()} with the architecture's access check: resolves a fault at
   * {@code address} in {@code vma}. Returns 0 or {@code VM_FAULT_*} bits.
   */
  public static int handleMmFault(VmArea vma, long address, int flags) {
    vma.mm().mmapAssertLocked();
    boolean write = (flags & FAULT_FLAG_WRITE) != 0;
    if (!vma.contains(address) || (write && !vma.has(VmArea.VM_WRITE))) {
      return VM_FAULT_SIGSEGV;
    }
    return __handleMmFault(vma, address, write);
  }

  /** Models {@code __handle_mm_fault()}: the huge-page levels, then {@link #handlePteFault}. */
  private static int __handleMmFault(VmArea vma, long address, boolean write) {
    MmStruct mm = vma.mm();
    P4dRef p4dp = p4dAlloc(mm, pgdOffset(mm, address), address);
    PudRef pudp = p4dp == null ? null : pudAlloc(mm, p4dp, address);
    if (pudp == null) {
      return 0;
    }
    long pud = pudp.get();
    if (pudNone(pud) && HugeMemory.hugeFaultAllowed(vma, address, PUD_SIZE)) {
      // create_huge_pud() -> dev_dax_huge_fault() -> vmf_insert_pfn_pud()
      long haddr = address & PUD_MASK;
      HugeMemory.vmfInsertPfnPud(vma, pudp, haddr, vma.devicePfn(haddr), write);
      return VM_FAULT_NOPAGE;
    }
    if (pudLeaf(pud)) {
      if (!write || pudWrite(pud)) {
        return 0; // mapped: the hardware sets accessed/dirty itself on the retry
      }
      // wp_huge_pud(): a device PUD is split and the write falls back to smaller pages.
      HugeMemory.splitHugePud(vma, pudp, address);
      pud = pudp.get();
    }
    PmdRef pmdp = pmdAlloc(mm, pud, pudp, address);
    if (pmdp == null) {
      return 0;
    }
    long pmd = pmdp.get();
    if (pmdNone(pmd) && HugeMemory.hugeFaultAllowed(vma, address, PMD_SIZE)) {
      long haddr = address & PMD_MASK;
      if (vma.isDevice()) {
        HugeMemory.vmfInsertPfnPmd(vma, pmdp, haddr, vma.devicePfn(haddr), write);
      } else {
        HugeMemory.doHugePmdAnonymousPage(vma, pmdp, haddr, write);
      }
      return VM_FAULT_NOPAGE;
    }
    if (isPmdMigrationEntry(pmd)) {
      Migration.migrationEntryWait(mm, pmdp, pmd);
      return 0;
    }
    if (pmdTransHuge(pmd) || pmdDevmap(pmd)) {
      if (!write || pmdWrite(pmd)) {
        return 0;
      }
      // wp_huge_pmd(): the model has no COW of huge pages; split and fall back to PTEs.
      HugeMemory.splitHugePmd(vma, pmdp, address);
      pmd = pmdp.get();
    }
    return handlePteFault(vma, pmd, pmdp, address, write);
  }

  /**
   * Models {@code handle_pte_fault()} given the snapshot {@code pmd}: allocates the PTE table if
   * the PMD is none, enters it as {@code pte_offset_map_lock()} does (table check, lock, re-check,
   * descend), and under the PTE lock maps the page ({@code do_anonymous_page()}, {@code
   * do_shared_fault()}, {@code vmf_insert_pfn()}), makes it writable ({@code do_wp_page()}), or
   * marks it accessed.
   */
  private static int handlePteFault(
      VmArea vma, @Snapshot("pmdp") long pmd, PmdRef pmdp, long address, boolean write) {
    MmStruct mm = vma.mm();
    if (pmdNone(pmd)) {
      __pteAlloc(mm, pmdp, address);
      pmd = pmdp.get();
    }
    if (!pmdTable(pmd)) {
      return 0;
    }
    long migrating;
    PteRef waitSlot;
    Lock ptl = pteLock(mm, pmd);
    try {
      if (!pmdSame(pmdp, pmd)) {
        return 0; // the table was retracted: retry
      }
      PteRef ptep = pteOffset(mm, pmd, address);
      long pte = ptep.get();
      if (pteNone(pte)) {
        ptep.set(newPte(vma, address, write));
        return 0;
      }
      if (ptePresent(pte)) {
        long entry = pteMkyoung(pte);
        if (write) {
          entry = pteMkdirty(pteMkwrite(entry)); // do_wp_page(): no COW in the model
        }
        // ptep_set_access_flags(): the hardware may have set accessed/dirty meanwhile.
        ptep.compareAndSet(pte, entry);
        return 0;
      }
      if (!Swapops.isMigrationEntry(pte)) {
        return VM_FAULT_SIGBUS;
      }
      migrating = pte;
      waitSlot = ptep;
    } finally {
      ptl.unlock();
    }
    Migration.migrationEntryWait(mm, waitSlot, migrating);
    return 0;
  }

  /** The PTE a fault on a none entry installs, by the kind of the VMA. */
  private static long newPte(VmArea vma, long address, boolean write) {
    long pte;
    if (vma.isDevice()) {
      pte = pfnPte(vma.devicePfn(address), HugeMemory.vmPageProt(vma));
      pte = vma.has(VmArea.VM_DEVDAX) ? pteMkdevmap(pte) : pteMkspecial(pte);
    } else if (vma.mapping() != null) {
      long pfn = vma.mapping().findOrCreatePage(vma.linearPageIndex(address));
      pte = pfnPte(pfn, Pgtable.PAGE_READONLY);
    } else {
      pte = pfnPte(vma.mm().arena().allocPage(), Pgtable.PAGE_READONLY);
    }
    return write ? pteMkdirty(pteMkwrite(pte)) : pte;
  }
}

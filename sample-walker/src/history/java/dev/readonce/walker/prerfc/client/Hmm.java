package dev.readonce.walker.prerfc.client;

import static dev.readonce.walker.mm.Errno.EBUSY;
import static dev.readonce.walker.mm.Errno.EFAULT;
import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PMD_SHIFT;
import static dev.readonce.walker.mm.Layout.PUD_MASK;
import static dev.readonce.walker.mm.Layout.PUD_SHIFT;
import static dev.readonce.walker.mm.PgtableLocks.pudTransHugeLock;
import static dev.readonce.walker.mm.Pmd.isPmdMigrationEntry;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pmd.pmdWrite;
import static dev.readonce.walker.mm.Pte.pteNone;
import static dev.readonce.walker.mm.Pte.ptePfn;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.Pte.pteSpecial;
import static dev.readonce.walker.mm.Pte.pteWrite;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPfn;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.Pud.pudWrite;
import static dev.readonce.walker.mm.SchedulePoint.HMM_WALK_PMD_BEFORE_HANDLE;
import static dev.readonce.walker.mm.SchedulePoint.HMM_WALK_PUD_BEFORE_LOCK;
import static dev.readonce.walker.prerfc.PgtableV510.pmdBad;
import static dev.readonce.walker.prerfc.client.HmmVmaWalk.hmmMigrationWait;
import static dev.readonce.walker.prerfc.client.HmmVmaWalk.hmmPfnsFill;
import static dev.readonce.walker.prerfc.client.HmmVmaWalk.hmmPteNeedFault;
import static dev.readonce.walker.prerfc.client.HmmVmaWalk.hmmRangeNeedFault;
import static dev.readonce.walker.prerfc.client.HmmVmaWalk.hmmVmaFault;

import dev.readonce.annotations.LockHeld;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.Swapops;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.prerfc.Action;
import dev.readonce.walker.prerfc.MmWalk;
import dev.readonce.walker.prerfc.MmWalkOps;
import dev.readonce.walker.prerfc.PageWalk;
import java.util.concurrent.locks.Lock;

/**
 * Heterogeneous memory management's range snapshot ({@code mm/hmm.c}) as v5.10 has it: each
 * callback gets the pointer to the entry and reads the entry itself. {@code hmm_vma_walk_pud()}
 * takes {@code pud_trans_huge_lock()} first and reads under it; {@code hmm_vma_walk_pmd()} reads
 * the PMD without a lock and, for a huge one, reads it once more with a plain {@code
 * pmd_read_atomic()} before using it.
 *
 * <p>The model's deviations are those of the fixed client: the walker reads the PTEs, under the PTE
 * lock, for {@link #hmmVmaWalkPte} ({@code hmm_vma_handle_pte()}), which is why {@link
 * #hmmVmaWalkPmd} sets {@link Action#CONTINUE} where the kernel's returns without a PTE walk;
 * faults and migration waits run after the walk returns {@code -EBUSY}; no MMU notifiers.
 */
public final class Hmm {

  /** Output: the page is mapped; the low bits hold its frame number. */
  public static final long HMM_PFN_VALID = 1L << 63;

  /** Output: the CPU may write the page. */
  public static final long HMM_PFN_WRITE = 1L << 62;

  /** Output: the page cannot be mirrored (VM_PFNMAP, VM_IO, a bad entry, outside VMAs). */
  public static final long HMM_PFN_ERROR = 1L << 61;

  /** Where the order of the CPU mapping sits in an output word. */
  public static final int HMM_PFN_ORDER_SHIFT = 53;

  /** Input: fault the page in if it is not mapped. */
  public static final long HMM_PFN_REQ_FAULT = HMM_PFN_VALID;

  /** Input: fault the page in writable. */
  public static final long HMM_PFN_REQ_WRITE = HMM_PFN_WRITE;

  private static final MmWalkOps<HmmVmaWalk> HMM_WALK_OPS =
      MmWalkOps.<HmmVmaWalk>builder()
          .pudEntry(Hmm::hmmVmaWalkPud)
          .pmdEntry(Hmm::hmmVmaWalkPmd)
          .pteEntry(Hmm::hmmVmaWalkPte)
          .pteHole(Hmm::hmmVmaWalkHole)
          .testWalk(Hmm::hmmVmaWalkTest)
          .build();

  private Hmm() {}

  /**
   * Models v5.10's {@code hmm_range_fault()}: fills {@code range}'s words for every page, walking
   * again from where the last round stopped until a walk completes without asking for a fault. The
   * caller holds the mm lock for read. Returns 0 or a negative errno.
   */
  public static int hmmRangeFault(MmStruct mm, HmmRange range) {
    mm.mmapAssertLocked();
    HmmVmaWalk hmmVmaWalk = new HmmVmaWalk(mm, range);
    int ret;
    do {
      ret = PageWalk.walkPageRange(mm, hmmVmaWalk.last, range.end, HMM_WALK_OPS, hmmVmaWalk);
      if (ret == -EBUSY) {
        ret = hmmVmaWalk.doPendingWork();
      }
    } while (ret == -EBUSY);
    return ret;
  }

  private static long hmmPfnFlagsOrder(int order) {
    return (long) order << HMM_PFN_ORDER_SHIFT;
  }

  /**
   * Models v5.10's {@code hmm_vma_walk_hole()}: outside a VMA an error, inside one a fault or 0.
   */
  static int hmmVmaWalkHole(long addr, long end, int depth, MmWalk<HmmVmaWalk> walk) {
    HmmRange range = walk.priv.range;
    int i = range.index(addr);
    int npages = (int) ((end - addr) >>> PAGE_SHIFT);
    int requiredFault = hmmRangeNeedFault(range, i, npages, 0);
    if (walk.vma() == null) {
      if (requiredFault != 0) {
        return -EFAULT;
      }
      return hmmPfnsFill(addr, end, range, HMM_PFN_ERROR);
    }
    if (requiredFault != 0) {
      return hmmVmaFault(addr, end, requiredFault, walk);
    }
    return hmmPfnsFill(addr, end, range, 0);
  }

  /**
   * Models v5.10's {@code hmm_vma_walk_test()}: VM_IO, VM_PFNMAP and unreadable VMAs are errors.
   */
  static int hmmVmaWalkTest(long start, long end, MmWalk<HmmVmaWalk> walk) {
    VmArea vma = walk.vma();
    if ((vma.flags() & (VmArea.VM_IO | VmArea.VM_PFNMAP)) == 0 && vma.has(VmArea.VM_READ)) {
      return 0;
    }
    HmmRange range = walk.priv.range;
    int npages = (int) ((end - start) >>> PAGE_SHIFT);
    if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
      return -EFAULT;
    }
    hmmPfnsFill(start, end, range, HMM_PFN_ERROR);
    return 1;
  }

  /**
   * Models v5.10's {@code hmm_vma_walk_pud(pud_t *pudp, ...)}: takes {@code pud_trans_huge_lock()}
   * (no lock, nothing to do, unless the PUD is huge under it) and decides on a read made under the
   * lock; a devmap huge PUD is reported page by page, anything else split.
   */
  static int hmmVmaWalkPud(PudRef pudp, long start, long end, MmWalk<HmmVmaWalk> walk) {
    walk.mm.schedule().at(HMM_WALK_PUD_BEFORE_LOCK, start);
    Lock ptl = pudTransHugeLock(pudp, walk.vma());
    if (ptl == null) {
      return 0;
    }
    HmmRange range = walk.priv.range;
    int i = range.index(start);
    int npages = (int) ((end - start) >>> PAGE_SHIFT);
    boolean hole = false;
    int requiredFault = 0;
    // Normally we don't want to split the huge page.
    walk.action = Action.CONTINUE;
    try {
      long pud = pudp.get(); // READ_ONCE(*pudp), under the lock
      if (pudNone(pud)) {
        hole = true;
      } else if (pudLeaf(pud) && pudDevmap(pud)) { // pud_huge(pud) && pud_devmap(pud)
        if (!pudPresent(pud)) {
          hole = true;
        } else {
          long cpuFlags = pudToHmmPfnFlags(pud);
          requiredFault = hmmRangeNeedFault(range, i, npages, cpuFlags);
          if (requiredFault == 0) {
            long pfn = pudPfn(pud) + ((start & ~PUD_MASK) >>> PAGE_SHIFT);
            for (int k = 0; k < npages; k++) {
              range.hmmPfns[i + k] = (pfn + k) | cpuFlags;
            }
          }
        }
      } else {
        walk.action = Action.SUBTREE; // ask for the PUD to be split
      }
    } finally {
      ptl.unlock();
    }
    if (hole) {
      return hmmVmaWalkHole(start, end, -1, walk);
    }
    if (requiredFault != 0) {
      return hmmVmaFault(start, end, requiredFault, walk);
    }
    return 0;
  }

  /** Models v5.10's {@code pud_to_hmm_pfn_flags()}. */
  private static long pudToHmmPfnFlags(long pud) {
    if (!pudPresent(pud)) {
      return 0;
    }
    long flags = pudWrite(pud) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
    return flags | hmmPfnFlagsOrder(PUD_SHIFT - PAGE_SHIFT);
  }

  /**
   * Models v5.10's {@code hmm_vma_walk_pmd(pmd_t *pmdp, ...)}: reads the PMD ({@code READ_ONCE})
   * and decides on it; a huge PMD is read a second time, with a plain {@code pmd_read_atomic()},
   * tested again and reported page by page without a lock. A PTE table is left to the walker.
   */
  static int hmmVmaWalkPmd(PmdRef pmdp, long start, long end, MmWalk<HmmVmaWalk> walk) {
    HmmRange range = walk.priv.range;
    int npages = (int) ((end - start) >>> PAGE_SHIFT);
    for (; ; ) { // again:
      long pmd = pmdp.get(); // READ_ONCE(*pmdp)
      // Every case but a PTE table ends here; the kernel's walker would not descend either.
      walk.action = Action.CONTINUE;
      if (pmdNone(pmd)) {
        return hmmVmaWalkHole(start, end, -1, walk);
      }
      if (isPmdMigrationEntry(pmd)) {
        if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
          return hmmMigrationWait(start, pmdp, pmd, walk);
        }
        return hmmPfnsFill(start, end, range, 0);
      }
      if (!pmdPresent(pmd)) {
        if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
          return -EFAULT;
        }
        return hmmPfnsFill(start, end, range, HMM_PFN_ERROR);
      }
      if (pmdDevmap(pmd) || pmdTransHuge(pmd)) {
        // "No need to take pmd_lock here ... just read pmd value and check again it's a
        // transparent huge or device mapping one and compute corresponding pfn values."
        walk.mm.schedule().at(HMM_WALK_PMD_BEFORE_HANDLE, start);
        // pmd_read_atomic(): a second read, plain on x86-64, in the pass the first one decided.
        pmd = pmdp.deref(); // expect: PlainSlotRead, UnlockedReread
        if (!pmdDevmap(pmd) && !pmdTransHuge(pmd)) {
          continue; // goto again
        }
        return hmmVmaHandlePmd(walk, start, end, pmd);
      }
      // Either a valid pmd pointing to a PTE table, or a bad pmd that will not recover.
      if (pmdBad(pmd)) {
        if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
          return -EFAULT;
        }
        return hmmPfnsFill(start, end, range, HMM_PFN_ERROR);
      }
      walk.action = Action.SUBTREE; // the walker maps the table and calls hmmVmaWalkPte
      return 0;
    }
  }

  /**
   * Models v5.10's {@code hmm_vma_handle_pmd()}: the pages of huge PMD {@code pmd} in the range.
   */
  private static int hmmVmaHandlePmd(MmWalk<HmmVmaWalk> walk, long addr, long end, long pmd) {
    HmmRange range = walk.priv.range;
    int i = range.index(addr);
    int npages = (int) ((end - addr) >>> PAGE_SHIFT);
    long cpuFlags = pmdToHmmPfnFlags(pmd);
    int requiredFault = hmmRangeNeedFault(range, i, npages, cpuFlags);
    if (requiredFault != 0) {
      return hmmVmaFault(addr, end, requiredFault, walk);
    }
    long pfn = pmdPfn(pmd) + ((addr & ~PMD_MASK) >>> PAGE_SHIFT);
    for (int k = 0; k < npages; k++) {
      range.hmmPfns[i + k] = (pfn + k) | cpuFlags;
    }
    return 0;
  }

  /** Models v5.10's {@code pmd_to_hmm_pfn_flags()}. */
  private static long pmdToHmmPfnFlags(long pmd) {
    long flags = pmdWrite(pmd) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
    return flags | hmmPfnFlagsOrder(PMD_SHIFT - PAGE_SHIFT);
  }

  /**
   * Models v5.10's {@code hmm_vma_handle_pte()} as a {@code pte_entry}: reads the PTE ({@code pte_t
   * pte = *ptep}) and reports it. The walker holds the PTE lock here.
   */
  static int hmmVmaWalkPte(@LockHeld PteRef ptep, long addr, long end, MmWalk<HmmVmaWalk> walk) {
    HmmRange range = walk.priv.range;
    int i = range.index(addr);
    long pfnReqFlags = range.hmmPfns[i];
    long pte = ptep.deref(); // under the PTE lock the walker holds (@LockHeld): stable
    if (pteNone(pte)) {
      int requiredFault = hmmPteNeedFault(range, pfnReqFlags, 0);
      if (requiredFault != 0) {
        return hmmVmaFault(addr, end, requiredFault, walk);
      }
      range.hmmPfns[i] = 0;
      return 0;
    }
    if (!ptePresent(pte)) {
      int requiredFault = hmmPteNeedFault(range, pfnReqFlags, 0);
      if (requiredFault == 0) {
        range.hmmPfns[i] = 0;
        return 0;
      }
      if (Swapops.isMigrationEntry(pte)) {
        return hmmMigrationWait(addr, ptep, pte, walk);
      }
      return -EFAULT;
    }
    long cpuFlags = pteWrite(pte) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
    int requiredFault = hmmPteNeedFault(range, pfnReqFlags, cpuFlags);
    if (requiredFault != 0) {
      return hmmVmaFault(addr, end, requiredFault, walk);
    }
    if (pteSpecial(pte)) {
      if (hmmPteNeedFault(range, pfnReqFlags, 0) != 0) {
        return -EFAULT;
      }
      range.hmmPfns[i] = HMM_PFN_ERROR;
      return 0;
    }
    range.hmmPfns[i] = ptePfn(pte) | cpuFlags;
    return 0;
  }
}

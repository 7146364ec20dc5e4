package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.fixed.client.HmmVmaWalk.hmmMigrationWait;
import static dev.readonce.walker.fixed.client.HmmVmaWalk.hmmPfnsFill;
import static dev.readonce.walker.fixed.client.HmmVmaWalk.hmmPteNeedFault;
import static dev.readonce.walker.fixed.client.HmmVmaWalk.hmmRangeNeedFault;
import static dev.readonce.walker.fixed.client.HmmVmaWalk.hmmVmaFault;
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
import static dev.readonce.walker.mm.Pud.pudPfn;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.Pud.pudWrite;
import static dev.readonce.walker.mm.SchedulePoint.HMM_WALK_PMD_BEFORE_HANDLE;
import static dev.readonce.walker.mm.SchedulePoint.HMM_WALK_PUD_BEFORE_LOCK;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.fixed.Action;
import dev.readonce.walker.fixed.MmWalk;
import dev.readonce.walker.fixed.MmWalkOps;
import dev.readonce.walker.fixed.PageWalk;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.Swapops;
import dev.readonce.walker.mm.VmArea;
import java.util.concurrent.locks.Lock;

/**
 * Heterogeneous memory management's range snapshot ({@code mm/hmm.c}): {@code hmm_range_fault()}
 * walks a range and reports, for every page, the frame the CPU maps there and whether it is
 * writable, so that a device can mirror the mapping; optionally it first faults pages in.
 *
 * <p>Differences from the kernel, each forced by the model: the PTE level is walked by the walker
 * under the PTE lock, calling {@link #hmmVmaWalkPte} ({@code hmm_vma_handle_pte()}), instead of
 * {@code hmm_vma_walk_pmd()} mapping the table under RCU; faults and migration waits run after the
 * walk returns {@code -EBUSY} rather than inside the callback, since a callback may hold the PTE
 * lock that the fault takes; there are no MMU notifiers, so no invalidation retry.
 */
public final class Hmm {

  /** Output: the page is mapped; the low bits hold its frame number. */
  public static final long HMM_PFN_VALID = 1L << 63;

  /** Output: the CPU may write the page. */
  public static final long HMM_PFN_WRITE = 1L << 62;

  /**
   * Output: the page cannot be mirrored (VM_PFNMAP, VM_IO, an unreadable VMA, a hole outside VMAs).
   */
  public static final long HMM_PFN_ERROR = 1L << 61;

  /** Where the order of the CPU mapping (0, 9 for 2 MiB, 18 for 1 GiB) sits in an output word. */
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
   * Models {@code hmm_range_fault()}: fills {@code range}'s words for every page, walking from
   * where the last round stopped until a walk completes without asking for a fault. The caller
   * holds the mm lock for read. Returns 0 or a negative errno.
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
      // On -EBUSY the next round starts at `last`: words below it hold output, words from it on
      // still hold their input.
    } while (ret == -EBUSY);
    return ret;
  }

  /** The order bits of an output word, {@code hmm_pfn_flags_order()}. */
  private static long hmmPfnFlagsOrder(int order) {
    return (long) order << HMM_PFN_ORDER_SHIFT;
  }

  /**
   * Models {@code hmm_vma_walk_hole()}: nothing mapped in {@code [addr, end)}: outside a VMA an
   * error, inside one a fault if requested, else 0 words.
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
   * Models {@code hmm_vma_walk_test()}: VMAs without {@code struct page}s (VM_IO, VM_PFNMAP) or
   * without read permission are reported as errors and skipped, or fail if a fault was requested.
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
   * Models mainline {@code hmm_vma_walk_pud()}: a huge devmap PUD is reported page by page under
   * {@code pud_trans_huge_lock()}. The walker's snapshot decides whether there is anything to do
   * here (a table is left to the walker); once the lock is taken, the snapshot's facts are stale,
   * so the PUD is read again under the lock and tested again before it is used.
   */
  static int hmmVmaWalkPud(
      @Snapshot("pudp") long pud, PudRef pudp, long start, long end, MmWalk<HmmVmaWalk> walk) {
    if (!pudLeaf(pud)) {
      return 0; // a PMD table: the walker descends into it
    }
    walk.mm.schedule().at(HMM_WALK_PUD_BEFORE_LOCK, start);
    Lock ptl = pudTransHugeLock(pudp, walk.vma());
    if (ptl == null) {
      return 0; // no longer huge: the walker re-reads the PUD after its split and decides again
    }
    HmmRange range = walk.priv.range;
    int i = range.index(start);
    int npages = (int) ((end - start) >>> PAGE_SHIFT);
    boolean hole = false;
    int requiredFault = 0;
    // Normally the huge page is not to be split.
    walk.action = Action.CONTINUE;
    try {
      long locked = pudp.get();
      if (!pudPresent(locked)) {
        hole = true;
      } else if (pudLeaf(locked) && pudDevmap(locked)) {
        long cpuFlags = pudToHmmPfnFlags(locked);
        requiredFault = hmmRangeNeedFault(range, i, npages, cpuFlags);
        if (requiredFault == 0) {
          long pfn = pudPfn(locked) + ((start & ~PUD_MASK) >>> PAGE_SHIFT);
          for (int k = 0; k < npages; k++) {
            range.hmmPfns[i + k] = (pfn + k) | cpuFlags;
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

  /** Models {@code pud_to_hmm_pfn_flags()}. */
  private static long pudToHmmPfnFlags(long pud) {
    if (!pudPresent(pud)) {
      return 0;
    }
    long flags = pudWrite(pud) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
    return flags | hmmPfnFlagsOrder(PUD_SHIFT - PAGE_SHIFT);
  }

  /**
   * Models {@code hmm_vma_walk_pmd()} on the walker's snapshot: a migration entry is reported as
   * unmapped (or waited for), another non-present entry as an error, a huge PMD page by page
   * without a lock (an invalidation would reach the device through its MMU notifier). A table is
   * left to the walker, which calls {@link #hmmVmaWalkPte} for its PTEs. The kernel reads the PMD
   * itself, and a huge one twice; here the walker's one read decides.
   */
  static int hmmVmaWalkPmd(
      @Snapshot("pmdp") long pmd, PmdRef pmdp, long start, long end, MmWalk<HmmVmaWalk> walk) {
    HmmRange range = walk.priv.range;
    int npages = (int) ((end - start) >>> PAGE_SHIFT);
    if (isPmdMigrationEntry(pmd)) {
      walk.action = Action.CONTINUE;
      if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
        return hmmMigrationWait(start, pmdp, pmd, walk);
      }
      return hmmPfnsFill(start, end, range, 0);
    }
    if (!pmdPresent(pmd)) {
      walk.action = Action.CONTINUE;
      if (hmmRangeNeedFault(range, range.index(start), npages, 0) != 0) {
        return -EFAULT;
      }
      return hmmPfnsFill(start, end, range, HMM_PFN_ERROR);
    }
    if (pmdTransHuge(pmd) || pmdDevmap(pmd)) {
      walk.mm.schedule().at(HMM_WALK_PMD_BEFORE_HANDLE, start);
      walk.action = Action.CONTINUE;
      return hmmVmaHandlePmd(walk, start, end, pmd);
    }
    return 0;
  }

  /**
   * Models {@code hmm_vma_handle_pmd()}: the pages of huge PMD {@code pmd} in {@code [addr, end)}.
   */
  private static int hmmVmaHandlePmd(
      MmWalk<HmmVmaWalk> walk, long addr, long end, @Snapshot long pmd) {
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

  /** Models {@code pmd_to_hmm_pfn_flags()}. */
  private static long pmdToHmmPfnFlags(long pmd) {
    long flags = pmdWrite(pmd) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
    return flags | hmmPfnFlagsOrder(PMD_SHIFT - PAGE_SHIFT);
  }

  /**
   * Models {@code hmm_vma_handle_pte()} as a {@code pte_entry}: one PTE, read by the walker under
   * the PTE lock.
   */
  static int hmmVmaWalkPte(
      @Snapshot(value = "ptep", lockHeld = true) long pte,
      PteRef ptep,
      long addr,
      long end,
      MmWalk<HmmVmaWalk> walk) {
    HmmRange range = walk.priv.range;
    int i = range.index(addr);
    long pfnReqFlags = range.hmmPfns[i];
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
    long cpuFlags = pteToHmmPfnFlags(pte);
    int requiredFault = hmmPteNeedFault(range, pfnReqFlags, cpuFlags);
    if (requiredFault != 0) {
      return hmmVmaFault(addr, end, requiredFault, walk);
    }
    // A special mapping has no struct page to mirror (vm_normal_page() is NULL).
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

  /** Models {@code pte_to_hmm_pfn_flags()}. */
  private static long pteToHmmPfnFlags(long pte) {
    if (pteNone(pte) || !ptePresent(pte)) {
      return 0;
    }
    return pteWrite(pte) ? HMM_PFN_VALID | HMM_PFN_WRITE : HMM_PFN_VALID;
  }
}

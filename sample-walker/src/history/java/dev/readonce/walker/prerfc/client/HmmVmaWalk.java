package dev.readonce.walker.prerfc.client;

import static dev.readonce.walker.mm.Errno.EBUSY;
import static dev.readonce.walker.mm.Errno.EFAULT;
import static dev.readonce.walker.mm.Errno.EPERM;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.prerfc.client.Hmm.HMM_PFN_REQ_FAULT;
import static dev.readonce.walker.prerfc.client.Hmm.HMM_PFN_REQ_WRITE;
import static dev.readonce.walker.prerfc.client.Hmm.HMM_PFN_VALID;
import static dev.readonce.walker.prerfc.client.Hmm.HMM_PFN_WRITE;

import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.Fault;
import dev.readonce.walker.mm.Migration;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.prerfc.MmWalk;

/**
 * The private state of an HMM walk, {@code struct hmm_vma_walk} ({@code mm/hmm.c}), and the
 * decisions about faulting that the callbacks share: which pages need a fault, and the fault or
 * migration wait a callback asks for before it returns {@code -EBUSY}, which {@link
 * Hmm#hmmRangeFault} carries out once the walk has returned and then walks again from {@link
 * #last}.
 */
final class HmmVmaWalk {

  static final int HMM_NEED_FAULT = 1 << 0;
  static final int HMM_NEED_WRITE_FAULT = 1 << 1;
  static final int HMM_NEED_ALL_BITS = HMM_NEED_FAULT | HMM_NEED_WRITE_FAULT;

  final MmStruct mm;
  final HmmRange range;

  /** Where the next round starts: output is complete below it. */
  long last;

  private VmArea faultVma;
  private long faultStart;
  private long faultEnd;
  private int requiredFault;
  private EntryRef migrationSlot;
  private long migrationEntry;

  HmmVmaWalk(MmStruct mm, HmmRange range) {
    this.mm = mm;
    this.range = range;
    this.last = range.start;
  }

  /**
   * Runs what a callback asked for before the walk returned -EBUSY: the faults of {@code
   * hmm_vma_fault()} or a migration wait. Returns -EBUSY to walk again, or a negative errno.
   */
  int doPendingWork() {
    if (migrationSlot != null) {
      EntryRef slot = migrationSlot;
      migrationSlot = null;
      Migration.migrationEntryWait(mm, slot, migrationEntry);
      return -EBUSY;
    }
    VmArea vma = faultVma;
    if (vma == null) {
      throw new IllegalStateException("-EBUSY with nothing to do");
    }
    faultVma = null;
    int flags = (requiredFault & HMM_NEED_WRITE_FAULT) != 0 ? Fault.FAULT_FLAG_WRITE : 0;
    for (long addr = faultStart; addr < faultEnd; addr += PAGE_SIZE) {
      if ((Fault.handleMmFault(vma, addr, flags) & Fault.VM_FAULT_ERROR) != 0) {
        return -EFAULT;
      }
    }
    return -EBUSY;
  }

  /**
   * Models v5.10's {@code hmm_vma_fault()}: asks for {@code [addr, end)} to be faulted in and the
   * walk to restart at {@code addr}; fails at once if a write is needed and the VMA is not
   * writable.
   */
  static int hmmVmaFault(long addr, long end, int requiredFault, MmWalk<HmmVmaWalk> walk) {
    HmmVmaWalk hmmVmaWalk = walk.priv;
    VmArea vma = walk.vma();
    hmmVmaWalk.last = addr;
    if ((requiredFault & HMM_NEED_WRITE_FAULT) != 0 && !vma.has(VmArea.VM_WRITE)) {
      return -EPERM;
    }
    hmmVmaWalk.faultVma = vma;
    hmmVmaWalk.faultStart = addr;
    hmmVmaWalk.faultEnd = end;
    hmmVmaWalk.requiredFault = requiredFault;
    return -EBUSY;
  }

  /**
   * Asks for a wait until {@code slot} no longer holds migration entry {@code entry} ({@code
   * migration_entry_wait()}, {@code pmd_migration_entry_wait()}), then a walk from {@code addr}.
   */
  static int hmmMigrationWait(long addr, EntryRef slot, long entry, MmWalk<HmmVmaWalk> walk) {
    HmmVmaWalk hmmVmaWalk = walk.priv;
    hmmVmaWalk.last = addr;
    hmmVmaWalk.migrationSlot = slot;
    hmmVmaWalk.migrationEntry = entry;
    return -EBUSY;
  }

  /**
   * Models v5.10's {@code hmm_pte_need_fault()}: what fault one page needs, given its CPU flags.
   */
  static int hmmPteNeedFault(HmmRange range, long pfnReqFlags, long cpuFlags) {
    // The request is the page's own flags, as far as the mask lets them through, plus the
    // range's defaults.
    long req = (pfnReqFlags & range.pfnFlagsMask) | range.defaultFlags;
    if ((req & HMM_PFN_REQ_FAULT) == 0) {
      return 0;
    }
    if ((req & HMM_PFN_REQ_WRITE) != 0 && (cpuFlags & HMM_PFN_WRITE) == 0) {
      return HMM_NEED_FAULT | HMM_NEED_WRITE_FAULT;
    }
    if ((cpuFlags & HMM_PFN_VALID) == 0) {
      return HMM_NEED_FAULT;
    }
    return 0;
  }

  /**
   * Models v5.10's {@code hmm_range_need_fault()}: what the pages {@code [i, i + npages)} need
   * together.
   */
  static int hmmRangeNeedFault(HmmRange range, int i, int npages, long cpuFlags) {
    if (((range.defaultFlags | range.pfnFlagsMask) & HMM_PFN_REQ_FAULT) == 0) {
      return 0;
    }
    int required = 0;
    for (int k = 0; k < npages && required != HMM_NEED_ALL_BITS; k++) {
      required |= hmmPteNeedFault(range, range.hmmPfns[i + k], cpuFlags);
    }
    return required;
  }

  /**
   * Models v5.10's {@code hmm_pfns_fill()}: sets every word of {@code [addr, end)} to {@code
   * cpuFlags}.
   */
  static int hmmPfnsFill(long addr, long end, HmmRange range, long cpuFlags) {
    for (int i = range.index(addr); addr < end; addr += PAGE_SIZE, i++) {
      range.hmmPfns[i] = cpuFlags;
    }
    return 0;
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.Layout.pmdAddrEnd;
import static dev.readonce.walker.mm.Layout.pudAddrEnd;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.isSwapPmd;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.Pte.ptePfn;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudTable;
import static dev.readonce.walker.mm.Pud.pudTransHuge;

import dev.readonce.annotations.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Unmapping pages ({@code mm/memory.c}): {@code zap_page_range_single()}, as {@code MADV_DONTNEED}
 * uses it with the mm lock held only for read, concurrently with walkers.
 *
 * <p>Mappings are cleared; page tables stay (freeing them is {@code free_pgtables()}'s job, under
 * the mm lock for write, which the model does not do). Anonymous 4 KiB pages go back to the
 * allocator after the TLB flush; file and device frames are not the mapping's to free.
 */
public final class Zap {

  private Zap() {}

  /**
   * Models {@code zap_page_range_single()}: clears every mapping of {@code [start, end)} in {@code
   * vma}. Huge entries wholly inside the range are zapped whole; those only partly inside are split
   * first.
   */
  public static void zapPageRange(VmArea vma, long start, long end) {
    MmStruct mm = vma.mm();
    mm.mmapAssertLocked();
    List<Long> freed = new ArrayList<>();
    for (long addr = start; addr < end; ) {
      long next = pudAddrEnd(addr, end);
      PudRef pudp = Rmap.mmFindPud(mm, addr);
      if (pudp != null) {
        zapPudRange(vma, pudp, addr, next, freed);
      }
      addr = next;
    }
    mm.tlb().flushRange(start, end);
    for (long pfn : freed) {
      mm.arena().free(pfn);
    }
  }

  /** Models {@code zap_pud_range()} for one PUD slot. */
  private static void zapPudRange(VmArea vma, PudRef pudp, long addr, long next, List<Long> freed) {
    long pud = pudp.get();
    if (pudTransHuge(pud) || pudDevmap(pud)) {
      if (next - addr != PUD_SIZE) {
        HugeMemory.splitHugePud(vma, pudp, addr);
      } else if (HugeMemory.zapHugePud(vma, pudp, addr)) {
        return;
      }
      pud = pudp.get();
    }
    if (!pudTable(pud)) {
      return;
    }
    PmdRef pmdp = pmdOffset(vma.mm(), pud, addr);
    for (; ; pmdp = pmdp.next()) {
      long pmdNext = pmdAddrEnd(addr, next);
      zapPmdRange(vma, pmdp, addr, pmdNext, freed);
      addr = pmdNext;
      if (addr == next) {
        return;
      }
    }
  }

  /** Models {@code zap_pmd_range()} for one PMD slot. */
  private static void zapPmdRange(VmArea vma, PmdRef pmdp, long addr, long next, List<Long> freed) {
    long pmd = pmdp.get();
    if (isSwapPmd(pmd) || pmdTransHuge(pmd) || pmdDevmap(pmd)) {
      if (next - addr != PMD_SIZE) {
        HugeMemory.splitHugePmd(vma, pmdp, addr);
      } else if (HugeMemory.zapHugePmd(vma, pmdp, addr)) {
        return;
      }
      pmd = pmdp.get();
    }
    if (pmdTable(pmd)) {
      zapPteRange(vma, pmd, pmdp, addr, next, freed);
    }
  }

  /**
   * Models {@code zap_pte_range()}: under the PTE table's lock, after re-checking the PMD, clears
   * the PTEs of {@code [addr, end)} and collects the anonymous pages to free.
   */
  private static void zapPteRange(
      VmArea vma, @Snapshot("pmdp") long pmd, PmdRef pmdp, long addr, long end, List<Long> freed) {
    if (!pmdTable(pmd)) {
      return; // the caller tested it; the value is tested again, not the slot
    }
    MmStruct mm = vma.mm();
    Lock ptl = pteLock(mm, pmd);
    try {
      if (!pmdSame(pmdp, pmd)) {
        return; // retracted meanwhile: nothing left mapped here
      }
      PteRef ptep = pteOffset(mm, pmd, addr);
      for (; ; ptep = ptep.next()) {
        long old = ptep.getAndClear();
        if (ptePresent(old) && vma.isAnonymous()) {
          freed.add(ptePfn(old));
        }
        addr += PAGE_SIZE;
        if (addr == end) {
          return;
        }
      }
    } finally {
      ptl.unlock();
    }
  }
}

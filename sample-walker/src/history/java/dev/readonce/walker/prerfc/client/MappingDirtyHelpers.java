package dev.readonce.walker.prerfc.client;

import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pte.pteDirty;
import static dev.readonce.walker.mm.Pte.pteMkclean;
import static dev.readonce.walker.mm.Pte.pteWrite;
import static dev.readonce.walker.mm.Pte.pteWrprotect;
import static dev.readonce.walker.mm.Pte.ptepModifyProtCommit;
import static dev.readonce.walker.mm.Pte.ptepModifyProtStart;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudTransHuge;
import static dev.readonce.walker.prerfc.PgtableV510.pmdTransUnstableCopy;
import static dev.readonce.walker.prerfc.PgtableV510.pudTransUnstableCopy;

import dev.readonce.annotations.LockHeld;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.prerfc.Action;
import dev.readonce.walker.prerfc.MmWalk;
import dev.readonce.walker.prerfc.MmWalkOps;
import dev.readonce.walker.prerfc.PageWalk;

/**
 * Dirty tracking of shared file mappings ({@code mm/mapping_dirty_helpers.c}) as v5.10 has it:
 * write-protect the PTEs mapping a range of a file, and find and clean the written ones. The PUD
 * and PMD callbacks read their entry again and ask the walker to look again ({@link Action#AGAIN})
 * when it reads as none, or to go on ({@link Action#CONTINUE}) past a huge one. The {@code
 * WARN_ON}s on dirty huge entries are not modelled.
 */
public final class MappingDirtyHelpers {

  /** The result of {@link #cleanRecordSharedMappingRange}. */
  public record CleanResult(long total, long start, long end) {}

  /** The state of a write-protect walk, {@code struct wp_walk}. */
  static class WpWalk {
    long total;
    long tlbflushStart;
    long tlbflushEnd;

    void changed(long addr) {
      total++;
      tlbflushStart = Math.min(tlbflushStart, addr);
      tlbflushEnd = Math.max(tlbflushEnd, addr + PAGE_SIZE);
    }
  }

  /** The state of a clean walk, {@code struct clean_walk}. */
  static final class CleanWalk extends WpWalk {
    final long bitmapPgoff;
    final long[] bitmap;
    long start;
    long end;

    CleanWalk(long bitmapPgoff, long[] bitmap, long start, long end) {
      this.bitmapPgoff = bitmapPgoff;
      this.bitmap = bitmap;
      this.start = start;
      this.end = end;
    }
  }

  private static final MmWalkOps<WpWalk> WP_WALK_OPS =
      MmWalkOps.<WpWalk>builder()
          .pteEntry(MappingDirtyHelpers::wpPte)
          .pmdEntry(MappingDirtyHelpers::wpCleanPmdEntry)
          .pudEntry(MappingDirtyHelpers::wpCleanPudEntry)
          .testWalk(MappingDirtyHelpers::wpCleanTestWalk)
          .preVma(MappingDirtyHelpers::wpCleanPreVma)
          .postVma(MappingDirtyHelpers::wpCleanPostVma)
          .build();

  private static final MmWalkOps<CleanWalk> CLEAN_WALK_OPS =
      MmWalkOps.<CleanWalk>builder()
          .pteEntry(MappingDirtyHelpers::cleanRecordPte)
          .pmdEntry(MappingDirtyHelpers::wpCleanPmdEntry)
          .pudEntry(MappingDirtyHelpers::wpCleanPudEntry)
          .testWalk(MappingDirtyHelpers::wpCleanTestWalk)
          .preVma(MappingDirtyHelpers::wpCleanPreVma)
          .postVma(MappingDirtyHelpers::wpCleanPostVma)
          .build();

  private MappingDirtyHelpers() {}

  /** Models v5.10's {@code wp_shared_mapping_range()}: returns how many PTEs it write-protected. */
  public static long wpSharedMappingRange(AddressSpace mapping, long firstIndex, long nr) {
    WpWalk wpwalk = new WpWalk();
    mapping.iMmapLockRead();
    try {
      walkOrFail(PageWalk.walkPageMapping(mapping, firstIndex, nr, WP_WALK_OPS, wpwalk));
    } finally {
      mapping.iMmapUnlockRead();
    }
    return wpwalk.total;
  }

  /**
   * Models v5.10's {@code clean_record_shared_mapping_range()}: cleans every dirty PTE mapping file
   * pages {@code [firstIndex, firstIndex + nr)}, sets a bit for each in {@code bitmap}, and widens
   * {@code [start, end)} over them.
   */
  public static CleanResult cleanRecordSharedMappingRange(
      AddressSpace mapping,
      long firstIndex,
      long nr,
      long bitmapPgoff,
      long[] bitmap,
      long start,
      long end) {
    boolean noneSet = start >= end;
    CleanWalk cwalk = new CleanWalk(bitmapPgoff, bitmap, noneSet ? nr : start, noneSet ? 0 : end);
    mapping.iMmapLockRead();
    try {
      walkOrFail(PageWalk.walkPageMapping(mapping, firstIndex, nr, CLEAN_WALK_OPS, cwalk));
    } finally {
      mapping.iMmapUnlockRead();
    }
    return new CleanResult(cwalk.total, cwalk.start, cwalk.end);
  }

  private static void walkOrFail(int err) {
    if (err != 0) {
      throw new IllegalStateException("walk_page_mapping failed: " + err);
    }
  }

  /**
   * Models v5.10's {@code wp_pte(pte_t *pte, ...)}: reads the PTE ({@code *pte}, under the PTE lock
   * the walker holds) and write-protects it if writable.
   */
  static int wpPte(@LockHeld PteRef pte, long addr, long end, MmWalk<WpWalk> walk) {
    long ptent = pte.deref(); // under the PTE lock the walker holds (@LockHeld): stable
    if (pteWrite(ptent)) {
      long oldPte = ptepModifyProtStart(pte);
      ptepModifyProtCommit(pte, oldPte, pteWrprotect(oldPte));
      walk.priv.changed(addr);
    }
    return 0;
  }

  /** Models v5.10's {@code clean_record_pte(pte_t *pte, ...)}: cleans a dirty PTE, records it. */
  static int cleanRecordPte(@LockHeld PteRef pte, long addr, long end, MmWalk<CleanWalk> walk) {
    long ptent = pte.deref(); // under the PTE lock the walker holds (@LockHeld): stable
    if (pteDirty(ptent)) {
      CleanWalk cwalk = walk.priv;
      VmArea vma = walk.vma();
      long pgoff = ((addr - vma.start()) >>> PAGE_SHIFT) + vma.pgoff() - cwalk.bitmapPgoff;
      long oldPte = ptepModifyProtStart(pte);
      ptepModifyProtCommit(pte, oldPte, pteMkclean(oldPte));
      cwalk.changed(addr);
      cwalk.bitmap[(int) (pgoff >>> 6)] |= 1L << (pgoff & 63);
      cwalk.start = Math.min(cwalk.start, pgoff);
      cwalk.end = Math.max(cwalk.end, pgoff + 1);
    }
    return 0;
  }

  /**
   * Models v5.10's {@code wp_clean_pmd_entry(pmd_t *pmd, ...)}: reads the PMD again ({@code
   * pmd_read_atomic()}); none (or bad, which {@code pmd_trans_unstable()} clears in the local copy)
   * asks the walker to look again, a huge or migration entry to go on.
   */
  static <P extends WpWalk> int wpCleanPmdEntry(PmdRef pmd, long addr, long end, MmWalk<P> walk) {
    // pmd_read_atomic(), plain on x86-64, without the lock.
    long pmdval = pmd.deref(); // expect: PlainSlotRead
    if (!pmdTransUnstableCopy(pmdval)) {
      return 0;
    }
    boolean clearedAsBad = !pmdNone(pmdval) && !pmdTransHuge(pmdval) && pmdPresent(pmdval);
    if (pmdNone(pmdval) || clearedAsBad) {
      walk.action = Action.AGAIN;
      return 0;
    }
    // Huge pmd, present or migrated.
    walk.action = Action.CONTINUE;
    return 0;
  }

  /**
   * Models v5.10's {@code wp_clean_pud_entry(pud_t *pud, ...)}: reads the PUD again; a PUD the
   * walker saw mapped may read as none here, and the walker is asked to look again.
   */
  static <P extends WpWalk> int wpCleanPudEntry(PudRef pud, long addr, long end, MmWalk<P> walk) {
    long pudval = pud.get(); // READ_ONCE(*pud)
    if (!pudTransUnstableCopy(pudval)) {
      return 0;
    }
    boolean clearedAsBad = !pudNone(pudval) && !pudTransHuge(pudval) && !pudDevmap(pudval);
    if (pudNone(pudval) || clearedAsBad) {
      walk.action = Action.AGAIN;
      return 0;
    }
    // Huge pud.
    walk.action = Action.CONTINUE;
    return 0;
  }

  /** Models v5.10's {@code wp_clean_pre_vma()}: starts an empty range to flush. */
  static <P extends WpWalk> int wpCleanPreVma(long start, long end, MmWalk<P> walk) {
    walk.priv.tlbflushStart = end;
    walk.priv.tlbflushEnd = start;
    return 0;
  }

  /**
   * Models v5.10's {@code wp_clean_post_vma()}: flushes the TLB over the PTEs this VMA's walk
   * changed.
   */
  static <P extends WpWalk> void wpCleanPostVma(MmWalk<P> walk) {
    if (walk.priv.tlbflushEnd > walk.priv.tlbflushStart) {
      walk.mm.tlb().flushRange(walk.priv.tlbflushStart, walk.priv.tlbflushEnd);
    }
  }

  /**
   * Models v5.10's {@code wp_clean_test_walk()}: only shared, possibly writable, non-hugetlb VMAs.
   */
  static <P extends WpWalk> int wpCleanTestWalk(long start, long end, MmWalk<P> walk) {
    long vmFlags = walk.vma().flags();
    long wanted = VmArea.VM_SHARED | VmArea.VM_MAYWRITE;
    return (vmFlags & (wanted | VmArea.VM_HUGETLB)) != wanted ? 1 : 0;
  }
}

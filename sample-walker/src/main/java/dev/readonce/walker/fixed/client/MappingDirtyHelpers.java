package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Pmd.isPmdMigrationEntry;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pte.pteDirty;
import static dev.readonce.walker.mm.Pte.pteMkclean;
import static dev.readonce.walker.mm.Pte.pteWrite;
import static dev.readonce.walker.mm.Pte.pteWrprotect;
import static dev.readonce.walker.mm.Pte.ptepModifyProtCommit;
import static dev.readonce.walker.mm.Pte.ptepModifyProtStart;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudTransHuge;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.fixed.Action;
import dev.readonce.walker.fixed.MmWalk;
import dev.readonce.walker.fixed.MmWalkOps;
import dev.readonce.walker.fixed.PageWalk;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.VmArea;

/**
 * Dirty tracking of shared file mappings ({@code mm/mapping_dirty_helpers.c}), as graphics drivers
 * use it: write-protect the PTEs mapping a range of a file so that the next write faults, and later
 * find and clean the PTEs that were written.
 *
 * <p>Huge PUDs and PMDs are left alone: their callbacks decide on the walker's snapshot and ask the
 * walker to go on ({@link Action#CONTINUE}) rather than split them. PTEs are changed under the PTE
 * lock with an atomic start and a commit ({@code ptep_modify_prot_start()}), so that a dirty bit
 * the hardware sets after the walker's read is not lost.
 */
public final class MappingDirtyHelpers {

  /** The result of {@link #cleanRecordSharedMappingRange}. */
  public record CleanResult(long total, long start, long end) {}

  /** The state of a write-protect walk, {@code struct wp_walk}. */
  static class WpWalk {
    long total;
    long tlbflushStart;
    long tlbflushEnd;

    /** Counts a changed PTE at {@code addr} and widens the range to flush. */
    void changed(long addr) {
      total++;
      tlbflushStart = Math.min(tlbflushStart, addr);
      tlbflushEnd = Math.max(tlbflushEnd, addr + PAGE_SIZE);
    }
  }

  /** The state of a clean walk, {@code struct clean_walk}: a write-protect walk plus a bitmap. */
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

  /**
   * Models {@code wp_shared_mapping_range()}: write-protects every PTE mapping file pages {@code
   * [firstIndex, firstIndex + nr)} of {@code mapping}. Returns how many PTEs it changed.
   */
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
   * Models {@code clean_record_shared_mapping_range()}: cleans every dirty PTE mapping file pages
   * {@code [firstIndex, firstIndex + nr)} of {@code mapping}, setting bit {@code pgoff -
   * bitmapPgoff} of {@code bitmap} for each, and widens {@code [start, end)} (in the same bitmap
   * offsets; empty if {@code start >= end}) to cover them. Returns how many PTEs it cleaned and the
   * widened range.
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

  /** The kernel WARNs if the walk fails; its callbacks never fail, so neither may the model's. */
  private static void walkOrFail(int err) {
    if (err != 0) {
      throw new IllegalStateException("walk_page_mapping failed: " + err);
    }
  }

  /** Models {@code wp_pte()}: write-protects a writable PTE. */
  static int wpPte(
      @Snapshot(value = "ptep", lockHeld = true) long pte,
      PteRef ptep,
      long addr,
      long end,
      MmWalk<WpWalk> walk) {
    if (pteWrite(pte)) {
      long oldPte = ptepModifyProtStart(ptep);
      ptepModifyProtCommit(ptep, oldPte, pteWrprotect(oldPte));
      walk.priv.changed(addr);
    }
    return 0;
  }

  /** Models {@code clean_record_pte()}: cleans a dirty PTE and records its file page. */
  static int cleanRecordPte(
      @Snapshot(value = "ptep", lockHeld = true) long pte,
      PteRef ptep,
      long addr,
      long end,
      MmWalk<CleanWalk> walk) {
    if (pteDirty(pte)) {
      CleanWalk cwalk = walk.priv;
      VmArea vma = walk.vma();
      long pgoff = ((addr - vma.start()) >>> PAGE_SHIFT) + vma.pgoff() - cwalk.bitmapPgoff;
      long oldPte = ptepModifyProtStart(ptep);
      ptepModifyProtCommit(ptep, oldPte, pteMkclean(oldPte));
      cwalk.changed(addr);
      cwalk.bitmap[(int) (pgoff >>> 6)] |= 1L << (pgoff & 63);
      cwalk.start = Math.min(cwalk.start, pgoff);
      cwalk.end = Math.max(cwalk.end, pgoff + 1);
    }
    return 0;
  }

  /** Models {@code wp_clean_pmd_entry()}: does not split a huge PMD, present or migrating. */
  static <P extends WpWalk> int wpCleanPmdEntry(
      @Snapshot("pmdp") long pmd, PmdRef pmdp, long addr, long end, MmWalk<P> walk) {
    if (pmdTransHuge(pmd) || pmdDevmap(pmd) || isPmdMigrationEntry(pmd)) {
      walk.action = Action.CONTINUE;
    }
    return 0;
  }

  /** Models {@code wp_clean_pud_entry()}: does not split a huge PUD. */
  static <P extends WpWalk> int wpCleanPudEntry(
      @Snapshot("pudp") long pud, PudRef pudp, long addr, long end, MmWalk<P> walk) {
    if (pudTransHuge(pud) || pudDevmap(pud)) {
      walk.action = Action.CONTINUE;
    }
    return 0;
  }

  /** Models {@code wp_clean_pre_vma()}: starts an empty range to flush. */
  static <P extends WpWalk> int wpCleanPreVma(long start, long end, MmWalk<P> walk) {
    walk.priv.tlbflushStart = end;
    walk.priv.tlbflushEnd = start;
    return 0;
  }

  /** Models {@code wp_clean_post_vma()}: flushes the TLB over the PTEs this VMA's walk changed. */
  static <P extends WpWalk> void wpCleanPostVma(MmWalk<P> walk) {
    if (walk.priv.tlbflushEnd > walk.priv.tlbflushStart) {
      walk.mm.tlb().flushRange(walk.priv.tlbflushStart, walk.priv.tlbflushEnd);
    }
  }

  /** Models {@code wp_clean_test_walk()}: only shared, possibly writable, non-hugetlb VMAs. */
  static <P extends WpWalk> int wpCleanTestWalk(long start, long end, MmWalk<P> walk) {
    long vmFlags = walk.vma().flags();
    long wanted = VmArea.VM_SHARED | VmArea.VM_MAYWRITE;
    return (vmFlags & (wanted | VmArea.VM_HUGETLB)) != wanted ? 1 : 0;
  }
}

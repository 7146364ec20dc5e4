package dev.readonce.walker.rfc;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.p4dAddrEnd;
import static dev.readonce.walker.mm.Layout.pgdAddrEnd;
import static dev.readonce.walker.mm.Layout.pmdAddrEnd;
import static dev.readonce.walker.mm.Layout.pudAddrEnd;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.SchedulePoint.PTE_OFFSET_MAP_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PTE_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_BEFORE_DESCENT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_NOVMA_AFTER_LEAF_TEST;
import static dev.readonce.walker.prerfc.PgtableV510.p4dNoneOrClearBad;
import static dev.readonce.walker.prerfc.PgtableV510.p4dOffset;
import static dev.readonce.walker.prerfc.PgtableV510.pgdNoneOrClearBad;
import static dev.readonce.walker.prerfc.PgtableV510.pmdTransUnstable;
import static dev.readonce.walker.prerfc.PgtableV510.pteOffsetMap;
import static dev.readonce.walker.prerfc.PgtableV510.pudOffset;
import static dev.readonce.walker.prerfc.PgtableV510.splitHugePmd;
import static dev.readonce.walker.prerfc.PgtableV510.splitHugePud;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import java.util.concurrent.locks.Lock;

/**
 * The level-by-level walk of {@code mm/pagewalk.c} with the RFC "mm/pagewalk: use READ_ONCE when
 * reading the PUD entry unlocked" (Jason Gunthorpe, September 2020, patch 1 of Zi Yan's 1 GB THP
 * series, never merged) applied to v5.9: {@code walk_pud_range()} reads the PUD once ({@code pud =
 * READ_ONCE(*pudp)}), decides on that snapshot, hands it to {@code pud_entry(pud, pudp, ...)} and
 * descends from it ({@code pmd_offset(&pud, addr)}). After its own {@code split_huge_pud()} it
 * reads the PUD again into the same snapshot, which is right, but then tests only {@code
 * pud_none(pud)}: a huge PUD that refaulted after the split passes and is descended as a PMD table.
 * Mainline fixed exactly that in 2026 (3b89863c3fa4, "mm/pagewalk: fix race between concurrent
 * split and refault": descend only when the snapshot is a table, else ACTION_AGAIN).
 *
 * <p>The other levels are v5.9's, unchanged by the RFC: the same as the pre-RFC walk ({@code
 * dev.readonce.walker.prerfc}), with its plain double reads, its handle-only {@code pmd_entry} and
 * its PTE lock taken without re-checking the PMD.
 */
final class PageTableWalk {

  private PageTableWalk() {}

  /**
   * Models v5.9's {@code walk_pte_range_inner()}: calls {@code pte_entry} with each PTE's pointer;
   * the walker itself does not read the PTEs.
   */
  private static <P> int walkPteRangeInner(PteRef pte, long addr, long end, MmWalk<P> walk) {
    MmWalkOps.PteEntry<P> pteEntry = walk.ops.pteEntry();
    for (; ; pte = pte.next()) {
      walk.mm.schedule().at(WALK_PTE_AFTER_READ, addr);
      int err = pteEntry.pteEntry(pte, addr, addr + PAGE_SIZE, walk);
      if (err != 0) {
        return err;
      }
      if (addr >= end - PAGE_SIZE) {
        return 0;
      }
      addr += PAGE_SIZE;
    }
  }

  /**
   * Models v5.9's {@code walk_pte_range()}: without VMAs the table is mapped by {@code
   * pte_offset_map()}, unlocked; with them by {@code pte_offset_map_lock()}, which before v6.5
   * reads {@code *pmd} for the lock ({@code pte_lockptr()}), reads it again for the table ({@code
   * pte_offset_map()}), and takes the lock without checking that the PMD still points to that
   * table.
   */
  private static <P> int walkPteRange(PmdRef pmd, long addr, long end, MmWalk<P> walk) {
    if (walk.noVma) {
      PteRef pte = pteOffsetMap(walk.mm, pmd, addr);
      walk.mm.schedule().at(PTE_OFFSET_MAP_BEFORE_LOCK, addr);
      return walkPteRangeInner(pte, addr, end, walk);
    }
    long pmdval = pmd.deref(); // expect: PlainSlotRead — pte_lockptr(mm, pmd)
    // The lock is the table of the first read, the PTEs are the table of this one.
    PteRef pte = pteOffsetMap(walk.mm, pmd, addr); // expect: SnapshotNotPassed
    walk.mm.schedule().at(PTE_OFFSET_MAP_BEFORE_LOCK, addr);
    Lock ptl = pteLock(walk.mm, pmdval);
    try {
      return walkPteRangeInner(pte, addr, end, walk);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models the RFC's {@code walk_pmd_range(pud_t pud, ...)}: the PMD slots of the table the
   * caller's snapshot {@code pud} points to ({@code pmd_offset(&pud, addr)}); it trusts the caller
   * to have shown that {@code pud} is a table.
   */
  private static <P> int walkPmdRange(@Snapshot long pud, long addr, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    int depth = 3;
    for (PmdRef pmd = pmdOffset(walk.mm, pud, addr); ; pmd = pmd.next()) {
      long next = pmdAddrEnd(addr, end);
      again:
      for (; ; ) {
        boolean none = pmdNone(pmd.deref()); // expect: PlainSlotRead
        walk.mm.schedule().at(WALK_PMD_AFTER_READ, addr);
        if (none || (walk.vma() == null && !walk.noVma)) {
          int err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, depth, walk);
          if (err != 0) {
            return err;
          }
          break again;
        }
        walk.action = Action.SUBTREE;
        // This implies that each ->pmd_entry() handler needs to know about pmd_trans_huge() pmds.
        int err = 0;
        if (ops.pmdEntry() != null) {
          // pmd_entry() gets the pointer and reads the PMD again.
          err = ops.pmdEntry().pmdEntry(pmd, addr, next, walk); // expect: SnapshotNotPassed
        }
        if (err != 0) {
          return err;
        }
        if (walk.action == Action.AGAIN) {
          continue again;
        }
        // Check this here so we only break down trans_huge pages when we _need_ to.
        if (walk.vma() == null) {
          // !walk->vma && (pmd_leaf(*pmd) || !pmd_present(*pmd)): a read for each test.
          if (pmdLeaf(pmd.deref())) { // expect: PlainSlotRead, UnlockedReread
            break again;
          }
          if (!pmdPresent(pmd.deref())) { // expect: PlainSlotRead, UnlockedReread
            break again;
          }
        }
        if (walk.action == Action.CONTINUE || ops.pteEntry() == null) {
          break again;
        }
        if (walk.vma() != null) {
          splitHugePmd(walk.vma(), pmd, addr);
          walk.mm.schedule().at(WALK_PMD_AFTER_SPLIT, addr);
          if (pmdTransUnstable(pmd)) {
            continue again;
          }
        }
        // Without a VMA nothing refreshed the reads above, and walk_pte_range() reads the PMD
        // again.
        err = walkPteRange(pmd, addr, next, walk); // expect: SnapshotNotPassed
        if (err != 0) {
          return err;
        }
        break again;
      }
      addr = next;
      if (addr == end) {
        return 0;
      }
    }
  }

  /**
   * Models the RFC's {@code walk_pud_range()}: the PUD slots of the table {@code *p4d} points to
   * (read again by {@code pud_offset()}, as in v5.9). Each pass reads the PUD once and decides on
   * that snapshot; after a split it reads it again into the same snapshot and descends unless it is
   * none.
   */
  private static <P> int walkPudRange(P4dRef p4d, long addr, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler = ops.pmdEntry() != null || ops.pteEntry() != null;
    int depth = 2;
    for (PudRef pudp = pudOffset(walk.mm, p4d, addr); ; pudp = pudp.next()) {
      long next = pudAddrEnd(addr, end);
      again:
      for (; ; ) {
        long pud = pudp.get(); // READ_ONCE(*pudp)
        walk.mm.schedule().at(WALK_PUD_AFTER_READ, addr, pud);
        if (pudNone(pud) || (walk.vma() == null && !walk.noVma)) {
          int err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, depth, walk);
          if (err != 0) {
            return err;
          }
          break again;
        }
        walk.action = Action.SUBTREE;
        int err = ops.pudEntry() == null ? 0 : ops.pudEntry().pudEntry(pud, pudp, addr, next, walk);
        if (err != 0) {
          return err;
        }
        if (walk.action == Action.AGAIN) {
          continue again;
        }
        if (walk.vma() == null) {
          // !walk->vma && (pud_leaf(pud) || !pud_present(pud)), on the snapshot.
          if (pudLeaf(pud)) {
            break again;
          }
          walk.mm.schedule().at(WALK_PUD_NOVMA_AFTER_LEAF_TEST, addr);
          if (!pudPresent(pud)) {
            break again;
          }
        }
        if (walk.action == Action.CONTINUE || !hasHandler) {
          break again;
        }
        if (walk.vma() != null) {
          splitHugePud(walk.vma(), pudp, addr);
          walk.mm.schedule().at(WALK_PUD_AFTER_SPLIT, addr);
          pud = pudp.get(); // READ_ONCE(*pudp): the split changed the slot
          if (pudNone(pud)) {
            continue again;
          }
        }
        walk.mm.schedule().at(WALK_PUD_BEFORE_DESCENT, addr);
        // With a VMA, pud was only shown not none: a huge PUD that refaulted after the split is
        // walked as a PMD table (3b89863c3fa4).
        err = walkPmdRange(pud, addr, next, walk); // expect: DescentWithoutPointerCheck
        if (err != 0) {
          return err;
        }
        break again;
      }
      addr = next;
      if (addr == end) {
        return 0;
      }
    }
  }

  /**
   * Models v5.9's {@code walk_p4d_range()}: the P4D slots of the table {@code *pgd} points to, read
   * again by {@code p4d_offset()}; a bad entry is cleared without the lock ({@code
   * p4d_none_or_clear_bad()}).
   */
  private static <P> int walkP4dRange(PgdRef pgd, long addr, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler = ops.pudEntry() != null || ops.pmdEntry() != null || ops.pteEntry() != null;
    int depth = 1;
    for (P4dRef p4d = p4dOffset(walk.mm, pgd, addr); ; p4d = p4d.next()) {
      long next = p4dAddrEnd(addr, end);
      int err = 0;
      if (p4dNoneOrClearBad(walk.mm, p4d, addr)) {
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, depth, walk);
      } else {
        if (ops.p4dEntry() != null) {
          err = ops.p4dEntry().p4dEntry(p4d, addr, next, walk);
        }
        if (err == 0 && hasHandler) {
          err = walkPudRange(p4d, addr, next, walk);
        }
      }
      if (err != 0) {
        return err;
      }
      addr = next;
      if (addr == end) {
        return 0;
      }
    }
  }

  /** Models v5.9's {@code walk_pgd_range()}: the PGD slots covering {@code [addr, end)}. */
  static <P> int walkPgdRange(long addr, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler =
        ops.p4dEntry() != null
            || ops.pudEntry() != null
            || ops.pmdEntry() != null
            || ops.pteEntry() != null;
    for (PgdRef pgd = pgdOffset(walk.mm, addr); ; pgd = pgd.next()) {
      long next = pgdAddrEnd(addr, end);
      int err = 0;
      if (pgdNoneOrClearBad(walk.mm, pgd, addr)) {
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, 0, walk);
      } else {
        if (ops.pgdEntry() != null) {
          err = ops.pgdEntry().pgdEntry(pgd, addr, next, walk);
        }
        if (err == 0 && hasHandler) {
          err = walkP4dRange(pgd, addr, next, walk);
        }
      }
      if (err != 0) {
        return err;
      }
      addr = next;
      if (addr == end) {
        return 0;
      }
    }
  }
}

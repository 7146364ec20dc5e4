package dev.readonce.walker.fixed;

import static dev.readonce.walker.mm.HugeMemory.splitHugePmd;
import static dev.readonce.walker.mm.HugeMemory.splitHugePud;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.p4dAddrEnd;
import static dev.readonce.walker.mm.Layout.pgdAddrEnd;
import static dev.readonce.walker.mm.Layout.pmdAddrEnd;
import static dev.readonce.walker.mm.Layout.pudAddrEnd;
import static dev.readonce.walker.mm.P4d.p4dTable;
import static dev.readonce.walker.mm.P4dRef.p4dOffset;
import static dev.readonce.walker.mm.Pgd.pgdTable;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.Pud.pudTable;
import static dev.readonce.walker.mm.PudRef.pudOffset;
import static dev.readonce.walker.mm.SchedulePoint.PTE_OFFSET_MAP_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.WALK_P4D_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PGD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PTE_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_BEFORE_DESCENT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_NOVMA_AFTER_LEAF_TEST;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import java.util.concurrent.locks.Lock;

/**
 * The level-by-level walk of {@code mm/pagewalk.c}, {@code walk_pgd_range()} down to {@code
 * walk_pte_range()}, with the discipline applied in full.
 *
 * <p>Each pass over a slot reads it once into a snapshot and makes every decision of the pass on
 * that snapshot: the hole test, the callback (which gets the snapshot), the descent (from the
 * snapshot, never from a re-read). After the walker itself splits a huge entry, it re-reads the
 * slot into the same variable and descends only if the new snapshot is a table; anything else is a
 * new pass ({@code ACTION_AGAIN}, 3b89863c3fa4). PMDs are not stable after pointer, so the PTE
 * level is entered under the PTE table's lock after re-checking the PMD.
 */
final class PageTableWalk {

  private PageTableWalk() {}

  /**
   * Models {@code walk_pte_range_inner()}: calls {@code pte_entry} for each PTE of {@code [addr,
   * end)}, each read once under the PTE table's lock, which the caller holds.
   */
  private static <P> int walkPteRangeInner(PteRef ptep, long addr, long end, MmWalk<P> walk) {
    MmWalkOps.PteEntry<P> pteEntry = walk.ops.pteEntry();
    for (; ; ptep = ptep.next()) {
      long pte = ptep.get();
      walk.mm.schedule().at(WALK_PTE_AFTER_READ, addr, pte);
      int err = pteEntry.pteEntry(pte, ptep, addr, addr + PAGE_SIZE, walk);
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
   * Models {@code walk_pte_range()} entering the table as {@code __pte_offset_map_lock()} does,
   * from the caller's snapshot {@code pmd}: descend only from a table, take that table's lock,
   * re-check under it that the PMD still holds the snapshot (khugepaged clears the PMD holding the
   * same lock), and walk the PTEs under the lock. When the PMD is no table or has changed, sets
   * {@link Action#AGAIN} so that the caller re-reads it in a new pass.
   *
   * <p>The kernel maps the table without the lock for a walk without VMAs ({@code
   * pte_offset_map()}, safe under RCU); the model has no RCU, so every walk takes the lock.
   */
  static <P> int walkPteRange(
      @Snapshot("pmdp") long pmd, PmdRef pmdp, long addr, long end, MmWalk<P> walk) {
    if (!pmdTable(pmd)) {
      walk.action = Action.AGAIN;
      return 0;
    }
    walk.mm.schedule().at(PTE_OFFSET_MAP_BEFORE_LOCK, addr, pmd);
    Lock ptl = pteLock(walk.mm, pmd);
    try {
      if (!pmdSame(pmdp, pmd)) {
        walk.action = Action.AGAIN;
        return 0;
      }
      return walkPteRangeInner(pteOffset(walk.mm, pmd, addr), addr, end, walk);
    } finally {
      ptl.unlock();
    }
  }

  /**
   * Models {@code walk_pmd_range()}: the PMD slots of the table that {@code pud}, the caller's
   * snapshot of {@code pudp}, points to. The handle comes along only to say which slot the snapshot
   * is of; it is not read.
   */
  static <P> int walkPmdRange(
      @Snapshot("pudp") long pud, PudRef pudp, long addr, long end, MmWalk<P> walk) {
    if (!pudTable(pud)) {
      throw notATable("walk_pmd_range", pudp);
    }
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler = ops.pteEntry() != null;
    int depth = 3;
    for (PmdRef pmdp = pmdOffset(walk.mm, pud, addr); ; pmdp = pmdp.next()) {
      long next = pmdAddrEnd(addr, end);
      again:
      for (; ; ) {
        long pmd = pmdp.get();
        walk.mm.schedule().at(WALK_PMD_AFTER_READ, addr, pmd);
        if (pmdNone(pmd) || (walk.vma() == null && !walk.noVma)) {
          int err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, depth, walk);
          if (err != 0) {
            return err;
          }
          break again;
        }
        walk.action = Action.SUBTREE;
        // Each pmd_entry handler must know about huge and migration entries.
        int err = ops.pmdEntry() == null ? 0 : ops.pmdEntry().pmdEntry(pmd, pmdp, addr, next, walk);
        if (err != 0) {
          return err;
        }
        if (walk.action == Action.AGAIN) {
          continue again;
        }
        if (walk.action == Action.CONTINUE || !hasHandler) {
          break again;
        }
        if (walk.vma() != null) {
          splitHugePmd(walk.vma(), pmdp, addr);
          walk.mm.schedule().at(WALK_PMD_AFTER_SPLIT, addr);
          pmd = pmdp.get(); // the split may have changed the slot: a fresh snapshot
        } else if (pmdLeaf(pmd) || !pmdPresent(pmd)) {
          break again;
        }
        err = walkPteRange(pmd, pmdp, addr, next, walk);
        if (err != 0) {
          return err;
        }
        if (walk.action == Action.AGAIN) {
          continue again;
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
   * Models {@code walk_pud_range()}: the PUD slots of the table that {@code p4d}, the caller's
   * snapshot of {@code p4dp}, points to.
   */
  static <P> int walkPudRange(
      @Snapshot("p4dp") long p4d, P4dRef p4dp, long addr, long end, MmWalk<P> walk) {
    if (!p4dTable(p4d)) {
      throw notATable("walk_pud_range", p4dp);
    }
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler = ops.pmdEntry() != null || ops.pteEntry() != null;
    int depth = 2;
    for (PudRef pudp = pudOffset(walk.mm, p4d, addr); ; pudp = pudp.next()) {
      long next = pudAddrEnd(addr, end);
      again:
      for (; ; ) {
        long pud = pudp.get();
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
        if (walk.action == Action.CONTINUE || !hasHandler) {
          break again;
        }
        if (walk.vma() != null) {
          splitHugePud(walk.vma(), pudp, addr);
          walk.mm.schedule().at(WALK_PUD_AFTER_SPLIT, addr);
          pud = pudp.get(); // the split may have changed the slot: a fresh snapshot
        } else if (pudLeaf(pud)) {
          break again;
        } else {
          walk.mm.schedule().at(WALK_PUD_NOVMA_AFTER_LEAF_TEST, addr);
          if (!pudPresent(pud)) {
            break again;
          }
        }
        // 3b89863c3fa4: a split leaves none, and a refault may install a huge PUD before the
        // re-read; descend only into a table, and handle anything else in a new pass.
        if (!pudTable(pud)) {
          walk.action = Action.AGAIN;
          continue again;
        }
        walk.mm.schedule().at(WALK_PUD_BEFORE_DESCENT, addr);
        err = walkPmdRange(pud, pudp, addr, next, walk);
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
   * Models {@code walk_p4d_range()}: the P4D slots of the table that {@code pgd}, the caller's
   * snapshot of {@code pgdp}, points to.
   */
  static <P> int walkP4dRange(
      @Snapshot("pgdp") long pgd, PgdRef pgdp, long addr, long end, MmWalk<P> walk) {
    if (!pgdTable(pgd)) {
      throw notATable("walk_p4d_range", pgdp);
    }
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler = ops.pudEntry() != null || ops.pmdEntry() != null || ops.pteEntry() != null;
    int depth = 1;
    for (P4dRef p4dp = p4dOffset(walk.mm, pgd, addr); ; p4dp = p4dp.next()) {
      long next = p4dAddrEnd(addr, end);
      long p4d = p4dp.get();
      walk.mm.schedule().at(WALK_P4D_AFTER_READ, addr, p4d);
      int err = 0;
      // p4d_none_or_clear_bad(): none, or bad (never made by this machine; the kernel clears a
      // bad entry with an unlocked store, which the model does not copy) is a hole.
      if (!p4dTable(p4d)) {
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, depth, walk);
      } else {
        if (ops.p4dEntry() != null) {
          err = ops.p4dEntry().p4dEntry(p4d, p4dp, addr, next, walk);
        }
        if (err == 0 && hasHandler) {
          err = walkPudRange(p4d, p4dp, addr, next, walk);
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

  /** Models {@code walk_pgd_range()}: the PGD slots covering {@code [addr, end)}. */
  static <P> int walkPgdRange(long addr, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    boolean hasHandler =
        ops.p4dEntry() != null
            || ops.pudEntry() != null
            || ops.pmdEntry() != null
            || ops.pteEntry() != null;
    for (PgdRef pgdp = pgdOffset(walk.mm, addr); ; pgdp = pgdp.next()) {
      long next = pgdAddrEnd(addr, end);
      long pgd = pgdp.get();
      walk.mm.schedule().at(WALK_PGD_AFTER_READ, addr, pgd);
      int err = 0;
      if (!pgdTable(pgd)) { // pgd_none_or_clear_bad(), as at the P4D level
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(addr, next, 0, walk);
      } else {
        if (ops.pgdEntry() != null) {
          err = ops.pgdEntry().pgdEntry(pgd, pgdp, addr, next, walk);
        }
        if (err == 0 && hasHandler) {
          err = walkP4dRange(pgd, pgdp, addr, next, walk);
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

  /**
   * The caller descends only from a snapshot it has shown to be a table; each level tests the value
   * again (not the slot), so that what it relies on is stated where it relies on it.
   */
  private static IllegalStateException notATable(String function, EntryRef slot) {
    return new IllegalStateException(
        function + "() from an entry of " + slot + " that is no table");
  }
}

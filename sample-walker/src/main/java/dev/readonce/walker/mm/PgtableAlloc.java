package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.P4d.mkP4dTable;
import static dev.readonce.walker.mm.P4d.p4dNone;
import static dev.readonce.walker.mm.P4d.p4dPresent;
import static dev.readonce.walker.mm.P4d.p4dTable;
import static dev.readonce.walker.mm.P4dRef.p4dOffset;
import static dev.readonce.walker.mm.Pgd.mkPgdTable;
import static dev.readonce.walker.mm.Pgd.pgdNone;
import static dev.readonce.walker.mm.Pgd.pgdPresent;
import static dev.readonce.walker.mm.Pgd.pgdTable;
import static dev.readonce.walker.mm.PgtableLocks.p4dLock;
import static dev.readonce.walker.mm.PgtableLocks.pgdLock;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pudLock;
import static dev.readonce.walker.mm.Pmd.mkPmdTable;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.Pud.mkPudTable;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.Pud.pudTable;
import static dev.readonce.walker.mm.PudRef.pudOffset;

import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.annotations.Snapshot;
import java.util.concurrent.locks.Lock;

/**
 * Allocation of page tables on the fault path ({@code mm/memory.c}, {@code include/linux/mm.h}).
 *
 * <p>Each {@code __pXd_alloc()} allocates a table without any lock, then takes the slot's lock and
 * re-checks that the slot is still empty before linking the table in; if another thread got there
 * first, the new table is freed. That re-check is the writer's half of the discipline: the slot was
 * read without the lock, and only a read under the lock may decide the store.
 *
 * <p>The {@code pXd_alloc()} wrappers take the caller's snapshot of the upper slot, allocate if it
 * is none, re-read it after their own store, and return the lower slot, or {@code null} when the
 * upper slot holds something other than a table (a huge page appeared): the caller then retries the
 * access, as the kernel's fault path does when the tables changed under it.
 */
public final class PgtableAlloc {

  private PgtableAlloc() {}

  /** Models {@code __p4d_alloc()}: link a new P4D table into PGD slot {@code pgdp} if empty. */
  @ModifiesSlot("pgdp")
  public static void __p4dAlloc(MmStruct mm, PgdRef pgdp, long address) {
    long table = mm.arena().allocTable();
    boolean used = false;
    Lock ptl = pgdLock(mm, pgdp);
    try {
      if (!pgdPresent(pgdp.get())) {
        pgdp.set(mkPgdTable(table));
        used = true;
      }
    } finally {
      ptl.unlock();
    }
    if (!used) {
      mm.arena().free(table);
    }
  }

  /** Models {@code __pud_alloc()}: link a new PUD table into P4D slot {@code p4dp} if empty. */
  @ModifiesSlot("p4dp")
  public static void __pudAlloc(MmStruct mm, P4dRef p4dp, long address) {
    long table = mm.arena().allocTable();
    mm.schedule().at(SchedulePoint.PUD_ALLOC_BEFORE_LOCK, address);
    boolean used = false;
    Lock ptl = p4dLock(mm, p4dp);
    try {
      if (!p4dPresent(p4dp.get())) {
        p4dp.set(mkP4dTable(table));
        used = true;
      }
    } finally {
      ptl.unlock();
    }
    if (!used) {
      mm.arena().free(table);
    }
  }

  /** Models {@code __pmd_alloc()}: link a new PMD table into PUD slot {@code pudp} if empty. */
  @ModifiesSlot("pudp")
  public static void __pmdAlloc(MmStruct mm, PudRef pudp, long address) {
    long table = mm.arena().allocTable();
    mm.schedule().at(SchedulePoint.PMD_ALLOC_BEFORE_LOCK, address);
    boolean used = false;
    Lock ptl = pudLock(mm, pudp);
    try {
      if (!pudPresent(pudp.get())) {
        pudp.set(mkPudTable(table));
        used = true;
      }
    } finally {
      ptl.unlock();
    }
    if (!used) {
      mm.arena().free(table);
    }
  }

  /**
   * Models {@code __pte_alloc()}: link a new PTE table into PMD slot {@code pmdp} if it is still
   * none (not if a huge page or a migration entry is there meanwhile).
   */
  @ModifiesSlot("pmdp")
  public static void __pteAlloc(MmStruct mm, PmdRef pmdp, long address) {
    long table = mm.arena().allocTable();
    mm.schedule().at(SchedulePoint.PTE_ALLOC_BEFORE_LOCK, address);
    boolean used = false;
    Lock ptl = pmdLock(mm, pmdp);
    try {
      if (pmdNone(pmdp.get())) {
        pmdp.set(mkPmdTable(table));
        used = true;
      }
    } finally {
      ptl.unlock();
    }
    if (!used) {
      mm.arena().free(table);
    }
  }

  /**
   * Models {@code p4d_alloc()}: the P4D slot for {@code address}, allocating its table if need be.
   */
  public static P4dRef p4dAlloc(MmStruct mm, PgdRef pgdp, long address) {
    long pgd = pgdp.get();
    if (pgdNone(pgd)) {
      __p4dAlloc(mm, pgdp, address);
      pgd = pgdp.get();
    }
    return pgdTable(pgd) ? p4dOffset(mm, pgd, address) : null;
  }

  /**
   * Models {@code pud_alloc()}: the PUD slot for {@code address}, allocating its table if need be.
   */
  public static PudRef pudAlloc(MmStruct mm, P4dRef p4dp, long address) {
    long p4d = p4dp.get();
    if (p4dNone(p4d)) {
      __pudAlloc(mm, p4dp, address);
      p4d = p4dp.get();
    }
    return p4dTable(p4d) ? pudOffset(mm, p4d, address) : null;
  }

  /**
   * Models {@code pmd_alloc()} given the caller's snapshot {@code pud} of {@code pudp}: the PMD
   * slot for {@code address}, allocating the PMD table if the snapshot is none; {@code null} if the
   * PUD is (or became) a huge page.
   */
  public static PmdRef pmdAlloc(
      MmStruct mm, @Snapshot("pudp") long pud, PudRef pudp, long address) {
    if (pudNone(pud)) {
      __pmdAlloc(mm, pudp, address);
      pud = pudp.get();
    }
    return pudTable(pud) ? pmdOffset(mm, pud, address) : null;
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.P4d.p4dTable;
import static dev.readonce.walker.mm.P4dRef.p4dOffset;
import static dev.readonce.walker.mm.Pgd.pgdTable;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.Pud.pudTable;
import static dev.readonce.walker.mm.PudRef.pudOffset;

/**
 * Finding the slot that maps an address, as reverse-map users do ({@code mm/rmap.c}).
 *
 * <p>The upper levels are stable once they point to a table, so each is read once and descended
 * without a lock; the caller locks and re-reads the slot it gets before acting on it.
 */
public final class Rmap {

  private Rmap() {}

  /**
   * The PUD slot that maps {@code address}, or {@code null} if an upper level is not a table: the
   * first half of {@code mm_find_pmd()}.
   */
  public static PudRef mmFindPud(MmStruct mm, long address) {
    PgdRef pgdp = pgdOffset(mm, address);
    long pgd = pgdp.get();
    if (!pgdTable(pgd)) {
      return null;
    }
    P4dRef p4dp = p4dOffset(mm, pgd, address);
    long p4d = p4dp.get();
    if (!p4dTable(p4d)) {
      return null;
    }
    return pudOffset(mm, p4d, address);
  }

  /**
   * Models {@code mm_find_pmd()}: the PMD slot that maps {@code address}, or {@code null} if the
   * tables above it are missing or the PUD is a huge page.
   */
  public static PmdRef mmFindPmd(MmStruct mm, long address) {
    PudRef pudp = mmFindPud(mm, address);
    if (pudp == null) {
      return null;
    }
    long pud = pudp.get();
    if (!pudTable(pud)) {
      return null;
    }
    return pmdOffset(mm, pud, address);
  }
}

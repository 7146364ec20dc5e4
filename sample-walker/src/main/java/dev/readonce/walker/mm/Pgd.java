package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.PSE;

import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;

/**
 * Tests and constructors of PGD entries ({@code include/linux/pgtable.h}, x86's {@code pgtable.h}).
 *
 * <p>The machine only ever stores none or a table pointer at this level; a leaf test exists so that
 * a walker can say what it checked, as the kernel's {@code pgd_leaf()} does.
 */
public final class Pgd {

  private Pgd() {}

  /** Models {@code pgd_none()}. */
  @PointerTest(Shows.NONE)
  public static boolean pgdNone(long pgd) {
    return pgd == 0;
  }

  /** Models {@code pgd_present()}. */
  @PointerTest(Shows.PRESENT)
  public static boolean pgdPresent(long pgd) {
    return (pgd & PRESENT) != 0;
  }

  /** Models {@code pgd_leaf()}: the entry maps a huge page rather than a table. */
  @PointerTest(Shows.LEAF)
  public static boolean pgdLeaf(long pgd) {
    return (pgd & PSE) != 0;
  }

  /**
   * The entry points to a lower table: present and not a leaf (the negation of {@code
   * pgd_none_or_clear_bad()}'s "none or bad" on this machine).
   */
  @PointerTest(Shows.TABLE)
  public static boolean pgdTable(long pgd) {
    return pgdPresent(pgd) && !pgdLeaf(pgd);
  }

  /** The frame number of the table (or page) the entry refers to, {@code pgd_pfn()}. */
  public static long pgdPfn(long pgd) {
    return Pgtable.entryPfn(pgd);
  }

  /** The entry {@code pgd_populate()} stores to link the table in frame {@code pfn}. */
  public static long mkPgdTable(long pfn) {
    return Pgtable.mkEntry(pfn, Pgtable.TABLE_FLAGS);
  }
}

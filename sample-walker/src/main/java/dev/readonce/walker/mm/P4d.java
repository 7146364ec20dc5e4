package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.PSE;

import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;

/**
 * Tests and constructors of P4D entries ({@code include/linux/pgtable.h}, x86's {@code pgtable.h}).
 *
 * <p>The machine only ever stores none or a table pointer at this level; a leaf test exists so that
 * a walker can say what it checked, as the kernel's {@code p4d_leaf()} does.
 */
public final class P4d {

  private P4d() {}

  /** Models {@code p4d_none()}. */
  @PointerTest(Shows.NONE)
  public static boolean p4dNone(long p4d) {
    return p4d == 0;
  }

  /** Models {@code p4d_present()}. */
  @PointerTest(Shows.PRESENT)
  public static boolean p4dPresent(long p4d) {
    return (p4d & PRESENT) != 0;
  }

  /** Models {@code p4d_leaf()}: the entry maps a huge page rather than a table. */
  @PointerTest(Shows.LEAF)
  public static boolean p4dLeaf(long p4d) {
    return (p4d & PSE) != 0;
  }

  /**
   * The entry points to a lower table: present and not a leaf (the negation of {@code
   * p4d_none_or_clear_bad()}'s "none or bad" on this machine).
   */
  @PointerTest(Shows.TABLE)
  public static boolean p4dTable(long p4d) {
    return p4dPresent(p4d) && !p4dLeaf(p4d);
  }

  /** The frame number of the table (or page) the entry refers to, {@code p4d_pfn()}. */
  public static long p4dPfn(long p4d) {
    return Pgtable.entryPfn(p4d);
  }

  /** The entry {@code p4d_populate()} stores to link the table in frame {@code pfn}. */
  public static long mkP4dTable(long pfn) {
    return Pgtable.mkEntry(pfn, Pgtable.TABLE_FLAGS);
  }
}

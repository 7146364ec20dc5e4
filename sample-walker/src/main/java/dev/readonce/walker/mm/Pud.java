package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pgtable.ACCESSED;
import static dev.readonce.walker.mm.Pgtable.DEVMAP;
import static dev.readonce.walker.mm.Pgtable.DIRTY;
import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.PSE;
import static dev.readonce.walker.mm.Pgtable.RW;
import static dev.readonce.walker.mm.Pgtable.SPECIAL;

import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.annotations.Revalidates;
import dev.readonce.annotations.Snapshot;

/**
 * Tests and constructors of PUD entries ({@code include/linux/pgtable.h}, x86's {@code pgtable.h}).
 *
 * <p>A PUD entry is none, a pointer to a PMD table, or a 1 GiB leaf ({@link Pgtable#PSE}): a
 * dev_dax or huge VM_PFNMAP mapping, the entry the 2026 split/refault race is about.
 */
public final class Pud {

  private Pud() {}

  /** Models {@code pud_none()}. */
  @PointerTest(Shows.NONE)
  public static boolean pudNone(long pud) {
    return pud == 0;
  }

  /** Models {@code pud_present()}. */
  @PointerTest(Shows.PRESENT)
  public static boolean pudPresent(long pud) {
    return (pud & PRESENT) != 0;
  }

  /** Models {@code pud_leaf()}: the entry maps a 1 GiB page rather than a PMD table. */
  @PointerTest(Shows.LEAF)
  public static boolean pudLeaf(long pud) {
    return (pud & PSE) != 0;
  }

  /** The entry points to a PMD table: present and not a leaf (arm64's {@code pud_table()}). */
  @PointerTest(Shows.TABLE)
  public static boolean pudTable(long pud) {
    return pudPresent(pud) && !pudLeaf(pud);
  }

  /** Models x86's {@code pud_trans_huge()}: a huge leaf that is not device memory. */
  public static boolean pudTransHuge(long pud) {
    return (pud & (PSE | DEVMAP)) == PSE;
  }

  /** Models {@code pud_devmap()}. */
  public static boolean pudDevmap(long pud) {
    return (pud & DEVMAP) != 0;
  }

  /** Models {@code pud_write()}. */
  public static boolean pudWrite(long pud) {
    return (pud & RW) != 0;
  }

  /** Models {@code pud_dirty()}. */
  public static boolean pudDirty(long pud) {
    return (pud & DIRTY) != 0;
  }

  /** Models {@code pud_special()}. */
  public static boolean pudSpecial(long pud) {
    return (pud & SPECIAL) != 0;
  }

  /** Models {@code pud_pfn()}. */
  public static long pudPfn(long pud) {
    return Pgtable.entryPfn(pud);
  }

  /** Models {@code pfn_pud()}: frame {@code pfn} with protection {@code prot}, not yet huge. */
  public static long pfnPud(long pfn, long prot) {
    return Pgtable.mkEntry(pfn, prot);
  }

  /** Models {@code pud_mkhuge()}. */
  public static long pudMkhuge(long pud) {
    return pud | PSE;
  }

  /** Models {@code pud_mkdevmap()}. */
  public static long pudMkdevmap(long pud) {
    return pud | DEVMAP;
  }

  /** Models {@code pud_mkspecial()}. */
  public static long pudMkspecial(long pud) {
    return pud | SPECIAL;
  }

  /** Models {@code pud_mkwrite()}. */
  public static long pudMkwrite(long pud) {
    return pud | RW;
  }

  /** Models {@code pud_mkdirty()}. */
  public static long pudMkdirty(long pud) {
    return pud | DIRTY;
  }

  /** Models {@code pud_mkyoung()}. */
  public static long pudMkyoung(long pud) {
    return pud | ACCESSED;
  }

  /** The entry {@code pud_populate()} stores to link the PMD table in frame {@code pfn}. */
  public static long mkPudTable(long pfn) {
    return Pgtable.mkEntry(pfn, Pgtable.TABLE_FLAGS);
  }

  /**
   * Whether slot {@code pudp} still holds the snapshot {@code pud}: {@code pud_same(pud,
   * pudp_get(pudp))}. Meaningful under the slot's lock.
   */
  @Revalidates
  public static boolean pudSame(PudRef pudp, @Snapshot("pudp") long pud) {
    return pudp.get() == pud;
  }
}

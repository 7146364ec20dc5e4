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
 * Tests and constructors of PMD entries ({@code include/linux/pgtable.h}, x86's {@code pgtable.h}).
 *
 * <p>A PMD entry is none, a pointer to a PTE table, a 2 MiB leaf (anonymous THP, dev_dax, huge
 * VM_PFNMAP) or a migration entry: not none, yet not present.
 */
public final class Pmd {

  private Pmd() {}

  /** Models {@code pmd_none()}. */
  @PointerTest(Shows.NONE)
  public static boolean pmdNone(long pmd) {
    return pmd == 0;
  }

  /** Models {@code pmd_present()}; false for a migration entry. */
  @PointerTest(Shows.PRESENT)
  public static boolean pmdPresent(long pmd) {
    return (pmd & PRESENT) != 0;
  }

  /** Models {@code pmd_leaf()}: the entry maps a 2 MiB page rather than a PTE table. */
  @PointerTest(Shows.LEAF)
  public static boolean pmdLeaf(long pmd) {
    return (pmd & PSE) != 0;
  }

  /** The entry points to a PTE table: present and not a leaf (arm64's {@code pmd_table()}). */
  @PointerTest(Shows.TABLE)
  public static boolean pmdTable(long pmd) {
    return pmdPresent(pmd) && !pmdLeaf(pmd);
  }

  /** Models x86's {@code pmd_trans_huge()}: a huge leaf that is not device memory. */
  public static boolean pmdTransHuge(long pmd) {
    return (pmd & (PSE | DEVMAP)) == PSE;
  }

  /** Models {@code pmd_devmap()}. */
  public static boolean pmdDevmap(long pmd) {
    return (pmd & DEVMAP) != 0;
  }

  /** Models {@code is_swap_pmd()}: neither none nor present. */
  public static boolean isSwapPmd(long pmd) {
    return !pmdNone(pmd) && !pmdPresent(pmd);
  }

  /** Models {@code is_pmd_migration_entry()}. */
  public static boolean isPmdMigrationEntry(long pmd) {
    return Swapops.isMigrationEntry(pmd);
  }

  /** Models {@code pmd_write()}. */
  public static boolean pmdWrite(long pmd) {
    return (pmd & RW) != 0;
  }

  /** Models {@code pmd_dirty()}. */
  public static boolean pmdDirty(long pmd) {
    return (pmd & DIRTY) != 0;
  }

  /** Models {@code pmd_special()}. */
  public static boolean pmdSpecial(long pmd) {
    return (pmd & SPECIAL) != 0;
  }

  /** Models {@code pmd_pfn()}. */
  public static long pmdPfn(long pmd) {
    return Pgtable.entryPfn(pmd);
  }

  /** Models {@code pfn_pmd()}: frame {@code pfn} with protection {@code prot}, not yet huge. */
  public static long pfnPmd(long pfn, long prot) {
    return Pgtable.mkEntry(pfn, prot);
  }

  /** Models {@code pmd_mkhuge()}. */
  public static long pmdMkhuge(long pmd) {
    return pmd | PSE;
  }

  /** Models {@code pmd_mkdevmap()}. */
  public static long pmdMkdevmap(long pmd) {
    return pmd | DEVMAP;
  }

  /** Models {@code pmd_mkspecial()}. */
  public static long pmdMkspecial(long pmd) {
    return pmd | SPECIAL;
  }

  /** Models {@code pmd_mkwrite()}. */
  public static long pmdMkwrite(long pmd) {
    return pmd | RW;
  }

  /** Models {@code pmd_mkdirty()}. */
  public static long pmdMkdirty(long pmd) {
    return pmd | DIRTY;
  }

  /** Models {@code pmd_mkyoung()}. */
  public static long pmdMkyoung(long pmd) {
    return pmd | ACCESSED;
  }

  /** The entry {@code pmd_populate()} stores to link the PTE table in frame {@code pfn}. */
  public static long mkPmdTable(long pfn) {
    return Pgtable.mkEntry(pfn, Pgtable.TABLE_FLAGS);
  }

  /**
   * Whether slot {@code pmdp} still holds the snapshot {@code pmdval}: {@code pmd_same(pmdval,
   * pmdp_get_lockless(pmdp))} as {@code __pte_offset_map_lock()} checks it under the PTE lock.
   */
  @Revalidates
  public static boolean pmdSame(PmdRef pmdp, @Snapshot("pmdp") long pmdval) {
    return pmdp.get() == pmdval;
  }
}

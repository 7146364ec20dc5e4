package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pgtable.ACCESSED;
import static dev.readonce.walker.mm.Pgtable.DEVMAP;
import static dev.readonce.walker.mm.Pgtable.DIRTY;
import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.RW;
import static dev.readonce.walker.mm.Pgtable.SPECIAL;

import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.annotations.PointerTest;
import dev.readonce.annotations.PointerTest.Shows;
import dev.readonce.annotations.Revalidates;
import dev.readonce.annotations.Snapshot;

/**
 * Tests and constructors of PTE entries ({@code include/linux/pgtable.h}, x86's {@code pgtable.h}).
 *
 * <p>A PTE is always a leaf: none, a present 4 KiB mapping, or a migration entry.
 */
public final class Pte {

  private Pte() {}

  /** Models {@code pte_none()}. */
  @PointerTest(Shows.NONE)
  public static boolean pteNone(long pte) {
    return pte == 0;
  }

  /** Models {@code pte_present()}. */
  @PointerTest(Shows.PRESENT)
  public static boolean ptePresent(long pte) {
    return (pte & PRESENT) != 0;
  }

  /** Models {@code pte_write()}. */
  public static boolean pteWrite(long pte) {
    return (pte & RW) != 0;
  }

  /** Models {@code pte_dirty()}. */
  public static boolean pteDirty(long pte) {
    return (pte & DIRTY) != 0;
  }

  /** Models {@code pte_young()}. */
  public static boolean pteYoung(long pte) {
    return (pte & ACCESSED) != 0;
  }

  /** Models {@code pte_devmap()}. */
  public static boolean pteDevmap(long pte) {
    return (pte & DEVMAP) != 0;
  }

  /** Models {@code pte_special()}. */
  public static boolean pteSpecial(long pte) {
    return (pte & SPECIAL) != 0;
  }

  /** Models {@code pte_pfn()}. */
  public static long ptePfn(long pte) {
    return Pgtable.entryPfn(pte);
  }

  /** Models {@code pfn_pte()}. */
  public static long pfnPte(long pfn, long prot) {
    return Pgtable.mkEntry(pfn, prot);
  }

  /** Models {@code pte_mkwrite()}. */
  public static long pteMkwrite(long pte) {
    return pte | RW;
  }

  /** Models {@code pte_wrprotect()}. */
  public static long pteWrprotect(long pte) {
    return pte & ~RW;
  }

  /** Models {@code pte_mkdirty()}. */
  public static long pteMkdirty(long pte) {
    return pte | DIRTY;
  }

  /** Models {@code pte_mkclean()}. */
  public static long pteMkclean(long pte) {
    return pte & ~DIRTY;
  }

  /** Models {@code pte_mkyoung()}. */
  public static long pteMkyoung(long pte) {
    return pte | ACCESSED;
  }

  /** Models {@code pte_mkdevmap()}. */
  public static long pteMkdevmap(long pte) {
    return pte | DEVMAP;
  }

  /** Models {@code pte_mkspecial()}. */
  public static long pteMkspecial(long pte) {
    return pte | SPECIAL;
  }

  /**
   * Whether slot {@code ptep} still holds the snapshot {@code pte}: {@code pte_same(pte,
   * ptep_get(ptep))} as the fault handlers check it under the PTE lock.
   */
  @Revalidates
  public static boolean pteSame(PteRef ptep, @Snapshot("ptep") long pte) {
    return ptep.get() == pte;
  }

  /**
   * Models {@code ptep_modify_prot_start()}: atomically clears the PTE and returns what it held,
   * including accessed/dirty bits the hardware set after the caller's read. Hold the PTE lock; the
   * hardware cannot update a cleared entry, so nothing is lost until {@link #ptepModifyProtCommit}.
   */
  @ModifiesSlot(value = "ptep", requiresLock = true)
  public static long ptepModifyProtStart(PteRef ptep) {
    return ptep.getAndClear();
  }

  /**
   * Models {@code ptep_modify_prot_commit()}: stores {@code pte}, built from {@code oldPte} as
   * {@link #ptepModifyProtStart} returned it. Hold the PTE lock.
   */
  @ModifiesSlot(value = "ptep", requiresLock = true)
  public static void ptepModifyProtCommit(PteRef ptep, long oldPte, long pte) {
    if (ptep.get() != 0) {
      throw new IllegalStateException("commit without start: " + ptep + " old " + oldPte);
    }
    ptep.set(pte);
  }
}

package dev.readonce.walker.prerfc;

import static dev.readonce.walker.mm.P4d.p4dNone;
import static dev.readonce.walker.mm.Pgd.pgdNone;
import static dev.readonce.walker.mm.Pgtable.ACCESSED;
import static dev.readonce.walker.mm.Pgtable.DIRTY;
import static dev.readonce.walker.mm.Pgtable.PFN_MASK;
import static dev.readonce.walker.mm.Pgtable.PRESENT;
import static dev.readonce.walker.mm.Pgtable.PSE;
import static dev.readonce.walker.mm.Pgtable.RW;
import static dev.readonce.walker.mm.Pgtable.USER;
import static dev.readonce.walker.mm.Pmd.isSwapPmd;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudTransHuge;
import static dev.readonce.walker.mm.SchedulePoint.WALK_P4D_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PGD_AFTER_READ;

import dev.readonce.annotations.ModifiesSlot;
import dev.readonce.walker.mm.HugeMemory;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.VmArea;

/**
 * The page-table helpers of the historical walks as {@code include/linux/pgtable.h}, {@code
 * include/linux/huge_mm.h} and x86-64's {@code pgtable.h} define them in v5.10 (the same in v5.9,
 * the base of the RFC): the {@code pXd_bad()} tests; {@code pXd_none_or_clear_bad()} and {@code
 * pmd_trans_unstable()}, which clear a bad entry with an unlocked store; the {@code
 * split_huge_pXd()} macros, which peek at the entry before {@code __split_huge_pXd()} takes the
 * lock; and the {@code pXd_offset()} and {@code pte_offset_map()} forms that take a pointer to the
 * upper entry and dereference it again ({@code pmd_offset(pud, addr)} is {@code pud_pgtable(*pud) +
 * index}).
 *
 * <p>Each dereference is {@link dev.readonce.walker.mm.EntryRef#deref()}, the pre-{@code READ_ONCE}
 * {@code *pud}. The error messages of {@code pXd_clear_bad()} ({@code pXd_ERROR()}) are not
 * modelled. A line that breaks a ReadOnce rule names it in an "expect:" marker comment.
 */
public final class PgtableV510 {

  /** x86's {@code _KERNPG_TABLE}: the flags of a page-table entry that points to a table. */
  static final long KERNPG_TABLE = PRESENT | RW | ACCESSED | DIRTY;

  private PgtableV510() {}

  /** Models v5.10's {@code pXd_flags()}: everything but the frame number. */
  private static long flags(long entry) {
    return entry & ~PFN_MASK;
  }

  /** Models x86-64's {@code pgd_bad()} with five-level paging, without page-table isolation. */
  public static boolean pgdBad(long pgd) {
    return (flags(pgd) & ~USER) != KERNPG_TABLE;
  }

  /** Models x86-64's {@code p4d_bad()}: a flag a table pointer never carries (a leaf bit, too). */
  public static boolean p4dBad(long p4d) {
    return (flags(p4d) & ~(KERNPG_TABLE | USER)) != 0;
  }

  /**
   * Models x86's {@code pud_bad()}: true for a huge PUD as well, which is why walkers test it last.
   */
  public static boolean pudBad(long pud) {
    return (flags(pud) & ~(KERNPG_TABLE | USER)) != 0;
  }

  /** Models x86's {@code pmd_bad()}: anything but exactly the flags of a table pointer. */
  public static boolean pmdBad(long pmd) {
    return (flags(pmd) & ~USER) != KERNPG_TABLE;
  }

  /** Models x86's {@code pmd_huge()}: not none, and not a present table pointer. */
  public static boolean pmdHuge(long pmd) {
    return !pmdNone(pmd) && (pmd & (PRESENT | PSE)) != PRESENT;
  }

  /**
   * Models v5.10's {@code pgd_none_or_clear_bad()}: true if the entry is none, or bad, which it
   * then clears. The walker's point {@link
   * dev.readonce.walker.mm.SchedulePoint#WALK_PGD_AFTER_READ} sits after the reads, before the
   * clear.
   */
  public static boolean pgdNoneOrClearBad(MmStruct mm, PgdRef pgd, long addr) {
    boolean none = pgdNone(pgd.deref()); // expect: PlainSlotRead
    boolean bad = !none && pgdBad(pgd.deref()); // expect: PlainSlotRead, UnlockedReread
    mm.schedule().at(WALK_PGD_AFTER_READ, addr);
    if (bad) {
      pgdClearBad(pgd);
    }
    return none || bad;
  }

  /**
   * Models v5.10's {@code p4d_none_or_clear_bad()}, as {@link #pgdNoneOrClearBad} does for the PGD,
   * with {@link dev.readonce.walker.mm.SchedulePoint#WALK_P4D_AFTER_READ} before the clear.
   */
  public static boolean p4dNoneOrClearBad(MmStruct mm, P4dRef p4d, long addr) {
    boolean none = p4dNone(p4d.deref()); // expect: PlainSlotRead
    boolean bad = !none && p4dBad(p4d.deref()); // expect: PlainSlotRead, UnlockedReread
    mm.schedule().at(WALK_P4D_AFTER_READ, addr);
    if (bad) {
      p4dClearBad(p4d);
    }
    return none || bad;
  }

  /** Models v5.10's {@code pgd_clear_bad()}: {@code pgd_clear()}, a store without the lock. */
  static void pgdClearBad(PgdRef pgd) {
    // A writer may have replaced the bad entry under the lock.
    pgd.set(0); // expect: UnlockedSlotWrite
  }

  /** Models v5.10's {@code p4d_clear_bad()}: {@code p4d_clear()}, a store without the lock. */
  static void p4dClearBad(P4dRef p4d) {
    // A writer may have replaced the bad entry under the lock.
    p4d.set(0); // expect: UnlockedSlotWrite
  }

  /**
   * Models v5.10's {@code pmd_trans_unstable()}, that is {@code
   * pmd_none_or_trans_huge_or_clear_bad()}: true if the PMD is none, a huge or migration entry, or
   * bad, which it then clears.
   */
  public static boolean pmdTransUnstable(PmdRef pmd) {
    // pmd_read_atomic(): on x86-64 a plain *pmdp, which barrier() keeps from being read twice.
    long pmdval = pmd.deref(); // expect: PlainSlotRead
    if (pmdNone(pmdval) || pmdTransHuge(pmdval) || !pmdPresent(pmdval)) {
      return true;
    }
    if (pmdBad(pmdval)) {
      // pmd_clear_bad(): cleared on a read made without the lock.
      pmd.set(0); // expect: UnlockedSlotWrite
      return true;
    }
    return false;
  }

  /**
   * Models the {@code split_huge_pud()} macro: peeks at the entry without the lock and, if it is
   * huge, calls {@code __split_huge_pud()}, which takes the lock and checks again.
   */
  @ModifiesSlot("pud")
  public static void splitHugePud(VmArea vma, PudRef pud, long address) {
    // Two peeks: pud_trans_huge() decides on the first read, pud_devmap() on a second one.
    if (pudTransHuge(pud.deref()) // expect: PlainSlotRead
        || pudDevmap(pud.deref())) { // expect: PlainSlotRead, UnlockedReread
      HugeMemory.splitHugePud(vma, pud, address);
    }
  }

  /**
   * Models the {@code split_huge_pmd()} macro: peeks at the entry without the lock and, if it is
   * huge or a migration entry, calls {@code __split_huge_pmd()}, which takes the lock and checks
   * again.
   */
  @ModifiesSlot("pmd")
  public static void splitHugePmd(VmArea vma, PmdRef pmd, long address) {
    // Three peeks: is_swap_pmd() decides on the first read, the other tests on later ones.
    if (isSwapPmd(pmd.deref()) // expect: PlainSlotRead
        || pmdTransHuge(pmd.deref()) // expect: PlainSlotRead, UnlockedReread
        || pmdDevmap(pmd.deref())) { // expect: PlainSlotRead, UnlockedReread
      HugeMemory.splitHugePmd(vma, pmd, address);
    }
  }

  /**
   * Models v5.10's {@code p4d_offset(pgd_t *pgd, addr)}: the P4D slot in the table {@code *pgd}
   * points to.
   */
  public static P4dRef p4dOffset(MmStruct mm, PgdRef pgd, long address) {
    // Each of these descends from a read no test looked at; the caller tested an earlier one.
    long entry = pgd.deref(); // expect: PlainSlotRead
    return P4dRef.p4dOffset(mm, entry, address); // expect: DescentWithoutPointerCheck
  }

  /**
   * Models v5.10's {@code pud_offset(p4d_t *p4d, addr)}: the PUD slot in the table {@code *p4d}
   * points to.
   */
  public static PudRef pudOffset(MmStruct mm, P4dRef p4d, long address) {
    long entry = p4d.deref(); // expect: PlainSlotRead
    return PudRef.pudOffset(mm, entry, address); // expect: DescentWithoutPointerCheck
  }

  /**
   * Models v5.10's {@code pmd_offset(pud_t *pud, addr)}: the PMD slot in the table {@code *pud}
   * points to.
   */
  public static PmdRef pmdOffset(MmStruct mm, PudRef pud, long address) {
    long entry = pud.deref(); // expect: PlainSlotRead
    return PmdRef.pmdOffset(mm, entry, address); // expect: DescentWithoutPointerCheck
  }

  /**
   * Models v5.10's {@code pte_offset_map(pmd_t *pmd, addr)}: the PTE slot in the table {@code *pmd}
   * points to, mapped without a lock and without re-checking the PMD.
   */
  public static PteRef pteOffsetMap(MmStruct mm, PmdRef pmd, long address) {
    long entry = pmd.deref(); // expect: PlainSlotRead
    // Unchecked and unlocked, into a table khugepaged may retract and free.
    return PteRef.pteOffset(mm, entry, address); // expect: DescentWithoutPointerCheck
  }

  /**
   * Models v5.10's {@code pmd_trans_unstable(&pmdval)} on a caller's local copy: true if the copy
   * is none, huge, a migration entry, or bad. A bad copy is cleared, which changes nothing shared:
   * the caller's copy then reads as none.
   */
  public static boolean pmdTransUnstableCopy(long pmdval) {
    return pmdNone(pmdval) || pmdTransHuge(pmdval) || !pmdPresent(pmdval) || pmdBad(pmdval);
  }

  /**
   * Models v5.10's {@code pud_trans_unstable(&pudval)}, that is {@code
   * pud_none_or_trans_huge_or_dev_or_clear_bad()}, on a caller's local copy, as {@link
   * #pmdTransUnstableCopy} does for a PMD.
   */
  public static boolean pudTransUnstableCopy(long pudval) {
    return pudNone(pudval) || pudTransHuge(pudval) || pudDevmap(pudval) || pudBad(pudval);
  }
}

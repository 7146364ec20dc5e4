package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Pmd.isSwapPmd;
import static dev.readonce.walker.mm.Pmd.pmdDevmap;
import static dev.readonce.walker.mm.Pmd.pmdTransHuge;
import static dev.readonce.walker.mm.Pud.pudDevmap;
import static dev.readonce.walker.mm.Pud.pudTransHuge;

import dev.readonce.annotations.LocksSlot;
import dev.readonce.annotations.Snapshot;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The locks of page-table slots ({@code include/linux/mm.h}, {@code mm/huge_memory.c}): which lock
 * guards which slot, and the helpers that take it.
 *
 * <p>Each {@code @LocksSlot} helper returns the lock it took, held; the caller unlocks it. The
 * kernel's spinlocks are not recursive: a thread that takes a lock it already holds deadlocks. The
 * model's locks are {@link ReentrantLock}s, so the helpers fail fast instead: that catches a test
 * schedule action that would deadlock the real kernel.
 */
public final class PgtableLocks {

  private PgtableLocks() {}

  /** Takes {@code lock} as {@code spin_lock()} would, refusing to recurse. */
  static ReentrantLock spinLock(ReentrantLock lock) {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("recursive spin_lock: the kernel would deadlock here");
    }
    lock.lock();
    return lock;
  }

  /** Models {@code pud_lockptr()}: on x86 every PUD (and P4D and PGD) is guarded by one lock. */
  static ReentrantLock pudLockptr(MmStruct mm) {
    return mm.pageTableLock();
  }

  /** Models {@code pmd_lockptr()}: the split lock of the PMD table the slot lives in. */
  static ReentrantLock pmdLockptr(MmStruct mm, PmdRef pmdp) {
    return mm.arena().ptlock(pmdp.tablePfn());
  }

  /** Models {@code pte_lockptr(mm, &pmdval)}: the split lock of the PTE table pmdval points to. */
  static ReentrantLock pteLockptr(MmStruct mm, long pmdval) {
    return mm.arena().ptlock(Pmd.pmdPfn(pmdval));
  }

  /**
   * Takes the lock of PGD slot {@code pgdp}: {@code spin_lock(&mm->page_table_lock)} as {@code
   * __p4d_alloc()} takes it.
   */
  @LocksSlot("pgdp")
  public static Lock pgdLock(MmStruct mm, PgdRef pgdp) {
    return spinLock(pudLockptr(mm));
  }

  /**
   * Takes the lock of P4D slot {@code p4dp}: {@code page_table_lock}, as in {@code __pud_alloc()}.
   */
  @LocksSlot("p4dp")
  public static Lock p4dLock(MmStruct mm, P4dRef p4dp) {
    return spinLock(pudLockptr(mm));
  }

  /** Models {@code pud_lock()}. */
  @LocksSlot("pudp")
  public static Lock pudLock(MmStruct mm, PudRef pudp) {
    return spinLock(pudLockptr(mm));
  }

  /**
   * Models {@code pud_trans_huge_lock()}: takes the PUD's lock and keeps it only if the slot holds
   * a huge entry under the lock; otherwise releases it and returns {@code null}. The kernel first
   * peeks at the slot without the lock, an optimisation the model leaves out so that the only read
   * is the stable one.
   */
  @LocksSlot("pudp")
  public static Lock pudTransHugeLock(PudRef pudp, VmArea vma) {
    ReentrantLock ptl = spinLock(pudLockptr(vma.mm()));
    long pud = pudp.get();
    if (pudTransHuge(pud) || pudDevmap(pud)) {
      return ptl;
    }
    ptl.unlock();
    return null;
  }

  /** Models {@code pmd_lock()}. */
  @LocksSlot("pmdp")
  public static Lock pmdLock(MmStruct mm, PmdRef pmdp) {
    return spinLock(pmdLockptr(mm, pmdp));
  }

  /**
   * Models {@code pmd_trans_huge_lock()}: takes the PMD's lock and keeps it only if the slot holds
   * a huge or swap (migration) entry under the lock; otherwise releases it and returns {@code
   * null}.
   */
  @LocksSlot("pmdp")
  public static Lock pmdTransHugeLock(PmdRef pmdp, VmArea vma) {
    ReentrantLock ptl = spinLock(pmdLockptr(vma.mm(), pmdp));
    long pmd = pmdp.get();
    if (isSwapPmd(pmd) || pmdTransHuge(pmd) || pmdDevmap(pmd)) {
      return ptl;
    }
    ptl.unlock();
    return null;
  }

  /**
   * Takes the lock of the PTE table that the PMD snapshot {@code pmdval} points to, as {@code
   * __pte_offset_map_lock()} does with {@code pte_lockptr(mm, &pmdval)}. That lock guards the
   * table's PTEs, and khugepaged holds it when it clears a PMD pointing to the table; so once the
   * caller has re-checked, under it, that the PMD still holds {@code pmdval}, the link stays and
   * the table's PTEs may be read and written. {@code pmdval} must have been shown to be a table.
   */
  @LocksSlot("pmdval")
  public static Lock pteLock(MmStruct mm, @Snapshot long pmdval) {
    return spinLock(pteLockptr(mm, pmdval));
  }
}

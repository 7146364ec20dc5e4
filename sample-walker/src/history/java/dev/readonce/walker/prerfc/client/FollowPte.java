package dev.readonce.walker.prerfc.client;

import static dev.readonce.walker.mm.P4d.p4dNone;
import static dev.readonce.walker.mm.Pgd.pgdNone;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.Pmd.pmdNone;
import static dev.readonce.walker.mm.Pte.ptePfn;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.prerfc.PgtableV510.p4dBad;
import static dev.readonce.walker.prerfc.PgtableV510.p4dOffset;
import static dev.readonce.walker.prerfc.PgtableV510.pgdBad;
import static dev.readonce.walker.prerfc.PgtableV510.pmdBad;
import static dev.readonce.walker.prerfc.PgtableV510.pmdHuge;
import static dev.readonce.walker.prerfc.PgtableV510.pmdOffset;
import static dev.readonce.walker.prerfc.PgtableV510.pteOffsetMap;
import static dev.readonce.walker.prerfc.PgtableV510.pudBad;
import static dev.readonce.walker.prerfc.PgtableV510.pudOffset;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.VmArea;
import java.util.concurrent.locks.Lock;

/**
 * Looking up the frame behind an address of a VM_IO / VM_PFNMAP mapping as v5.10 does it ({@code
 * follow_pte()} and {@code follow_pfn()} in {@code mm/memory.c}), the ancestor of {@code
 * follow_pfnmap_start()}: every level is tested with two plain reads ({@code pud_none(*pud) ||
 * pud_bad(*pud)}) and descended through a third; huge entries are not followed (a huge PUD is
 * {@code pud_bad()} on x86); the PTE lock is taken without re-checking the PMD.
 */
public final class FollowPte {

  /** What {@code follow_pte()} hands back: the PTE's pointer and, held, the PTE lock. */
  public record PteAndLock(PteRef ptep, Lock ptl) {}

  private FollowPte() {}

  /**
   * Models v5.10's {@code follow_pte()}, that is {@code __follow_pte_pmd()} without a PMD or an
   * invalidation range: the present PTE mapping {@code address}, with its lock held, or {@code
   * null} ({@code -EINVAL}). The caller holds the mm lock for read and unlocks the result's lock.
   */
  public static PteAndLock followPte(MmStruct mm, long address) {
    PgdRef pgd = pgdOffset(mm, address);
    if (pgdNone(pgd.deref()) || pgdBad(pgd.deref())) { // expect: PlainSlotRead, UnlockedReread
      return null;
    }
    // p4d_offset(pgd) reads the PGD a third time.
    P4dRef p4d = p4dOffset(mm, pgd, address); // expect: SnapshotNotPassed
    if (p4dNone(p4d.deref()) || p4dBad(p4d.deref())) { // expect: PlainSlotRead, UnlockedReread
      return null;
    }
    // pud_offset(p4d) reads the P4D a third time.
    PudRef pud = pudOffset(mm, p4d, address); // expect: SnapshotNotPassed
    if (pudNone(pud.deref()) || pudBad(pud.deref())) { // expect: PlainSlotRead, UnlockedReread
      return null;
    }
    // pmd_offset(pud) reads the PUD a third time.
    PmdRef pmd = pmdOffset(mm, pud, address); // expect: SnapshotNotPassed
    // VM_BUG_ON(pmd_trans_huge(*pmd)) is a debugging check, not in production kernels.
    if (pmdHuge(pmd.deref())) { // expect: PlainSlotRead
      return null; // a huge PMD is followed only for a caller that asks for the PMD
    }
    if (pmdNone(pmd.deref()) || pmdBad(pmd.deref())) { // expect: PlainSlotRead, UnlockedReread
      return null;
    }
    // pte_offset_map_lock(): *pmd for the lock, *pmd again for the table, no re-check.
    long pmdval = pmd.deref(); // expect: PlainSlotRead, UnlockedReread
    // The lock is the table of one read, the PTE is in the table of the next.
    PteRef ptep = pteOffsetMap(mm, pmd, address); // expect: SnapshotNotPassed
    Lock ptl = pteLock(mm, pmdval);
    // The lock held is the one of the table pmdval points to, not necessarily ptep's.
    if (!ptePresent(ptep.deref())) { // expect: PlainSlotRead
      ptl.unlock();
      return null;
    }
    return new PteAndLock(ptep, ptl);
  }

  /**
   * Models v5.10's {@code follow_pfn()}: the frame mapped at {@code address} of a VM_IO / VM_PFNMAP
   * {@code vma}, or {@code null} ({@code -EINVAL}).
   */
  public static Long followPfn(VmArea vma, long address) {
    if ((vma.flags() & (VmArea.VM_IO | VmArea.VM_PFNMAP)) == 0) {
      return null;
    }
    PteAndLock found = followPte(vma.mm(), address);
    if (found == null) {
      return null;
    }
    PteRef ptep = found.ptep();
    // Under the lock follow_pte() returned, which need not be ptep's.
    long pfn = ptePfn(ptep.deref()); // expect: PlainSlotRead
    found.ptl().unlock(); // pte_unmap_unlock()
    return pfn;
  }
}

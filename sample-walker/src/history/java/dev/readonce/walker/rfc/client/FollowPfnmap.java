package dev.readonce.walker.rfc.client;

import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PUD_MASK;
import static dev.readonce.walker.mm.P4d.p4dNone;
import static dev.readonce.walker.mm.Pgd.pgdNone;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.PgtableLocks.pudLock;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdSpecial;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pmd.pmdWrite;
import static dev.readonce.walker.mm.Pte.ptePfn;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.Pte.pteSpecial;
import static dev.readonce.walker.mm.Pte.pteWrite;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPfn;
import static dev.readonce.walker.mm.Pud.pudSpecial;
import static dev.readonce.walker.mm.Pud.pudWrite;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PMD_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PUD_BEFORE_LOCK;
import static dev.readonce.walker.prerfc.PgtableV510.p4dBad;
import static dev.readonce.walker.prerfc.PgtableV510.p4dOffset;
import static dev.readonce.walker.prerfc.PgtableV510.pgdBad;
import static dev.readonce.walker.prerfc.PgtableV510.pmdOffset;
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
 * {@code follow_pfnmap_start()} ({@code mm/memory.c}) as 6da8e9634bb7 ("mm: new follow_pfnmap API",
 * v6.12) introduced it and as it stayed until ffef67b93aa3 ("mm/memory: fix PMD/PUD checks in
 * follow_pfnmap_start()", 2026), the sister bug of the split/refault race: having seen a huge PUD
 * or PMD in its unlocked snapshot, it takes the entry's lock and then tests that same pre-lock
 * snapshot again ({@code if (!unlikely(pud_leaf(pud)))}), which cannot have changed; a zap between
 * the snapshot and the lock goes unnoticed and the frame of a mapping that no longer exists is
 * returned, with the lock held. The upper levels are read the 2024 way: {@code pgd_none(*pgdp) ||
 * pgd_bad(*pgdp)} and the {@code pXd_offset()} forms that read the upper entry again.
 *
 * <p>Not the RFC's own code (it came four years later); it is here, in the RFC's variant, as the
 * same half-applied discipline: a snapshot, but no re-validation after the lock. The PTE level is
 * modelled as the fixed client models it: {@code pte_offset_map_lock()} has re-checked the PMD
 * under the PTE lock since v6.5.
 */
public final class FollowPfnmap {

  /** The result of a lookup: the frame, its flags, and the lock that keeps it mapped. */
  public record PfnmapArgs(long pfn, boolean writable, boolean special, Lock lock) {}

  private FollowPfnmap() {}

  /**
   * Models {@code follow_pfnmap_start()} before ffef67b93aa3: the frame mapped at {@code address}
   * of a VM_IO / VM_PFNMAP {@code vma}, with the entry's lock held, or {@code null} ({@code
   * -EINVAL}). The caller holds the mm lock for read and calls {@link #followPfnmapEnd}.
   */
  public static PfnmapArgs followPfnmapStart(VmArea vma, long address) {
    MmStruct mm = vma.mm();
    mm.mmapAssertLocked();
    if (!vma.contains(address) || (vma.flags() & (VmArea.VM_IO | VmArea.VM_PFNMAP)) == 0) {
      return null;
    }
    for (; ; ) { // retry:
      PgdRef pgdp = pgdOffset(mm, address);
      if (pgdNone(pgdp.deref()) || pgdBad(pgdp.deref())) { // expect: PlainSlotRead, UnlockedReread
        return null;
      }
      // p4d_offset(pgdp) reads the PGD again.
      P4dRef p4dp = p4dOffset(mm, pgdp, address); // expect: SnapshotNotPassed
      long p4d = p4dp.get(); // READ_ONCE(*p4dp)
      if (p4dNone(p4d) || p4dBad(p4d)) {
        return null;
      }
      // pud_offset(p4dp) reads the P4D again, though p4d holds it.
      PudRef pudp = pudOffset(mm, p4dp, address); // expect: SnapshotNotPassed
      long pud = pudp.get(); // READ_ONCE(*pudp)
      if (pudNone(pud)) {
        return null;
      }
      if (pudLeaf(pud)) {
        mm.schedule().at(FOLLOW_PFNMAP_PUD_BEFORE_LOCK, address);
        Lock lock = pudLock(mm, pudp);
        // Tests the pre-lock snapshot, which a zap may have made stale (ffef67b93aa3).
        if (!pudLeaf(pud)) { // expect: MissingRevalidation
          lock.unlock();
          continue;
        }
        long pfn = pudPfn(pud) + ((address & ~PUD_MASK) >>> PAGE_SHIFT);
        return new PfnmapArgs(pfn, pudWrite(pud), pudSpecial(pud), lock);
      }
      // pmd_offset(pudp) reads the PUD again, though pud holds it.
      PmdRef pmdp = pmdOffset(mm, pudp, address); // expect: SnapshotNotPassed
      long pmd = pmdp.get(); // pmdp_get_lockless()
      if (pmdLeaf(pmd)) {
        mm.schedule().at(FOLLOW_PFNMAP_PMD_BEFORE_LOCK, address);
        Lock lock = pmdLock(mm, pmdp);
        // Tests the pre-lock snapshot, as for the PUD.
        if (!pmdLeaf(pmd)) { // expect: MissingRevalidation
          lock.unlock();
          continue;
        }
        long pfn = pmdPfn(pmd) + ((address & ~PMD_MASK) >>> PAGE_SHIFT);
        return new PfnmapArgs(pfn, pmdWrite(pmd), pmdSpecial(pmd), lock);
      }
      if (!pmdTable(pmd)) {
        return null;
      }
      // pte_offset_map_lock(): the table's lock, and the PMD re-checked under it.
      Lock lock = pteLock(mm, pmd);
      if (!pmdSame(pmdp, pmd)) {
        lock.unlock();
        continue;
      }
      PteRef ptep = pteOffset(mm, pmd, address);
      long pte = ptep.get();
      if (!ptePresent(pte)) {
        lock.unlock();
        return null;
      }
      return new PfnmapArgs(ptePfn(pte), pteWrite(pte), pteSpecial(pte), lock);
    }
  }

  /**
   * Models v6.12's {@code follow_pfnmap_end()}: releases the lock {@link #followPfnmapStart}
   * returned.
   */
  public static void followPfnmapEnd(PfnmapArgs args) {
    args.lock().unlock();
  }
}

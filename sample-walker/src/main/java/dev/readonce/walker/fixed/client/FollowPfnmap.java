package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.Layout.PAGE_SHIFT;
import static dev.readonce.walker.mm.Layout.PMD_MASK;
import static dev.readonce.walker.mm.Layout.PUD_MASK;
import static dev.readonce.walker.mm.P4d.p4dTable;
import static dev.readonce.walker.mm.P4dRef.p4dOffset;
import static dev.readonce.walker.mm.Pgd.pgdTable;
import static dev.readonce.walker.mm.PgdRef.pgdOffset;
import static dev.readonce.walker.mm.PgtableLocks.pmdLock;
import static dev.readonce.walker.mm.PgtableLocks.pteLock;
import static dev.readonce.walker.mm.PgtableLocks.pudLock;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdPfn;
import static dev.readonce.walker.mm.Pmd.pmdPresent;
import static dev.readonce.walker.mm.Pmd.pmdSame;
import static dev.readonce.walker.mm.Pmd.pmdSpecial;
import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pmd.pmdWrite;
import static dev.readonce.walker.mm.PmdRef.pmdOffset;
import static dev.readonce.walker.mm.Pte.ptePfn;
import static dev.readonce.walker.mm.Pte.ptePresent;
import static dev.readonce.walker.mm.Pte.pteSpecial;
import static dev.readonce.walker.mm.Pte.pteWrite;
import static dev.readonce.walker.mm.PteRef.pteOffset;
import static dev.readonce.walker.mm.Pud.pudLeaf;
import static dev.readonce.walker.mm.Pud.pudNone;
import static dev.readonce.walker.mm.Pud.pudPfn;
import static dev.readonce.walker.mm.Pud.pudPresent;
import static dev.readonce.walker.mm.Pud.pudSpecial;
import static dev.readonce.walker.mm.Pud.pudWrite;
import static dev.readonce.walker.mm.PudRef.pudOffset;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PMD_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PUD_BEFORE_LOCK;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.VmArea;
import java.util.concurrent.locks.Lock;

/**
 * Looking up the frame behind an address of a VM_IO / VM_PFNMAP mapping ({@code
 * follow_pfnmap_start()} and {@code follow_pfnmap_end()} in {@code mm/memory.c}), as KVM and vfio
 * do, with the fix of ffef67b93aa3 ("mm/memory: fix PMD/PUD checks in follow_pfnmap_start()"):
 * after taking a huge entry's lock, read the entry again and test it again; the snapshot that led
 * to the lock may have been zapped meanwhile.
 */
public final class FollowPfnmap {

  /**
   * The result of a lookup, the output of {@code struct follow_pfnmap_args}: the frame, whether the
   * mapping is writable and special, and the lock that keeps it mapped until {@link
   * #followPfnmapEnd}.
   */
  public record PfnmapArgs(long pfn, boolean writable, boolean special, Lock lock) {}

  private FollowPfnmap() {}

  /**
   * Models {@code follow_pfnmap_start()}: the frame mapped at {@code address} of {@code vma}, with
   * the entry's lock held, or {@code null} ({@code -EINVAL}) if nothing is mapped there or the VMA
   * is not a pfn mapping. The caller holds the mm lock for read and must call {@link
   * #followPfnmapEnd} on a non-null result.
   */
  public static PfnmapArgs followPfnmapStart(VmArea vma, long address) {
    MmStruct mm = vma.mm();
    mm.mmapAssertLocked();
    if (!vma.contains(address) || (vma.flags() & (VmArea.VM_IO | VmArea.VM_PFNMAP)) == 0) {
      return null;
    }
    for (; ; ) { // retry
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
      PudRef pudp = pudOffset(mm, p4d, address);
      long pud = pudp.get();
      // Mainline order: nothing to follow unless present; then a leaf is handled under the lock
      // and anything else is a table.
      if (!pudPresent(pud)) {
        return null;
      }
      if (pudLeaf(pud)) {
        mm.schedule().at(FOLLOW_PFNMAP_PUD_BEFORE_LOCK, address);
        Lock lock = pudLock(mm, pudp);
        long locked = pudp.get(); // ffef67b93aa3: decide on the entry as it is under the lock
        if (!pudPresent(locked)) {
          lock.unlock();
          return null;
        }
        if (!pudLeaf(locked)) {
          lock.unlock();
          continue;
        }
        long pfn = pudPfn(locked) + ((address & ~PUD_MASK) >>> PAGE_SHIFT);
        return new PfnmapArgs(pfn, pudWrite(locked), pudSpecial(locked), lock);
      }
      PmdRef pmdp = pmdOffset(mm, pud, address);
      long pmd = pmdp.get();
      if (pmdPresent(pmd) && pmdLeaf(pmd)) {
        mm.schedule().at(FOLLOW_PFNMAP_PMD_BEFORE_LOCK, address);
        Lock lock = pmdLock(mm, pmdp);
        long locked = pmdp.get(); // ffef67b93aa3, as for the PUD
        if (!pmdPresent(locked)) {
          lock.unlock();
          return null;
        }
        if (!pmdLeaf(locked)) {
          lock.unlock();
          continue;
        }
        long pfn = pmdPfn(locked) + ((address & ~PMD_MASK) >>> PAGE_SHIFT);
        return new PfnmapArgs(pfn, pmdWrite(locked), pmdSpecial(locked), lock);
      }
      if (!pmdTable(pmd)) {
        return null;
      }
      // pte_offset_map_lock(): the PMD is not stable after pointer.
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

  /** Models {@code follow_pfnmap_end()}: releases the lock {@link #followPfnmapStart} returned. */
  public static void followPfnmapEnd(PfnmapArgs args) {
    args.lock().unlock();
  }
}

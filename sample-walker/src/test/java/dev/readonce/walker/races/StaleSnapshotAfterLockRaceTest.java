package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PMD_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.FOLLOW_PFNMAP_PUD_BEFORE_LOCK;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pud;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.rfc.client.FollowPfnmap;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * The sister bug, ffef67b93aa3 ("mm/memory: fix PMD/PUD checks in follow_pfnmap_start()", 2026).
 * {@code follow_pfnmap_start()} reads a huge PUD (or PMD) of a VM_PFNMAP mapping, then takes its
 * lock; a zap clears it in between. Before the fix, the function tests its pre-lock snapshot again
 * under the lock, which has not changed, and returns the frame of a mapping that no longer exists,
 * with the lock held, to a caller (KVM, vfio) that will map that frame for a guest or a device. The
 * fix reads the entry again under the lock and tests that.
 *
 * <p>Backs {@code MissingRevalidation}.
 */
class StaleSnapshotAfterLockRaceTest {

  private static final long BAR = PUD_SIZE;
  private static final long BAR_PFN = 0x200000;

  /** A VM_PFNMAP mapping faulted in by one huge PUD (or, with 2 MiB alignment, huge PMDs). */
  private static VmArea bar(long align) {
    MmStruct mm = new MmStruct();
    VmArea bar = mm.mmapPfnmap(BAR, BAR + PUD_SIZE, VM_READ, BAR_PFN, align);
    Tables.fault(bar, BAR, false);
    return bar;
  }

  private static void zapBefore(VmArea bar, SchedulePoint point) {
    bar.mm()
        .schedule()
        .once(
            point,
            addr ->
                Tables.withReadLock(
                    bar.mm(),
                    () -> {
                      Zap.zapPageRange(bar, BAR, BAR + PUD_SIZE);
                      return null;
                    }));
  }

  @Test
  void beforeTheFixTheZappedPudsFrameIsReturnedWithItsLock() {
    VmArea bar = bar(PUD_SIZE);
    zapBefore(bar, FOLLOW_PFNMAP_PUD_BEFORE_LOCK);

    FollowPfnmap.PfnmapArgs args =
        Tables.withReadLock(bar.mm(), () -> FollowPfnmap.followPfnmapStart(bar, BAR + PAGE_SIZE));

    assertTrue(Pud.pudNone(Tables.pud(bar.mm(), BAR)), "the zap ran in the window");
    assertEquals(BAR_PFN + 1, args.pfn(), "the frame of a mapping that is gone");
    assertTrue(((ReentrantLock) args.lock()).isHeldByCurrentThread());
    FollowPfnmap.followPfnmapEnd(args);
  }

  @Test
  void beforeTheFixTheZappedPmdsFrameIsReturnedToo() {
    VmArea bar = bar(PMD_SIZE);
    assertTrue(Pmd.pmdLeaf(Tables.pmd(bar.mm(), BAR)));
    zapBefore(bar, FOLLOW_PFNMAP_PMD_BEFORE_LOCK);

    assertEquals(BAR_PFN + 1, Variant.RFC.followPfn(bar, BAR + PAGE_SIZE));
    assertTrue(Pmd.pmdNone(Tables.pmd(bar.mm(), BAR)), "the zap ran in the window");
  }

  @Test
  void mainlineReadsTheEntryAgainUnderTheLockAndFindsNothing() {
    VmArea pud = bar(PUD_SIZE);
    zapBefore(pud, FOLLOW_PFNMAP_PUD_BEFORE_LOCK);
    assertNull(Variant.FIXED.followPfn(pud, BAR + PAGE_SIZE));
    assertFalse(pud.mm().schedule().hasPending());

    VmArea pmd = bar(PMD_SIZE);
    zapBefore(pmd, FOLLOW_PFNMAP_PMD_BEFORE_LOCK);
    assertNull(Variant.FIXED.followPfn(pmd, BAR + PAGE_SIZE));
    assertFalse(pmd.mm().schedule().hasPending());
  }

  @Test
  void v510FollowPfnNeverFollowedHugeEntries() {
    // follow_pte() gives up on a huge PUD (pud_bad() on x86) or PMD before any lock: no frame is
    // returned, zap or no zap, and the windows above do not exist there.
    VmArea pud = bar(PUD_SIZE);
    assertNull(Variant.PRERFC.followPfn(pud, BAR + PAGE_SIZE));
    VmArea pmd = bar(PMD_SIZE);
    assertNull(Variant.PRERFC.followPfn(pmd, BAR + PAGE_SIZE));
  }
}

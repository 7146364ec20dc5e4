package dev.readonce.walker.fixed;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.PTE_OFFSET_MAP_BEFORE_LOCK;
import static dev.readonce.walker.mm.SchedulePoint.WALK_P4D_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PGD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PTE_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_SPLIT;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_BEFORE_DESCENT;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.walker.fixed.client.FollowPfnmap;
import dev.readonce.walker.fixed.client.Hmm;
import dev.readonce.walker.fixed.client.HmmRange;
import dev.readonce.walker.fixed.client.Ptdump;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Schedule;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The schedule points the race tests rely on are reached, in the documented order. */
class SchedulePointsTest {

  private static final long SMALL = 0x3fc0_0000L;
  private static final long THP = 0x3fe0_0000L;
  private static final long DAX = 0x4000_0000L;
  private static final long BAR = 2 * PUD_SIZE;
  private static final long BAR2 = 3 * PUD_SIZE;

  private record Run(
      List<Schedule.Hit> faults,
      List<Schedule.Hit> hmm,
      List<Schedule.Hit> follow,
      List<Schedule.Hit> dump) {
    Set<SchedulePoint> points() {
      return java.util.stream.Stream.of(faults, hmm, follow, dump)
          .flatMap(List::stream)
          .map(Schedule.Hit::point)
          .collect(Collectors.toCollection(() -> EnumSet.noneOf(SchedulePoint.class)));
    }
  }

  /**
   * Faults a layout in, snapshots it with HMM, follows two pfn maps, dumps it (a walk without
   * VMAs); traces each phase.
   */
  private static Run run() {
    MmStruct mm = new MmStruct();
    VmArea small = mm.mmapAnon(SMALL, THP, VM_READ | VM_WRITE);
    VmArea thp = mm.mmapAnon(THP, DAX, VM_READ | VM_WRITE | VM_HUGEPAGE);
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, 0x100000, PUD_SIZE);
    VmArea bar = mm.mmapPfnmap(BAR, BAR + PUD_SIZE, VM_READ, 0x200000, PUD_SIZE);
    VmArea bar2 = mm.mmapPfnmap(BAR2, BAR2 + PMD_SIZE, VM_READ, 0x300000, PMD_SIZE);

    mm.schedule().startTracing();
    Tables.fault(small, SMALL, true);
    Tables.fault(thp, THP, true);
    Tables.fault(dax, DAX, true);
    Tables.fault(bar, BAR, false);
    Tables.fault(bar2, BAR2, false);
    List<Schedule.Hit> faults = mm.schedule().stopTracing();

    mm.schedule().startTracing();
    int ret =
        Tables.withReadLock(
            mm, () -> Hmm.hmmRangeFault(mm, HmmRange.snapshot(SMALL, DAX + 2 * PAGE_SIZE)));
    assertEquals(0, ret);
    List<Schedule.Hit> hmm = mm.schedule().stopTracing();

    mm.schedule().startTracing();
    Tables.withReadLock(
        mm,
        () -> {
          FollowPfnmap.followPfnmapEnd(FollowPfnmap.followPfnmapStart(bar, BAR));
          FollowPfnmap.followPfnmapEnd(FollowPfnmap.followPfnmapStart(bar2, BAR2));
          return null;
        });
    List<Schedule.Hit> follow = mm.schedule().stopTracing();

    mm.schedule().startTracing();
    Ptdump.ptdumpWalkPgd(mm, List.of(new Ptdump.PtdumpRange(SMALL, DAX)));
    return new Run(faults, hmm, follow, mm.schedule().stopTracing());
  }

  @Test
  void everyDocumentedPointIsReached() {
    assertEquals(EnumSet.allOf(SchedulePoint.class), run().points());
  }

  @Test
  void aPassDownToAPteHitsThePointsInWalkOrder() {
    List<SchedulePoint> atSmall =
        run().hmm().stream()
            .filter(h -> h.addr() == SMALL)
            .map(Schedule.Hit::point)
            .collect(Collectors.toList());

    assertEquals(
        List.of(
            WALK_PGD_AFTER_READ,
            WALK_P4D_AFTER_READ,
            WALK_PUD_AFTER_READ,
            WALK_PUD_AFTER_SPLIT,
            WALK_PUD_BEFORE_DESCENT,
            WALK_PMD_AFTER_READ,
            WALK_PMD_AFTER_SPLIT,
            PTE_OFFSET_MAP_BEFORE_LOCK,
            WALK_PTE_AFTER_READ),
        atSmall);
  }

  @Test
  void hugeEntriesReachTheCallbacksPoints() {
    Run run = run();
    List<SchedulePoint> atThp = pointsAt(run.hmm(), THP);
    List<SchedulePoint> atDax = pointsAt(run.hmm(), DAX);
    List<SchedulePoint> follow = run.follow().stream().map(Schedule.Hit::point).toList();

    // Each VMA's walk starts again from the PGD.
    assertEquals(
        List.of(
            WALK_PGD_AFTER_READ,
            WALK_P4D_AFTER_READ,
            WALK_PUD_AFTER_READ,
            WALK_PUD_AFTER_SPLIT,
            WALK_PUD_BEFORE_DESCENT,
            WALK_PMD_AFTER_READ,
            SchedulePoint.HMM_WALK_PMD_BEFORE_HANDLE),
        atThp,
        "a huge PMD: the callback handles it, the walker does not split it");
    assertEquals(
        List.of(
            WALK_PGD_AFTER_READ,
            WALK_P4D_AFTER_READ,
            WALK_PUD_AFTER_READ,
            SchedulePoint.HMM_WALK_PUD_BEFORE_LOCK),
        atDax,
        "a huge PUD: the callback handles it under its lock");
    assertEquals(
        List.of(
            SchedulePoint.FOLLOW_PFNMAP_PUD_BEFORE_LOCK,
            SchedulePoint.FOLLOW_PFNMAP_PMD_BEFORE_LOCK),
        follow);
  }

  private static List<SchedulePoint> pointsAt(List<Schedule.Hit> hits, long addr) {
    return hits.stream().filter(h -> h.addr() == addr).map(Schedule.Hit::point).toList();
  }
}

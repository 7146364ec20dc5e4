package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PMD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PTE_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_NOVMA_AFTER_LEAF_TEST;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Schedule;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * v5.10's walk without VMAs ({@code walk_page_range_novma()}, as ptdump uses it) tests {@code
 * pud_none(*pud)}, {@code pud_leaf(*pud)} and {@code pud_present(*pud)}, each on a read of its own,
 * and descends through a fourth ({@code pmd_offset(pud, addr)}). The dev_dax GiB is mapped by a
 * huge PUD when the walk first reads it; a zap clears it before the leaf test, and a refault maps
 * it again before the present test. Every test passes, and the walk descends into the huge page's
 * first frame as if it were a PMD table: 512 data words taken for PMDs, each followed to a "PTE
 * table" of 512 more. The RFC's single {@code READ_ONCE} decides all of them on the first read.
 *
 * <p>Backs {@code UnlockedReread} and {@code PlainSlotRead} (each read is a plain {@code *pud}),
 * and {@code SnapshotNotPassed} ({@code walk_pmd_range()} given the pointer).
 */
class PreRfcDoubleReadRaceTest {

  private static final long DAX = PUD_SIZE;
  private static final long DAX_PFN = 0x100000;

  private record Run(List<String> dump, Map<SchedulePoint, Long> hits, boolean leftOver) {}

  /** Dumps the GiB while a zap and a refault hit the two windows between the walker's reads. */
  private static Run run(Variant variant) {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, DAX, false);
    mm.schedule()
        .once(
            WALK_PUD_AFTER_READ,
            DAX,
            addr ->
                Tables.withReadLock(
                    mm,
                    () -> {
                      Zap.zapPageRange(dax, DAX, DAX + PUD_SIZE);
                      return null;
                    }));
    mm.schedule().once(WALK_PUD_NOVMA_AFTER_LEAF_TEST, DAX, addr -> Tables.fault(dax, DAX, false));
    mm.schedule().startTracing();
    List<String> dump = variant.ptdump(mm, DAX, DAX + PUD_SIZE);
    Map<SchedulePoint, Long> hits =
        mm.schedule().stopTracing().stream()
            .collect(Collectors.groupingBy(Schedule.Hit::point, Collectors.counting()));
    return new Run(dump, hits, mm.schedule().hasPending());
  }

  @Test
  void preRfcDescendsIntoTheHugePageAsIfItWereAPmdTable() {
    Run run = run(Variant.PRERFC);

    // 512 words of the device page read as PMDs, each taken for a PTE table of 512 PTEs.
    assertEquals(512L, run.hits().get(WALK_PMD_AFTER_READ));
    assertEquals(512L * 512, run.hits().get(WALK_PTE_AFTER_READ));
    // The dump reports the GiB as mapped by 262144 writable 4 KiB PTEs, which never existed.
    assertEquals(List.of("0x0000000040000000-0x0000000080000000  1G  pte  RW"), run.dump());
    assertFalse(run.leftOver(), "both writer steps ran in their windows");
  }

  @Test
  void withOneReadTheWalkDecidesOnTheHugePudItRead() {
    for (Variant variant : List.of(Variant.RFC, Variant.FIXED)) {
      Run run = run(variant);

      assertEquals(
          List.of("0x0000000040000000-0x0000000080000000  1G  pud  RW  huge devmap"),
          run.dump(),
          variant.name());
      assertNull(run.hits().get(WALK_PMD_AFTER_READ), variant.name());
      // The snapshot is a leaf: the walk never reaches the present test, so the refault's window
      // does not open.
      assertTrue(run.leftOver(), variant.name());
    }
  }
}

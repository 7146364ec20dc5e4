package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.PTE_OFFSET_MAP_BEFORE_LOCK;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.Khugepaged;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pgtable;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An HMM snapshot of two file pages mapped by one PTE table. The walker has read the PMD (a table),
 * and {@code pte_offset_map_lock()} has read it again for the lock and for the table; before the
 * lock is taken, khugepaged retracts the table (as it may, since v6.5, under the mm lock held for
 * read) and its frame is handed out again, as a data page. v5.10's {@code pte_offset_map_lock()},
 * which the RFC left alone, takes the lock and walks the frame without checking that the PMD still
 * points to it: HMM reports, as the frames it mirrors, numbers it read out of somebody's data.
 * Mainline's {@code __pte_offset_map_lock()} re-checks {@code pmd_same()} under the lock, finds the
 * PMD none and retries: the pages are reported unmapped.
 *
 * <p>Backs {@code DescentWithoutPointerCheck} (a descent into a PTE table without the lock and the
 * re-check) and {@code SnapshotNotPassed} (the lock and the table from two reads).
 */
class PteTableRetractedRaceTest {

  private static final long HMM_VALID_WRITE = (1L << 63) | (1L << 62);

  private record Run(List<Long> words, long table, long reused) {}

  private static Run run(Variant variant) {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea vma = mm.mmapFile(file, 0, PUD_SIZE, 0, VM_READ);
    Tables.fault(vma, 0, false);
    Tables.fault(vma, PAGE_SIZE, false);
    long table = Pmd.pmdPfn(Tables.pmd(mm, 0));
    long[] reused = new long[1];
    mm.schedule()
        .once(
            PTE_OFFSET_MAP_BEFORE_LOCK,
            addr -> {
              assertTrue(Khugepaged.retractPageTable(vma, 0));
              reused[0] = mm.arena().allocPage();
            });

    long[] words = variant.hmmSnapshot(mm, 0, 2 * PAGE_SIZE);

    assertFalse(mm.schedule().hasPending(), "the retraction ran in the window");
    return new Run(Arrays.stream(words).boxed().toList(), table, reused[0]);
  }

  @Test
  void withoutTheRecheckHmmReportsFramesReadOutOfAReusedPage() {
    for (Variant variant : List.of(Variant.PRERFC, Variant.RFC)) {
      Run run = run(variant);

      assertEquals(run.table(), run.reused(), "the retracted table's frame now holds data");
      List<Long> bogus = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        bogus.add(Pgtable.entryPfn(Arena.dataWord(run.table(), i)) | HMM_VALID_WRITE);
      }
      assertEquals(bogus, run.words(), variant.name());
    }
  }

  @Test
  void mainlineRechecksThePmdUnderTheLockAndReportsNothingMapped() {
    Run run = run(Variant.FIXED);

    assertEquals(run.table(), run.reused());
    assertEquals(List.of(0L, 0L), run.words());
  }
}

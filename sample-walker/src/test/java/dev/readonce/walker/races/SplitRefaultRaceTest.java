package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_SPLIT;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2026 split/refault race (3b89863c3fa4, "mm/pagewalk: fix race between concurrent split and
 * refault"). A walk with a {@code pmd_entry} meets a huge dev_dax PUD and splits it ({@code
 * split_huge_pud()} zaps a device PUD); before the walker reads the PUD again, a fault maps the GiB
 * again with a huge PUD. The RFC re-reads into its snapshot and tests only {@code pud_none(pud)},
 * which the huge PUD passes; v5.10 tests {@code pud_none(*pud)}, with the same result. Both walk
 * the device page's first frame as a PMD table: the callback is handed 512 data words as PMDs, and
 * {@code pmd_trans_unstable()}, finding each "bad", clears it, writing zeros over the first 4 KiB
 * of the mapped device memory. Mainline descends only from a snapshot shown to be a table, and
 * otherwise reads the PUD again in a new pass.
 *
 * <p>Backs {@code DescentWithoutPointerCheck}.
 */
class SplitRefaultRaceTest {

  private static final long DAX = PUD_SIZE;
  private static final long DAX_PFN = 0x100000;

  private record Run(List<String> log, List<Long> firstFrame) {}

  private static Run run(Variant variant) {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, DAX, false);
    mm.schedule().once(WALK_PUD_AFTER_SPLIT, addr -> Tables.fault(dax, addr, false));

    List<String> log = variant.record(mm, DAX, DAX + PUD_SIZE);

    assertFalse(mm.schedule().hasPending(), "the refault ran in the window");
    return new Run(log, Arrays.stream(mm.arena().words(DAX_PFN)).boxed().toList());
  }

  private static List<Long> dataPattern(long pfn) {
    List<Long> words = new ArrayList<>();
    for (int i = 0; i < 512; i++) {
      words.add(Arena.dataWord(pfn, i));
    }
    return words;
  }

  @Test
  void theRfcAndV510DescendIntoTheRefaultedHugePage() {
    for (Variant variant : List.of(Variant.RFC, Variant.PRERFC)) {
      Run run = run(variant);

      List<String> bogus = new ArrayList<>();
      for (long addr = DAX; addr < DAX + PUD_SIZE; addr += PMD_SIZE) {
        bogus.add(String.format("pmd %x DATA", addr));
        bogus.add(String.format("hole %x-%x 3", addr, addr + PMD_SIZE));
      }
      assertEquals(bogus, run.log().subList(1, run.log().size()), variant.name());
      assertTrue(run.log().get(0).startsWith("pud 40000000 "), variant.name());
      // pmd_clear_bad() on each "PMD": the device memory the huge PUD maps now reads as zeros.
      assertEquals(Collections.nCopies(512, 0L), run.firstFrame(), variant.name());
    }
  }

  @Test
  void mainlineRetriesAndReportsTheHugePud() {
    Run run = run(Variant.FIXED);

    // The new pass finds the refaulted huge PUD and hands it to pud_entry; the walker then splits
    // it for real and, in a third pass, reports the hole.
    assertEquals(
        List.of("pud 40000000 leaf", "pud 40000000 leaf", "hole 40000000-80000000 2"), run.log());
    assertEquals(dataPattern(DAX_PFN), run.firstFrame(), "the device page is untouched");
  }
}

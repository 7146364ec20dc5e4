package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readonce.walker.fixed.client.Ptdump.PtdumpRange;
import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.MixedLayout;
import dev.readonce.walker.testing.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtdumpTest {

  @Test
  void dumpsOneLinePerRunOfSameLevelAndFlags() {
    MixedLayout layout = MixedLayout.build();

    List<String> lines =
        Ptdump.ptdumpWalkPgd(layout.mm(), List.of(new PtdumpRange(0x3f80_0000L, 0xc000_0000L)));

    assertEquals(
        List.of(
            "0x000000003f800000-0x000000003fc00000  4M  pmd",
            "0x000000003fc00000-0x000000003fc01000  4K  pte  RW",
            "0x000000003fc01000-0x000000003fc02000  4K  pte  ro",
            "0x000000003fc02000-0x000000003fe00000  2040K  pte",
            "0x000000003fe00000-0x0000000040000000  2M  pmd  RW  huge",
            "0x0000000040000000-0x0000000080000000  1G  pud  RW  huge devmap",
            "0x0000000080000000-0x00000000c0000000  1G  pud"),
        lines);
  }

  @Test
  void dumpingChangesNothingAndMergesAcrossTables() {
    MmStruct mm = new MmStruct();
    VmArea bar =
        mm.mmapPfnmap(PUD_SIZE, 3 * PUD_SIZE, VmArea.VM_READ, Arena.DEVICE_PFN_BASE, PUD_SIZE);
    Tables.fault(bar, PUD_SIZE, false);
    Tables.fault(bar, 2 * PUD_SIZE, false);
    long before = Tables.pud(mm, PUD_SIZE);

    List<String> lines = Ptdump.ptdumpWalkPgd(mm, List.of(new PtdumpRange(0, 4 * PUD_SIZE)));

    assertEquals(
        List.of(
            "0x0000000000000000-0x0000000040000000  1G  pud",
            "0x0000000040000000-0x00000000c0000000  2G  pud  ro  huge special",
            "0x00000000c0000000-0x0000000100000000  1G  pud"),
        lines);
    assertEquals(before, Tables.pud(mm, PUD_SIZE));
  }

  @Test
  void eachRangeEndsItsLastRun() {
    MmStruct mm = new MmStruct();
    List<String> lines =
        Ptdump.ptdumpWalkPgd(
            mm, List.of(new PtdumpRange(0, 0x1000), new PtdumpRange(0x10_0000, 0x20_0000)));
    assertEquals(
        List.of(
            "0x0000000000000000-0x0000000000001000  4K  pgd",
            "0x0000000000100000-0x0000000000200000  1M  pgd"),
        lines);
  }
}

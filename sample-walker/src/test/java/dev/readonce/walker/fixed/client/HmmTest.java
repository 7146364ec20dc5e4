package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_ERROR;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_ORDER_SHIFT;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_REQ_FAULT;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_REQ_WRITE;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_VALID;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_WRITE;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static dev.readonce.walker.testing.MixedLayout.DAX;
import static dev.readonce.walker.testing.MixedLayout.DAX_PFN;
import static dev.readonce.walker.testing.MixedLayout.SMALL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.Errno;
import dev.readonce.walker.mm.Migration;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.MixedLayout;
import dev.readonce.walker.testing.Tables;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HmmTest {

  private static final long ORDER_2M = 9L << HMM_PFN_ORDER_SHIFT;
  private static final long ORDER_1G = 18L << HMM_PFN_ORDER_SHIFT;

  private static int fault(MmStruct mm, HmmRange range) {
    return Tables.withReadLock(mm, () -> Hmm.hmmRangeFault(mm, range));
  }

  @Test
  void snapshotOfPagesAThpAHugeDevmapPudAndHoles() {
    MixedLayout layout = MixedLayout.build();
    HmmRange range = HmmRange.snapshot(SMALL, DAX + 4 * PAGE_SIZE);

    assertEquals(0, fault(layout.mm(), range));

    long[] expected = new long[1024 + 4];
    expected[0] = layout.page0() | HMM_PFN_VALID | HMM_PFN_WRITE;
    expected[1] = layout.page1() | HMM_PFN_VALID;
    // [2, 512): nothing mapped, inside a VMA: 0.
    for (int k = 0; k < 512; k++) {
      expected[512 + k] = (layout.thpPfn() + k) | HMM_PFN_VALID | HMM_PFN_WRITE | ORDER_2M;
    }
    for (int k = 0; k < 4; k++) {
      expected[1024 + k] = (DAX_PFN + k) | HMM_PFN_VALID | HMM_PFN_WRITE | ORDER_1G;
    }
    assertArrayEquals(expected, range.hmmPfns());
  }

  @Test
  void middleOfAHugePudReportsTheFramesAtThatOffset() {
    MixedLayout layout = MixedLayout.build();
    long start = DAX + PUD_SIZE - 2 * PAGE_SIZE;
    HmmRange range = HmmRange.snapshot(start, start + 4 * PAGE_SIZE);

    assertEquals(0, fault(layout.mm(), range));

    long flags = HMM_PFN_VALID | HMM_PFN_WRITE | ORDER_1G;
    long last = DAX_PFN + (PUD_SIZE / PAGE_SIZE) - 2;
    assertArrayEquals(
        new long[] {last | flags, (last + 1) | flags, HMM_PFN_ERROR, HMM_PFN_ERROR},
        range.hmmPfns(),
        "the two pages after the VMA are outside any VMA: errors");
  }

  @Test
  void pfnmapAndUnreadableVmasAreErrors() {
    MmStruct mm = new MmStruct();
    mm.mmapPfnmap(0, PMD_SIZE, VM_READ, DAX_PFN, PAGE_SIZE);
    mm.mmapAnon(PMD_SIZE, 2 * PMD_SIZE, 0);
    HmmRange range = HmmRange.snapshot(PMD_SIZE - PAGE_SIZE, PMD_SIZE + PAGE_SIZE);

    assertEquals(0, fault(mm, range));

    assertArrayEquals(new long[] {HMM_PFN_ERROR, HMM_PFN_ERROR}, range.hmmPfns());
  }

  @Test
  void requestedFaultsMapThePagesFirst() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PMD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, PAGE_SIZE, false); // read-only until written
    long[] words = new long[3];
    words[1] = HMM_PFN_REQ_WRITE;
    HmmRange range = new HmmRange(0, 3 * PAGE_SIZE, words, HMM_PFN_REQ_FAULT, HMM_PFN_REQ_WRITE);

    assertEquals(0, fault(mm, range));

    for (int i = 0; i < 3; i++) {
      long pte = Tables.pte(mm, i * PAGE_SIZE);
      long write = i == 1 ? HMM_PFN_WRITE : 0;
      assertEquals(Pte.ptePfn(pte) | HMM_PFN_VALID | write, words[i], "page " + i);
      assertEquals(i == 1, Pte.pteWrite(pte));
    }
  }

  @Test
  void aWriteRequestOnAReadOnlyVmaIsRefused() {
    MmStruct mm = new MmStruct();
    mm.mmapAnon(0, PMD_SIZE, VM_READ);
    HmmRange range =
        new HmmRange(0, PAGE_SIZE, new long[1], HMM_PFN_REQ_FAULT | HMM_PFN_REQ_WRITE, 0);

    assertEquals(-Errno.EPERM, fault(mm, range));
  }

  @Test
  void aMigratingThpIsReportedAsNotMappedWithoutAFaultRequest() {
    MmStruct mm = new MmStruct();
    VmArea thp = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(thp, 0, true);
    Migration.setPmdMigrationEntry(thp, 0);
    long[] words = new long[4];
    Arrays.fill(words, -1L);
    HmmRange range = new HmmRange(0, 4 * PAGE_SIZE, words, 0, 0);

    assertEquals(0, fault(mm, range));

    assertArrayEquals(new long[4], words);
    assertTrue(dev.readonce.walker.mm.Pmd.isPmdMigrationEntry(Tables.pmd(mm, 0)), "not split");
  }
}

package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.fixed.client.MappingDirtyHelpers.CleanResult;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.HugeMemory;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Mmu;
import dev.readonce.walker.mm.PgtableAlloc;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.Pud;
import dev.readonce.walker.mm.Tlb;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class MappingDirtyHelpersTest {

  private static final long BASE = 0x1000_0000L;

  private static long page(int i) {
    return BASE + i * PAGE_SIZE;
  }

  /** A shared file mapping of 16 pages; pages 0, 1, 2 and 5 written, page 3 read. */
  private static MmStruct written(AddressSpace[] file) {
    MmStruct mm = new MmStruct();
    file[0] = new AddressSpace(mm.arena());
    mm.mmapFile(file[0], BASE, page(16), 0, VM_READ | VM_WRITE);
    for (int i : new int[] {0, 1, 2, 5}) {
      assertTrue(Mmu.userAccess(mm, page(i), true));
    }
    assertTrue(Mmu.userAccess(mm, page(3), false));
    return mm;
  }

  @Test
  void writeProtectCountsTheWritablePtesAndFlushesTheirRange() {
    AddressSpace[] file = new AddressSpace[1];
    MmStruct mm = written(file);

    assertEquals(4, MappingDirtyHelpers.wpSharedMappingRange(file[0], 0, 16));

    for (int i : new int[] {0, 1, 2, 5}) {
      long pte = Tables.pte(mm, page(i));
      assertFalse(Pte.pteWrite(pte), "page " + i);
      assertTrue(Pte.pteDirty(pte), "write-protecting keeps the dirty bit");
    }
    var flushes = mm.tlb().recentFlushes();
    assertEquals(new Tlb.Range(page(0), page(6)), flushes.get(flushes.size() - 1));
    assertEquals(0, MappingDirtyHelpers.wpSharedMappingRange(file[0], 0, 16));
  }

  @Test
  void cleanRecordsTheDirtyPagesInTheBitmapAndWidensTheRange() {
    AddressSpace[] file = new AddressSpace[1];
    MmStruct mm = written(file);
    MappingDirtyHelpers.wpSharedMappingRange(file[0], 0, 16);
    long[] bitmap = new long[1];

    CleanResult first =
        MappingDirtyHelpers.cleanRecordSharedMappingRange(file[0], 0, 16, 0, bitmap, 0, 0);

    assertEquals(new CleanResult(4, 0, 6), first);
    assertArrayEquals(new long[] {0b100111}, bitmap);
    assertFalse(Pte.pteDirty(Tables.pte(mm, page(5))));

    // The next write faults on the write-protected PTE and dirties it again.
    assertTrue(Mmu.userAccess(mm, page(1), true));
    long[] again = new long[1];
    CleanResult second =
        MappingDirtyHelpers.cleanRecordSharedMappingRange(file[0], 0, 16, 0, again, 3, 4);

    assertEquals(new CleanResult(1, 1, 4), second);
    assertArrayEquals(new long[] {0b10}, again);
  }

  @Test
  void bitmapOffsetsAreRelativeToBitmapPgoff() {
    AddressSpace[] file = new AddressSpace[1];
    written(file);
    long[] bitmap = new long[1];

    CleanResult result =
        MappingDirtyHelpers.cleanRecordSharedMappingRange(file[0], 2, 4, 2, bitmap, 0, 0);

    assertEquals(new CleanResult(2, 0, 4), result, "pages 2 and 5, at offsets 0 and 3");
    assertArrayEquals(new long[] {0b1001}, bitmap);
  }

  @Test
  void hugeEntriesAreSkippedNotSplit() {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea small = mm.mmapFile(file, BASE, page(16), 0, VM_READ | VM_WRITE);
    VmArea big = mm.mmapFile(file, PUD_SIZE, 3 * PUD_SIZE, 16, VM_READ | VM_WRITE);
    Tables.fault(small, BASE, true); // builds the upper tables
    var pudp = Tables.pudp(mm, PUD_SIZE);
    HugeMemory.vmfInsertPfnPud(big, pudp, PUD_SIZE, 0x100000, true);
    var pudp2 = Tables.pudp(mm, 2 * PUD_SIZE);
    PgtableAlloc.__pmdAlloc(mm, pudp2, 2 * PUD_SIZE);
    HugeMemory.vmfInsertPfnPmd(big, Tables.pmdp(mm, 2 * PUD_SIZE), 2 * PUD_SIZE, 0x140000, true);
    long pud = pudp.get();
    long pmd = Tables.pmd(mm, 2 * PUD_SIZE);
    assertTrue(Pud.pudWrite(pud) && Pmd.pmdWrite(pmd));

    long total = MappingDirtyHelpers.wpSharedMappingRange(file, 0, 16 + 2 * PUD_SIZE / PAGE_SIZE);

    assertEquals(1, total, "only the one writable PTE");
    assertEquals(pud, pudp.get());
    assertEquals(pmd, Tables.pmd(mm, 2 * PUD_SIZE));
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class PgtableAllocTest {

  @Test
  void pmdAllocThatLosesTheRaceKeepsTheWinnersTableAndFreesItsOwn() {
    MmStruct mm = new MmStruct();
    VmArea vma = mm.mmapAnon(0, 2 * PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(vma, PUD_SIZE, true); // builds the PUD table; PUD 0 stays none
    PudRef pudp = Tables.pudp(mm, 0);
    assertTrue(Pud.pudNone(pudp.get()));
    long tables = mm.arena().count(Arena.Use.TABLE);
    long[] winner = new long[1];
    mm.schedule()
        .once(
            SchedulePoint.PMD_ALLOC_BEFORE_LOCK,
            addr -> {
              PgtableAlloc.__pmdAlloc(mm, pudp, 0);
              winner[0] = pudp.get();
            });

    PgtableAlloc.__pmdAlloc(mm, pudp, 0);

    assertTrue(Pud.pudTable(winner[0]));
    assertEquals(winner[0], pudp.get(), "the loser must not overwrite the winner's table");
    assertEquals(tables + 1, mm.arena().count(Arena.Use.TABLE), "the loser's table is freed");
    assertFalse(mm.schedule().hasPending());
  }

  @Test
  void pteAllocDoesNotOverwriteAHugePmdInstalledMeanwhile() {
    MmStruct mm = new MmStruct();
    VmArea vma = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(vma, 4 * Layout.PMD_SIZE, false); // builds the PMD table
    PmdRef pmdp = Tables.pmdp(mm, 0);
    long tables = mm.arena().count(Arena.Use.TABLE);
    mm.schedule()
        .once(
            SchedulePoint.PTE_ALLOC_BEFORE_LOCK,
            addr -> HugeMemory.doHugePmdAnonymousPage(vma, pmdp, 0, true));

    PgtableAlloc.__pteAlloc(mm, pmdp, 0);

    assertTrue(Pmd.pmdTransHuge(pmdp.get()));
    assertEquals(tables, mm.arena().count(Arena.Use.TABLE));
  }

  @Test
  void allocWrappersBuildTheTablesDownToThePmd() {
    MmStruct mm = new MmStruct();
    PgdRef pgdp = PgdRef.pgdOffset(mm, 0);
    P4dRef p4dp = PgtableAlloc.p4dAlloc(mm, pgdp, 0);
    PudRef pudp = PgtableAlloc.pudAlloc(mm, p4dp, 0);
    PmdRef pmdp = PgtableAlloc.pmdAlloc(mm, pudp.get(), pudp, 0);

    assertTrue(Pgd.pgdTable(pgdp.get()));
    assertTrue(P4d.p4dTable(p4dp.get()));
    assertTrue(Pud.pudTable(pudp.get()));
    assertEquals(Pud.pudPfn(pudp.get()), pmdp.tablePfn());
    assertEquals(4, mm.arena().count(Arena.Use.TABLE), "pgd, p4d, pud and pmd tables");
  }

  @Test
  void pmdAllocReturnsNullOverAHugePud() {
    MmStruct mm = new MmStruct();
    VmArea vma = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, 0x100000, PUD_SIZE);
    Tables.fault(vma, PUD_SIZE, false);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);
    assertTrue(Pud.pudLeaf(pudp.get()));
    assertEquals(null, PgtableAlloc.pmdAlloc(mm, pudp.get(), pudp, PUD_SIZE));
  }
}

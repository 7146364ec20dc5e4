package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.HPAGE_PMD_NR;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class HugeMemoryTest {

  private static final long DAX_PFN = 0x100000;

  /** A 1 GiB-aligned dev_dax mapping of [1G, 2G) whose PUD slot exists and is none. */
  private static VmArea daxWithEmptyPud(MmStruct mm) {
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, true); // builds PGD, P4D and the PUD table
    assertTrue(Pud.pudNone(Tables.pud(mm, PUD_SIZE)));
    return dax;
  }

  @Test
  void insertPfnPudInstallsADevmapLeafIntoANoneSlotOnly() {
    MmStruct mm = new MmStruct();
    VmArea dax = daxWithEmptyPud(mm);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);

    assertTrue(HugeMemory.vmfInsertPfnPud(dax, pudp, PUD_SIZE, DAX_PFN, false));
    long pud = pudp.get();
    assertTrue(Pud.pudLeaf(pud) && Pud.pudDevmap(pud) && Pud.pudWrite(pud));
    assertFalse(Pud.pudDirty(pud));
    assertEquals(DAX_PFN, Pud.pudPfn(pud));

    assertFalse(HugeMemory.vmfInsertPfnPud(dax, pudp, PUD_SIZE, DAX_PFN + 0x40000, false));
    assertEquals(pud, pudp.get(), "a second insert of another frame changes nothing");

    assertFalse(HugeMemory.vmfInsertPfnPud(dax, pudp, PUD_SIZE, DAX_PFN, true));
    assertEquals(Pud.pudMkdirty(pud), pudp.get(), "a write fault on the same frame dirties it");
  }

  @Test
  void insertPfnPudDoesNotReplaceATable() {
    MmStruct mm = new MmStruct();
    VmArea dax = daxWithEmptyPud(mm);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);
    PgtableAlloc.__pmdAlloc(mm, pudp, PUD_SIZE);
    long table = pudp.get();

    assertFalse(HugeMemory.vmfInsertPfnPud(dax, pudp, PUD_SIZE, DAX_PFN, true));
    assertEquals(table, pudp.get());
  }

  @Test
  void splitHugePudZapsItToNoneAndFlushes() {
    MmStruct mm = new MmStruct();
    VmArea dax = daxWithEmptyPud(mm);
    Tables.fault(dax, PUD_SIZE + 5 * PAGE_SIZE, false);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);
    assertTrue(Pud.pudLeaf(pudp.get()));

    HugeMemory.splitHugePud(dax, pudp, PUD_SIZE + 5 * PAGE_SIZE);

    assertTrue(Pud.pudNone(pudp.get()));
    assertEquals(new Tlb.Range(PUD_SIZE, 2 * PUD_SIZE), last(mm.tlb()));
  }

  @Test
  void splitHugePudLeavesATableAlone() {
    MmStruct mm = new MmStruct();
    VmArea dax = daxWithEmptyPud(mm);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);
    PgtableAlloc.__pmdAlloc(mm, pudp, PUD_SIZE);
    long table = pudp.get();

    HugeMemory.splitHugePud(dax, pudp, PUD_SIZE);

    assertEquals(table, pudp.get());
  }

  @Test
  void splitOfAnAnonymousThpMapsTheSameFramesWithPtes() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(anon, PMD_SIZE, true);
    PmdRef pmdp = Tables.pmdp(mm, PMD_SIZE);
    long huge = pmdp.get();
    assertTrue(Pmd.pmdTransHuge(huge));

    HugeMemory.splitHugePmd(anon, pmdp, PMD_SIZE + 3 * PAGE_SIZE);

    assertTrue(Pmd.pmdTable(pmdp.get()));
    for (int i = 0; i < HPAGE_PMD_NR; i += 73) {
      long pte = Tables.pte(mm, PMD_SIZE + i * PAGE_SIZE);
      assertEquals(Pmd.pmdPfn(huge) + i, Pte.ptePfn(pte));
      assertTrue(Pte.pteWrite(pte) && Pte.pteDirty(pte) && Pte.ptePresent(pte));
    }
  }

  @Test
  void splitOfADevdaxPmdZapsIt() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(0, PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PMD_SIZE);
    Tables.fault(dax, 0, false);
    PmdRef pmdp = Tables.pmdp(mm, 0);
    assertTrue(Pmd.pmdDevmap(pmdp.get()));

    HugeMemory.splitHugePmd(dax, pmdp, 0);

    assertTrue(Pmd.pmdNone(pmdp.get()));
  }

  @Test
  void zapHugeEntriesClearsOnlyHugeOnes() {
    MmStruct mm = new MmStruct();
    VmArea dax = daxWithEmptyPud(mm);
    Tables.fault(dax, PUD_SIZE, false);
    PudRef pudp = Tables.pudp(mm, PUD_SIZE);

    assertTrue(HugeMemory.zapHugePud(dax, pudp, PUD_SIZE));
    assertTrue(Pud.pudNone(pudp.get()));
    assertFalse(HugeMemory.zapHugePud(dax, pudp, PUD_SIZE), "nothing huge left");

    VmArea anon = mm.mmapAnon(2 * PUD_SIZE, 3 * PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(anon, 2 * PUD_SIZE, true);
    Tables.fault(anon, 2 * PUD_SIZE + PMD_SIZE + PAGE_SIZE, true);
    PmdRef thp = Tables.pmdp(mm, 2 * PUD_SIZE);
    assertTrue(HugeMemory.zapHugePmd(anon, thp, 2 * PUD_SIZE));
    assertTrue(Pmd.pmdNone(thp.get()));
    PmdRef table = Tables.pmdp(mm, 2 * PUD_SIZE + PMD_SIZE);
    long before = table.get();
    HugeMemory.splitHugePmd(anon, table, 2 * PUD_SIZE + PMD_SIZE); // THP there: now a table
    assertFalse(HugeMemory.zapHugePmd(anon, table, 2 * PUD_SIZE + PMD_SIZE));
    assertTrue(Pmd.pmdTable(table.get()));
    assertTrue(Pmd.pmdTransHuge(before));
  }

  private static Tlb.Range last(Tlb tlb) {
    var flushes = tlb.recentFlushes();
    return flushes.get(flushes.size() - 1);
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class KhugepagedTest {

  @Test
  void retractionClearsThePmdAndTheFreedTableIsReusedNext() {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea vma = mm.mmapFile(file, 0, PUD_SIZE, 0, VM_READ | VM_WRITE);
    Tables.fault(vma, PMD_SIZE + PAGE_SIZE, false);
    long pmd = Tables.pmd(mm, PMD_SIZE);
    assertTrue(Pmd.pmdTable(pmd));

    assertTrue(Khugepaged.retractPageTable(vma, PMD_SIZE));

    assertTrue(Pmd.pmdNone(Tables.pmd(mm, PMD_SIZE)));
    assertEquals(Arena.Use.FREE, mm.arena().use(Pmd.pmdPfn(pmd)));
    assertEquals(new Tlb.Range(PMD_SIZE, 2 * PMD_SIZE), mm.tlb().recentFlushes().get(0));
    assertEquals(
        Pmd.pmdPfn(pmd), mm.arena().allocPage(), "the allocator hands the frame out again");
  }

  @Test
  void retractionSkipsAPmdThatIsNotATable() {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea vma = mm.mmapFile(file, 0, PUD_SIZE, 0, VM_READ);
    assertFalse(Khugepaged.retractPageTable(vma, 0), "no tables at all");
    Tables.fault(vma, 0, false);
    assertFalse(Khugepaged.retractPageTable(vma, PMD_SIZE), "PMD none");
  }

  @Test
  void retractPageTablesRetractsInEveryVmaMappingTheRange() {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    long pgoff = PMD_SIZE / PAGE_SIZE;
    VmArea a = mm.mmapFile(file, 0, 2 * PMD_SIZE, 0, VM_READ);
    VmArea b = mm.mmapFile(file, PUD_SIZE, PUD_SIZE + PMD_SIZE, pgoff, VM_READ);
    Tables.fault(a, PMD_SIZE, false);
    Tables.fault(b, PUD_SIZE, false);
    assertEquals(
        Pte.ptePfn(Tables.pte(mm, PMD_SIZE)),
        Pte.ptePfn(Tables.pte(mm, PUD_SIZE)),
        "both map the same page-cache page");

    assertEquals(2, Khugepaged.retractPageTables(file, pgoff));

    assertTrue(Pmd.pmdNone(Tables.pmd(mm, PMD_SIZE)));
    assertTrue(Pmd.pmdNone(Tables.pmd(mm, PUD_SIZE)));
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class FaultTest {

  private static final long DAX_PFN = 0x100000;

  @Test
  void anonymousReadMapsReadOnlyAndAWriteMakesTheSamePageWritableAndDirty() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 3 * PAGE_SIZE, false);
    long ro = Tables.pte(mm, 3 * PAGE_SIZE);
    assertTrue(Pte.ptePresent(ro));
    assertFalse(Pte.pteWrite(ro) || Pte.pteDirty(ro));
    assertEquals(Arena.Use.PAGE, mm.arena().use(Pte.ptePfn(ro)));

    Tables.fault(anon, 3 * PAGE_SIZE, true);

    long rw = Tables.pte(mm, 3 * PAGE_SIZE);
    assertTrue(Pte.pteWrite(rw) && Pte.pteDirty(rw));
    assertEquals(Pte.ptePfn(ro), Pte.ptePfn(rw));
  }

  @Test
  void devdaxFaultsMapThePageSizeTheAlignmentAllows() {
    MmStruct mm = new MmStruct();
    VmArea pud = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    VmArea pmd =
        mm.mmapDevDax(2 * PUD_SIZE, 3 * PUD_SIZE, VM_READ | VM_WRITE, 2 * DAX_PFN, PMD_SIZE);
    VmArea pte = mm.mmapDevDax(3 * PUD_SIZE, 4 * PUD_SIZE, VM_READ, 3 * DAX_PFN, PAGE_SIZE);

    Tables.fault(pud, PUD_SIZE + 7 * PAGE_SIZE, true);
    Tables.fault(pmd, 2 * PUD_SIZE + PMD_SIZE + 7 * PAGE_SIZE, false);
    Tables.fault(pte, 3 * PUD_SIZE + 7 * PAGE_SIZE, false);

    long hugePud = Tables.pud(mm, PUD_SIZE);
    assertTrue(Pud.pudLeaf(hugePud) && Pud.pudDevmap(hugePud) && Pud.pudDirty(hugePud));
    assertEquals(DAX_PFN, Pud.pudPfn(hugePud));
    long hugePmd = Tables.pmd(mm, 2 * PUD_SIZE + PMD_SIZE);
    assertTrue(Pmd.pmdLeaf(hugePmd) && Pmd.pmdDevmap(hugePmd));
    assertEquals(2 * DAX_PFN + Layout.HPAGE_PMD_NR, Pmd.pmdPfn(hugePmd));
    long small = Tables.pte(mm, 3 * PUD_SIZE + 7 * PAGE_SIZE);
    assertTrue(Pte.pteDevmap(small));
    assertFalse(Pte.pteWrite(small), "VMA not writable");
    assertEquals(3 * DAX_PFN + 7, Pte.ptePfn(small));
  }

  @Test
  void pfnmapFaultsMapSpecialEntries() {
    MmStruct mm = new MmStruct();
    VmArea bar = mm.mmapPfnmap(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PMD_SIZE);
    Tables.fault(bar, PUD_SIZE, false);
    long pmd = Tables.pmd(mm, PUD_SIZE);
    assertTrue(Pmd.pmdLeaf(pmd) && Pmd.pmdSpecial(pmd) && !Pmd.pmdDevmap(pmd));
  }

  @Test
  void anonymousThpNeedsVmHugepageAndRoom() {
    MmStruct mm = new MmStruct();
    VmArea thp = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    VmArea small = mm.mmapAnon(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(thp, PAGE_SIZE, false);
    Tables.fault(small, PUD_SIZE + PAGE_SIZE, false);
    assertTrue(Pmd.pmdTransHuge(Tables.pmd(mm, 0)));
    assertTrue(Pmd.pmdTable(Tables.pmd(mm, PUD_SIZE)));
  }

  @Test
  void fileFaultsMapThePageCachePage() {
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea vma = mm.mmapFile(file, 0, PMD_SIZE, 10, VM_READ | VM_WRITE);
    Tables.fault(vma, 2 * PAGE_SIZE, false);
    long pte = Tables.pte(mm, 2 * PAGE_SIZE);
    assertEquals(file.findOrCreatePage(12), Pte.ptePfn(pte));
    assertFalse(Pte.pteWrite(pte), "dirty tracking: read faults map read-only");
  }

  @Test
  void badAccessesAreRefused() {
    MmStruct mm = new MmStruct();
    VmArea ro = mm.mmapAnon(0, PMD_SIZE, VM_READ);
    int ret = Tables.withReadLock(mm, () -> Fault.handleMmFault(ro, 0, Fault.FAULT_FLAG_WRITE));
    assertEquals(Fault.VM_FAULT_SIGSEGV, ret);
    ret = Tables.withReadLock(mm, () -> Fault.handleMmFault(ro, PMD_SIZE, 0));
    assertEquals(Fault.VM_FAULT_SIGSEGV, ret);
    assertThrows(IllegalStateException.class, () -> Fault.handleMmFault(ro, 0, 0));
  }

  @Test
  void zapClearsMappingsAndFreesAnonymousPages() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    VmArea small = mm.mmapAnon(2 * PUD_SIZE, 3 * PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, true); // a THP over [0, 2M)
    Tables.fault(dax, PUD_SIZE, true);
    Tables.fault(small, 2 * PUD_SIZE, true);
    long page = Pte.ptePfn(Tables.pte(mm, 2 * PUD_SIZE));

    Tables.withReadLock(
        mm,
        () -> {
          Zap.zapPageRange(anon, PMD_SIZE / 2, PMD_SIZE); // half the THP: split, then zap
          Zap.zapPageRange(dax, PUD_SIZE, 2 * PUD_SIZE); // the whole PUD
          Zap.zapPageRange(small, 2 * PUD_SIZE, 2 * PUD_SIZE + PAGE_SIZE);
          return null;
        });

    assertTrue(Pmd.pmdTable(Tables.pmd(mm, 0)));
    assertTrue(Pte.ptePresent(Tables.pte(mm, PMD_SIZE / 2 - PAGE_SIZE)));
    assertTrue(Pte.pteNone(Tables.pte(mm, PMD_SIZE / 2)));
    assertTrue(Pud.pudNone(Tables.pud(mm, PUD_SIZE)));
    assertTrue(Pte.pteNone(Tables.pte(mm, 2 * PUD_SIZE)));
    assertEquals(Arena.Use.FREE, mm.arena().use(page));
  }
}

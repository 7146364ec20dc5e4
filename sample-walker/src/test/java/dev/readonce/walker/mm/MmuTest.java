package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import org.junit.jupiter.api.Test;

class MmuTest {

  @Test
  void hardwareFaultsWhereNothingIsMappedAndUserAccessFaultsIn() {
    MmStruct mm = new MmStruct();
    mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    assertFalse(Mmu.access(mm, PAGE_SIZE, false));

    assertTrue(Mmu.userAccess(mm, PAGE_SIZE, false));
    long pte = Tables.pte(mm, PAGE_SIZE);
    assertTrue(Pte.pteYoung(pte));
    assertFalse(Pte.pteDirty(pte));

    assertTrue(Mmu.userAccess(mm, PAGE_SIZE, true));
    assertTrue(Pte.pteDirty(Tables.pte(mm, PAGE_SIZE)));
    assertFalse(Mmu.userAccess(mm, PUD_SIZE, false), "no VMA there");
  }

  @Test
  void accessedDirtyUpdateIsACompareAndSetThatNeedsWritePermission() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, false);
    PteRef ptep = Tables.ptep(mm, 0);
    long readOnly = ptep.get();

    assertFalse(Mmu.setAccessedDirty(ptep, true), "a write to a read-only PTE faults");
    assertEquals(readOnly, ptep.get());
    assertTrue(Mmu.setAccessedDirty(ptep, false));
  }

  @Test
  void hugeLeavesGetTheirBitsToo() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, 0x100000, PUD_SIZE);
    Tables.fault(dax, PUD_SIZE, false);
    assertFalse(Pud.pudDirty(Tables.pud(mm, PUD_SIZE)));

    assertTrue(Mmu.access(mm, PUD_SIZE + 12345, true));

    assertTrue(Pud.pudDirty(Tables.pud(mm, PUD_SIZE)));
  }
}

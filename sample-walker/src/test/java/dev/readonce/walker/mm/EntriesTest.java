package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.Layout.TASK_SIZE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntriesTest {

  @Test
  void hugeDevmapPudIsPresentLeafNotTable() {
    long pud = Pud.pudMkdevmap(Pud.pudMkhuge(Pud.pfnPud(0x100000, Pgtable.PAGE_SHARED)));
    assertFalse(Pud.pudNone(pud));
    assertTrue(Pud.pudPresent(pud));
    assertTrue(Pud.pudLeaf(pud));
    assertFalse(Pud.pudTable(pud));
    assertTrue(Pud.pudDevmap(pud));
    assertFalse(Pud.pudTransHuge(pud), "devmap is not trans-huge on x86");
    assertTrue(Pud.pudWrite(pud));
    assertEquals(0x100000, Pud.pudPfn(pud));
  }

  @Test
  void tablePointerIsPresentNotLeaf() {
    long pud = Pud.mkPudTable(42);
    assertTrue(Pud.pudTable(pud));
    assertFalse(Pud.pudLeaf(pud));
    assertEquals(42, Pud.pudPfn(pud));
    assertTrue(Pmd.pmdTable(Pmd.mkPmdTable(7)));
    assertTrue(Pgd.pgdTable(Pgd.mkPgdTable(3)));
    assertTrue(P4d.p4dTable(P4d.mkP4dTable(3)));
  }

  @Test
  void migrationPmdIsNotNoneYetNotPresent() {
    long pmd = Swapops.makeMigrationEntry(0x1200, true);
    assertFalse(Pmd.pmdNone(pmd));
    assertFalse(Pmd.pmdPresent(pmd));
    assertFalse(Pmd.pmdTable(pmd));
    assertFalse(Pmd.pmdLeaf(pmd));
    assertTrue(Pmd.isSwapPmd(pmd));
    assertTrue(Pmd.isPmdMigrationEntry(pmd));
    assertTrue(Swapops.isWritableMigrationEntry(pmd));
    assertEquals(0x1200, Swapops.migrationEntryPfn(pmd));
  }

  @Test
  void pteHelpersChangeOnlyTheirBit() {
    long pte = Pte.pteMkdirty(Pte.pfnPte(99, Pgtable.PAGE_SHARED));
    assertTrue(Pte.pteWrite(pte) && Pte.pteDirty(pte) && Pte.pteYoung(pte));
    long clean = Pte.pteMkclean(pte);
    assertFalse(Pte.pteDirty(clean));
    assertTrue(Pte.pteWrite(clean));
    long ro = Pte.pteWrprotect(pte);
    assertFalse(Pte.pteWrite(ro));
    assertTrue(Pte.pteDirty(ro));
    assertEquals(99, Pte.ptePfn(ro));
    assertEquals(pte, Pte.pteMkwrite(ro));
  }

  @Test
  void layoutIndicesAndAddrEnd() {
    long addr = (3L << 48) | (5L << 39) | (7L << 30) | (9L << 21) | (11L << 12) | 0x123;
    assertEquals(3, Layout.pgdIndex(addr));
    assertEquals(5, Layout.p4dIndex(addr));
    assertEquals(7, Layout.pudIndex(addr));
    assertEquals(9, Layout.pmdIndex(addr));
    assertEquals(11, Layout.pteIndex(addr));
    assertEquals(2 * PUD_SIZE, Layout.pudAddrEnd(PUD_SIZE + 5, 10 * PUD_SIZE));
    assertEquals(PUD_SIZE + PMD_SIZE, Layout.pudAddrEnd(PUD_SIZE, PUD_SIZE + PMD_SIZE));
    assertEquals(TASK_SIZE, Layout.pgdAddrEnd(TASK_SIZE - Layout.PGDIR_SIZE, TASK_SIZE));
  }
}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MigrationTest {

  private static VmArea thpAt(MmStruct mm, long addr) {
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(anon, addr, true);
    assertTrue(Pmd.pmdTransHuge(Tables.pmd(mm, addr)));
    return anon;
  }

  @Test
  void migrationEntryReplacesTheThpAndIsReplacedByTheNewOne() {
    MmStruct mm = new MmStruct();
    VmArea anon = thpAt(mm, PMD_SIZE);
    long oldPfn = Pmd.pmdPfn(Tables.pmd(mm, PMD_SIZE));

    assertTrue(Migration.setPmdMigrationEntry(anon, PMD_SIZE));
    long entry = Tables.pmd(mm, PMD_SIZE);
    assertTrue(Pmd.isPmdMigrationEntry(entry));
    assertEquals(oldPfn, Swapops.migrationEntryPfn(entry));
    assertTrue(Swapops.isWritableMigrationEntry(entry));

    long newPfn = mm.arena().allocHugePage(HPAGE_PMD_NR);
    assertTrue(Migration.removeMigrationPmd(anon, PMD_SIZE, newPfn));
    long pmd = Tables.pmd(mm, PMD_SIZE);
    assertTrue(Pmd.pmdTransHuge(pmd) && Pmd.pmdWrite(pmd));
    assertEquals(newPfn, Pmd.pmdPfn(pmd));
    assertFalse(Migration.removeMigrationPmd(anon, PMD_SIZE, newPfn), "no entry left");
  }

  @Test
  void splitOfAMigrationEntryLeavesPteMigrationEntriesThatRemovalRestores() {
    MmStruct mm = new MmStruct();
    VmArea anon = thpAt(mm, 0);
    long pfn = Pmd.pmdPfn(Tables.pmd(mm, 0));
    Migration.setPmdMigrationEntry(anon, 0);

    HugeMemory.splitHugePmd(anon, Tables.pmdp(mm, 0), 0);

    long pte = Tables.pte(mm, 5 * PAGE_SIZE);
    assertTrue(Swapops.isMigrationEntry(pte));
    assertEquals(pfn + 5, Swapops.migrationEntryPfn(pte));
    assertEquals(HPAGE_PMD_NR, Migration.removeMigrationPtes(anon, 0, PMD_SIZE));
    long restored = Tables.pte(mm, 5 * PAGE_SIZE);
    assertTrue(Pte.ptePresent(restored) && Pte.pteWrite(restored));
    assertEquals(pfn + 5, Pte.ptePfn(restored));
  }

  @Test
  void waiterReturnsOnceTheEntryIsGone() throws Exception {
    MmStruct mm = new MmStruct();
    VmArea anon = thpAt(mm, 0);
    Migration.setPmdMigrationEntry(anon, 0);
    PmdRef pmdp = Tables.pmdp(mm, 0);
    long entry = pmdp.get();

    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(() -> Migration.migrationEntryWait(mm, pmdp, entry));
    Migration.removeMigrationPmd(anon, 0, mm.arena().allocHugePage(HPAGE_PMD_NR));

    waiter.get(10, TimeUnit.SECONDS);
    assertTrue(Pmd.pmdTransHuge(pmdp.get()));
  }

  @Test
  void faultOnAMigrationEntryWaitsForTheMigration() throws Exception {
    MmStruct mm = new MmStruct();
    VmArea anon = thpAt(mm, 0);
    Migration.setPmdMigrationEntry(anon, 0);
    long newPfn = mm.arena().allocHugePage(HPAGE_PMD_NR);

    CompletableFuture<Boolean> user =
        CompletableFuture.supplyAsync(() -> Mmu.userAccess(mm, PAGE_SIZE, true));
    Migration.removeMigrationPmd(anon, 0, newPfn);

    assertTrue(user.get(10, TimeUnit.SECONDS));
    assertTrue(Pmd.pmdDirty(Tables.pmd(mm, 0)), "the retried access dirtied the new THP");
  }
}

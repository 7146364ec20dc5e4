package dev.readonce.walker.fixed;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.fixed.client.FollowPfnmap;
import dev.readonce.walker.fixed.client.Hmm;
import dev.readonce.walker.fixed.client.HmmRange;
import dev.readonce.walker.fixed.client.MappingDirtyHelpers;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.Khugepaged;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Mmu;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.Pud;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixed walk and clients stay correct when a writer acts in each window the schedule points
 * open: the same schedules the race tests replay against the historical variants.
 */
class FixedUnderRaceScheduleTest {

  private static final long DAX_PFN = 0x100000;

  private static MmWalkOps.Builder<List<String>> recording() {
    return MmWalkOps.<List<String>>builder()
        .pteHole((a, n, d, w) -> log(w, "hole %x-%x %d", a, n, d))
        .pudEntry((pud, pudp, a, n, w) -> log(w, "pud %x %s", a, kind(pud)))
        .pmdEntry((pmd, pmdp, a, n, w) -> log(w, "pmd %x %s", a, kind(pmd)))
        .pteEntry(
            (pte, ptep, a, n, w) ->
                log(w, "pte %x %s", a, Arena.isDataPattern(pte) ? "DATA" : Pte.ptePfn(pte)));
  }

  @SuppressWarnings("AnnotateFormatMethod") // a private helper, called with literals only
  private static int log(MmWalk<List<String>> walk, String format, Object... args) {
    walk.priv.add(String.format(format, args));
    return 0;
  }

  private static String kind(long entry) {
    if (Arena.isDataPattern(entry)) {
      return "DATA";
    }
    return Pmd.pmdTable(entry) ? "table" : Pmd.pmdLeaf(entry) ? "leaf" : "other";
  }

  @Test
  void aHugePudRefaultedBetweenSplitAndRereadIsNeverDescended() {
    // 3b89863c3fa4: after split_huge_pud() the walker re-reads the PUD; a refault may have put a
    // huge PUD there, which a "not none" check would descend into as a PMD table.
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, PUD_SIZE, false);
    mm.schedule().once(SchedulePoint.WALK_PUD_AFTER_SPLIT, addr -> Tables.fault(dax, addr, false));
    List<String> log = new ArrayList<>();

    Tables.withReadLock(
        mm, () -> PageWalk.walkPageRange(mm, PUD_SIZE, 2 * PUD_SIZE, recording().build(), log));

    assertEquals(
        List.of("pud 40000000 leaf", "pud 40000000 leaf", "hole 40000000-80000000 2"), log);
    assertFalse(mm.schedule().hasPending());
  }

  @Test
  void aPteTableRetractedBeforeThePteLockIsNotWalked() {
    // The PMD was read as a table; before the PTE lock, khugepaged retracts the table and the
    // frame is reused as a data page. Under the lock the PMD no longer matches: a new pass.
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea vma = mm.mmapFile(file, 0, PUD_SIZE, 0, VM_READ);
    Tables.fault(vma, 0, false);
    Tables.fault(vma, PAGE_SIZE, false);
    long table = Pmd.pmdPfn(Tables.pmd(mm, 0));
    long[] reused = new long[1];
    mm.schedule()
        .once(
            SchedulePoint.PTE_OFFSET_MAP_BEFORE_LOCK,
            addr -> {
              assertTrue(Khugepaged.retractPageTable(vma, 0));
              reused[0] = mm.arena().allocPage();
            });
    List<String> log = new ArrayList<>();

    Tables.withReadLock(
        mm, () -> PageWalk.walkPageRange(mm, 0, 2 * PAGE_SIZE, recording().build(), log));

    assertEquals(table, reused[0], "the retracted table's frame now holds data");
    assertEquals(List.of("pud 0 table", "pmd 0 table", "hole 0-2000 3"), log);
  }

  @Test
  void aHugePudZappedBeforeHmmTakesItsLockIsReportedUnmapped() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, PUD_SIZE, false);
    mm.schedule()
        .once(
            SchedulePoint.HMM_WALK_PUD_BEFORE_LOCK,
            addr -> Zap.zapPageRange(dax, PUD_SIZE, 2 * PUD_SIZE));
    long[] words = {-1, -1};

    int ret =
        Tables.withReadLock(
            mm,
            () ->
                Hmm.hmmRangeFault(
                    mm, new HmmRange(PUD_SIZE, PUD_SIZE + 2 * PAGE_SIZE, words, 0, 0)));

    assertEquals(0, ret);
    assertArrayEquals(new long[] {0, 0}, words, "no frame of the zapped PUD is reported");
  }

  @Test
  void aHugePudZappedBeforeFollowPfnmapTakesItsLockGivesNoFrame() {
    // ffef67b93aa3: after pud_lock() the pre-lock snapshot is stale; the entry is read again.
    MmStruct mm = new MmStruct();
    VmArea bar = mm.mmapPfnmap(PUD_SIZE, 2 * PUD_SIZE, VM_READ, DAX_PFN, PUD_SIZE);
    Tables.fault(bar, PUD_SIZE, false);
    mm.schedule()
        .once(
            SchedulePoint.FOLLOW_PFNMAP_PUD_BEFORE_LOCK,
            addr -> Zap.zapPageRange(bar, PUD_SIZE, 2 * PUD_SIZE));

    assertNull(
        Tables.withReadLock(mm, () -> FollowPfnmap.followPfnmapStart(bar, PUD_SIZE + PAGE_SIZE)));
    assertTrue(Pud.pudNone(Tables.pud(mm, PUD_SIZE)), "the zap ran in the window");
  }

  @Test
  void aDirtyBitTheHardwareSetsAfterTheWalkersReadSurvivesWriteProtection() {
    // The PTE was read (writable, clean) under the PTE lock; the CPU then writes the page and
    // sets the dirty bit without the lock. wp_pte() rebuilds from ptep_modify_prot_start().
    MmStruct mm = new MmStruct();
    AddressSpace file = new AddressSpace(mm.arena());
    mm.mmapFile(file, 0, PUD_SIZE, 0, VM_READ | VM_WRITE);
    assertTrue(Mmu.userAccess(mm, 0, true));
    MappingDirtyHelpers.cleanRecordSharedMappingRange(file, 0, 1, 0, new long[1], 0, 0);
    long clean = Tables.pte(mm, 0);
    assertTrue(Pte.pteWrite(clean) && !Pte.pteDirty(clean));
    mm.schedule()
        .once(SchedulePoint.WALK_PTE_AFTER_READ, 0, addr -> assertTrue(Mmu.access(mm, 0, true)));

    assertEquals(1, MappingDirtyHelpers.wpSharedMappingRange(file, 0, 1));

    long pte = Tables.pte(mm, 0);
    assertFalse(Pte.pteWrite(pte));
    assertTrue(Pte.pteDirty(pte), "the hardware's dirty bit was not lost");
    long[] bitmap = new long[1];
    MappingDirtyHelpers.cleanRecordSharedMappingRange(file, 0, 1, 0, bitmap, 0, 0);
    assertArrayEquals(new long[] {1}, bitmap);
  }
}

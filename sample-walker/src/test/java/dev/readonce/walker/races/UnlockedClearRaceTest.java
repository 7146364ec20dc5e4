package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.P4D_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.WALK_P4D_AFTER_READ;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Mmu;
import dev.readonce.walker.mm.P4d;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.Pgtable;
import dev.readonce.walker.mm.PgtableAlloc;
import dev.readonce.walker.mm.PgtableLocks;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.prerfc.PgtableV510;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

/**
 * v5.10's {@code p4d_none_or_clear_bad()} (still in mainline's walk today, which the model's fixed
 * walk does not copy) reads a P4D entry, finds it bad (present, with the PSE bit x86 does not allow
 * at this level: corruption), and clears it with a plain store, without the lock. Between that read
 * and that store, a writer takes the P4D's lock, clears the bad entry itself, and a fault then
 * installs a new PUD table there ({@code __pud_alloc()} under the same lock) and maps a page below
 * it. The walker's store, decided on its stale read, wipes the valid entry: the page is no longer
 * mapped (the CPU faults on it) and the tables under it are leaked. A walk that never stores
 * without the lock leaves the writer's entry alone.
 *
 * <p>The writer's locked clear stands in for whatever rewrites the slot under its lock after the
 * walker's read; in v5.10 the likeliest is a second walker's own (unlocked) clear followed by the
 * fault. Backs {@code UnlockedSlotWrite}.
 */
class UnlockedClearRaceTest {

  /** The second P4D entry of PGD entry 0: 512 GiB. */
  private static final long ADDR = P4D_SIZE;

  private record Run(VmArea vma, P4dRef p4dp, long populated) {}

  private static Run run(Variant variant) {
    MmStruct mm = new MmStruct();
    VmArea vma = mm.mmapAnon(ADDR, ADDR + PMD_SIZE, VM_READ | VM_WRITE);
    PgdRef pgdp = PgdRef.pgdOffset(mm, ADDR);
    P4dRef p4dp = Tables.withReadLock(mm, () -> PgtableAlloc.p4dAlloc(mm, pgdp, ADDR));
    long bad = P4d.mkP4dTable(mm.arena().allocTable()) | Pgtable.PSE;
    assertTrue(PgtableV510.p4dBad(bad) && !P4d.p4dTable(bad));
    setUnderLock(mm, p4dp, bad);
    long[] populated = new long[1];
    mm.schedule()
        .once(
            WALK_P4D_AFTER_READ,
            ADDR,
            addr -> {
              // The writer: under the lock, clear the bad entry; then a fault populates the slot.
              Lock ptl = PgtableLocks.p4dLock(mm, p4dp);
              try {
                if (p4dp.get() == bad) {
                  p4dp.set(0);
                }
              } finally {
                ptl.unlock();
              }
              Tables.fault(vma, ADDR, true);
              populated[0] = p4dp.get();
            });

    variant.ptdump(mm, ADDR, 2 * P4D_SIZE);

    assertFalse(mm.schedule().hasPending(), "the writer ran in the window");
    assertTrue(P4d.p4dTable(populated[0]), "the fault linked a PUD table");
    return new Run(vma, p4dp, populated[0]);
  }

  private static void setUnderLock(MmStruct mm, P4dRef p4dp, long value) {
    Lock ptl = PgtableLocks.p4dLock(mm, p4dp);
    try {
      p4dp.set(value);
    } finally {
      ptl.unlock();
    }
  }

  @Test
  void anUnlockedClearWipesTheEntryAWriterInstalledUnderTheLock() {
    for (Variant variant : List.of(Variant.PRERFC, Variant.RFC)) {
      Run run = run(variant);
      MmStruct mm = run.vma().mm();

      assertEquals(0, run.p4dp().get(), variant.name() + ": the writer's PUD table is unlinked");
      assertFalse(Mmu.access(mm, ADDR, false), "the page the fault mapped is gone");
      long pudTable = P4d.p4dPfn(run.populated());
      assertEquals(Arena.Use.TABLE, mm.arena().use(pudTable), "and its tables are leaked");
    }
  }

  @Test
  void aWalkThatNeverStoresWithoutTheLockLeavesTheWritersEntry() {
    Run run = run(Variant.FIXED);

    assertEquals(run.populated(), run.p4dp().get());
    assertTrue(Mmu.access(run.vma().mm(), ADDR, true), "the page is mapped, and was written");
  }
}

package dev.readonce.walker.mm;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.testing.Tables;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class PgtableLocksTest {

  @Test
  void pudTransHugeLockIsHeldOnlyForAHugePud() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ, 0x100000, PUD_SIZE);
    Tables.fault(anon, 0, false);
    Tables.fault(dax, PUD_SIZE, false);

    assertNull(PgtableLocks.pudTransHugeLock(Tables.pudp(mm, 0), anon));
    assertFalse(mm.pageTableLock().isHeldByCurrentThread(), "released when not huge");

    Lock ptl = PgtableLocks.pudTransHugeLock(Tables.pudp(mm, PUD_SIZE), dax);
    assertNotNull(ptl);
    assertTrue(mm.pageTableLock().isHeldByCurrentThread());
    ptl.unlock();
  }

  @Test
  void pteLockIsTheLockOfTheTableThePmdPointsTo() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, false);
    long pmd = Tables.pmd(mm, 0);

    Lock ptl = PgtableLocks.pteLock(mm, pmd);
    try {
      assertSame(mm.arena().ptlock(Pmd.pmdPfn(pmd)), ptl);
      ReentrantLock pmdLock = mm.arena().ptlock(Tables.pmdp(mm, 0).tablePfn());
      assertFalse(pmdLock.isHeldByCurrentThread(), "the PMD's own lock is another one");
    } finally {
      ptl.unlock();
    }
  }

  @Test
  void takingAHeldLockAgainFailsFastInsteadOfDeadlocking() {
    MmStruct mm = new MmStruct();
    VmArea anon = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, false);
    PudRef pudp = Tables.pudp(mm, 0);
    Lock ptl = PgtableLocks.pudLock(mm, pudp);
    try {
      assertThrows(IllegalStateException.class, () -> PgtableLocks.pudLock(mm, pudp));
    } finally {
      ptl.unlock();
    }
  }
}

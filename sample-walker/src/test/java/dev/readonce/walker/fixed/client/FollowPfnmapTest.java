package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.fixed.client.FollowPfnmap.PfnmapArgs;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class FollowPfnmapTest {

  private static PfnmapArgs follow(VmArea vma, long address) {
    return Tables.withReadLock(vma.mm(), () -> FollowPfnmap.followPfnmapStart(vma, address));
  }

  /** Follows, checks the result holds its lock, releases it, and returns the result. */
  private static PfnmapArgs followAndEnd(VmArea vma, long address) {
    PfnmapArgs args = follow(vma, address);
    if (args != null) {
      assertTrue(((ReentrantLock) args.lock()).isHeldByCurrentThread());
      FollowPfnmap.followPfnmapEnd(args);
      assertFalse(((ReentrantLock) args.lock()).isHeldByCurrentThread());
    }
    return args;
  }

  @Test
  void framesBehindHugePudHugePmdAndPteMappings() {
    MmStruct mm = new MmStruct();
    VmArea pud = mm.mmapPfnmap(PUD_SIZE, 2 * PUD_SIZE, VM_READ | VM_WRITE, 0x100000, PUD_SIZE);
    VmArea pmd =
        mm.mmapPfnmap(2 * PUD_SIZE, 2 * PUD_SIZE + 2 * PMD_SIZE, VM_READ, 0x200000, PMD_SIZE);
    VmArea pte = mm.mmapPfnmap(3 * PUD_SIZE, 3 * PUD_SIZE + PMD_SIZE, VM_READ, 0x300000, PAGE_SIZE);
    Tables.fault(pud, PUD_SIZE + 5 * PAGE_SIZE, false);
    Tables.fault(pmd, 2 * PUD_SIZE + PMD_SIZE, false);
    Tables.fault(pte, 3 * PUD_SIZE + 2 * PAGE_SIZE, false);

    PfnmapArgs huge = followAndEnd(pud, PUD_SIZE + 0x12345);
    assertEquals(new PfnmapArgs(0x100012, true, true, huge.lock()), huge);
    PfnmapArgs mid = followAndEnd(pmd, 2 * PUD_SIZE + PMD_SIZE + 3 * PAGE_SIZE);
    assertEquals(new PfnmapArgs(0x200203, false, true, mid.lock()), mid);
    PfnmapArgs small = followAndEnd(pte, 3 * PUD_SIZE + 2 * PAGE_SIZE + 17);
    assertEquals(new PfnmapArgs(0x300002, false, true, small.lock()), small);
  }

  @Test
  void nothingMappedOrNotAPfnmapGivesNoFrame() {
    MmStruct mm = new MmStruct();
    VmArea bar = mm.mmapPfnmap(PUD_SIZE, 2 * PUD_SIZE, VM_READ, 0x100000, PAGE_SIZE);
    VmArea anon = mm.mmapAnon(0, PMD_SIZE, VM_READ | VM_WRITE);
    Tables.fault(anon, 0, true);
    Tables.fault(bar, PUD_SIZE, false);

    assertNull(followAndEnd(bar, PUD_SIZE + PAGE_SIZE), "PTE none");
    assertNull(followAndEnd(bar, PUD_SIZE + PMD_SIZE), "PMD none");
    assertNull(followAndEnd(anon, 0), "not VM_PFNMAP");
    assertNull(followAndEnd(bar, 0), "outside the VMA");
  }
}

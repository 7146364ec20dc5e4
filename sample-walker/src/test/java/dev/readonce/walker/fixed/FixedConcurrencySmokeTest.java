package dev.readonce.walker.fixed;

import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_ERROR;
import static dev.readonce.walker.fixed.client.Hmm.HMM_PFN_ORDER_SHIFT;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.fixed.client.Hmm;
import dev.readonce.walker.fixed.client.HmmRange;
import dev.readonce.walker.fixed.client.MappingDirtyHelpers;
import dev.readonce.walker.fixed.client.Ptdump;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Khugepaged;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Mmu;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Real threads, bounded by iteration counts: walkers (HMM, ptdump, dirty tracking) against writers
 * (dev_dax zap and refault, PTE-table retraction and refault, user accesses). No deadlock, no
 * exception, and every frame a walker reports is one that was mapped there.
 *
 * <p>A smoke test of the machine's locking, not a race detector: the race windows are a few
 * instructions wide and a random run seldom hits them, which is why each race is replayed
 * deterministically through the schedule hook ({@link FixedUnderRaceScheduleTest}).
 */
class FixedConcurrencySmokeTest {

  private static final long DAX = PUD_SIZE;
  private static final long DAX_PFN = 0x100000;
  private static final long FILE = 2 * PUD_SIZE + PMD_SIZE;
  private static final int ROUNDS = 2000;

  @Test
  void walkersAndWritersRunTogether() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), this::run);
  }

  private void run() throws Exception {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    AddressSpace file = new AddressSpace(mm.arena());
    VmArea shared = mm.mmapFile(file, FILE, FILE + PMD_SIZE, 0, VM_READ | VM_WRITE);
    Set<Long> filePfns = ConcurrentHashMap.newKeySet();
    for (long pgoff = 0; pgoff < 8; pgoff++) {
      filePfns.add(file.findOrCreatePage(pgoff));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      tasks.add(pool.submit(() -> repeat(start, () -> hmmSnapshot(mm, filePfns))));
      tasks.add(
          pool.submit(
              () ->
                  repeat(
                      start,
                      () ->
                          Ptdump.ptdumpWalkPgd(
                              mm, List.of(new Ptdump.PtdumpRange(0, 3 * PUD_SIZE))))));
      tasks.add(
          pool.submit(
              () ->
                  repeat(
                      start,
                      () -> {
                        MappingDirtyHelpers.wpSharedMappingRange(file, 0, 8);
                        MappingDirtyHelpers.cleanRecordSharedMappingRange(
                            file, 0, 8, 0, new long[1], 0, 0);
                      })));
      tasks.add(
          pool.submit(
              () ->
                  repeat(
                      start,
                      () -> {
                        Tables.withReadLock(
                            mm,
                            () -> {
                              Zap.zapPageRange(dax, DAX, DAX + PUD_SIZE);
                              return null;
                            });
                        Mmu.userAccess(mm, DAX + 3 * PAGE_SIZE, true);
                      })));
      tasks.add(
          pool.submit(
              () ->
                  repeat(
                      start,
                      () -> {
                        Khugepaged.retractPageTables(file, 0);
                        for (int i = 0; i < 8; i++) {
                          Mmu.userAccess(mm, FILE + i * PAGE_SIZE, i % 2 == 0);
                        }
                      })));
      tasks.add(pool.submit(() -> repeat(start, () -> Mmu.access(mm, FILE + PAGE_SIZE, true))));
      start.countDown();
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(shared.contains(FILE));
  }

  private static void repeat(CountDownLatch start, Runnable body) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (int i = 0; i < ROUNDS; i++) {
      body.run();
    }
  }

  /** Every word is empty or a frame that was really mapped at that address. */
  private static void hmmSnapshot(MmStruct mm, Set<Long> filePfns) {
    HmmRange range = HmmRange.snapshot(DAX + PUD_SIZE - 2 * PAGE_SIZE, FILE + 8 * PAGE_SIZE);
    int ret = Tables.withReadLock(mm, () -> Hmm.hmmRangeFault(mm, range));
    assertEquals(0, ret);
    long[] words = range.hmmPfns();
    long pfnMask = (1L << HMM_PFN_ORDER_SHIFT) - 1;
    for (int i = 0; i < 2; i++) {
      long w = words[i];
      assertTrue(w == 0 || (w & pfnMask) == DAX_PFN + PUD_SIZE / PAGE_SIZE - 2 + i, hex(w));
    }
    // Between the two VMAs there is no VMA: errors.
    for (int i = 2; i < words.length - 8; i++) {
      assertEquals(HMM_PFN_ERROR, words[i]);
    }
    for (int i = 0; i < 8; i++) {
      long w = words[words.length - 8 + i];
      assertTrue(w == 0 || filePfns.contains(w & pfnMask), hex(w));
    }
  }

  private static String hex(long word) {
    return Long.toHexString(word);
  }
}

package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.HPAGE_PMD_NR;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readonce.walker.fixed.client.MappingDirtyHelpers;
import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.HugeMemory;
import dev.readonce.walker.mm.Khugepaged;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Mmu;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.Rmap;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A bounded randomized run of walkers against writers on one address space, checking invariants on
 * everything the walkers report. Walkers: HMM range snapshots, walks with and without VMAs whose
 * callbacks check what they are given, the dirty-tracking helpers, the page-table dump. Writers,
 * each owning one region: dev_dax faults, zaps and splits of a huge PUD and of huge PMDs, faults,
 * zaps and PTE-table retraction on a shared file, anonymous THP faults, splits and zaps, and the
 * hardware's lock-free accessed/dirty updates everywhere. A schedule observer records what each
 * walker decided on and yields the CPU at random schedule points, to widen the race windows.
 *
 * <p>The invariants, each checked on every observation (none depends on timing, and a run that
 * happens to hit no race simply finds nothing):
 *
 * <ol>
 *   <li>every PUD, PMD and PTE callback is given the value the walker read and decided on (the
 *       value the walker passed to its schedule point just before);
 *   <li>every slot a callback is given lives in a frame that is a page table at that moment, and no
 *       entry handed to a callback is a word of a data page: the walker never descended from a
 *       non-table;
 *   <li>every frame HMM reports for a page is one that page was really mapped to (writers log the
 *       frames; dev_dax and file frames are fixed by the layout), and pages outside VMAs are
 *       reported as errors.
 * </ol>
 *
 * <p>It runs for {@code -Dreadonce.stress.seconds} (default 3; CI keeps it at most 60) against the
 * fixed walk, or against {@code -Dreadonce.stress.variant=RFC} or {@code PRERFC}, which shows the
 * invariants break: the historical walks descend into huge pages and retracted tables.
 */
class WalkerStressTest {

  private static final long SECONDS = Long.getLong("readonce.stress.seconds", 3);
  private static final Variant VARIANT =
      Variant.valueOf(System.getProperty("readonce.stress.variant", "FIXED"));

  private static final long DAX_PUD = PUD_SIZE; // one huge devmap PUD, or none
  private static final long DAX_PUD_PFN = 0x100000;
  private static final long DAX_PMD = 2 * PUD_SIZE; // two huge devmap PMDs, or none
  private static final long DAX_PMD_PFN = 0x200000;
  private static final long FILE = 3 * PUD_SIZE; // a shared file: one retractable PTE table
  private static final long THP = 4 * PUD_SIZE; // anonymous THP, split into PTEs and zapped
  private static final int FILE_PAGES = HPAGE_PMD_NR;

  /** THP faults allowed, each taking 2 MiB of frames the model's allocator never recycles. */
  private static final int THP_FAULTS = 128;

  private static final long HMM_VALID = 1L << 63;
  private static final long HMM_ERROR = 1L << 61;
  private static final long HMM_PFN_BITS = (1L << 53) - 1;

  /** [start, end) of each HMM snapshot: dax PUD tail and dax PMDs, a gap and the file, the THP. */
  private static final long[][] HMM_RANGES = {
    {DAX_PMD - 4 * PAGE_SIZE, DAX_PMD + 2 * PMD_SIZE},
    {FILE - 2 * PAGE_SIZE, FILE + PMD_SIZE},
    {THP, THP + PMD_SIZE}
  };

  /** Per walker thread: the address and value last passed to the PUD, PMD and PTE points. */
  private static final ThreadLocal<long[]> DECIDED = ThreadLocal.withInitial(() -> new long[6]);

  private final MmStruct mm = new MmStruct();
  private final AddressSpace mapping = new AddressSpace(mm.arena());
  private final VmArea daxPud =
      mm.mmapDevDax(DAX_PUD, DAX_PUD + PUD_SIZE, VM_READ | VM_WRITE, DAX_PUD_PFN, PUD_SIZE);
  private final VmArea daxPmd =
      mm.mmapDevDax(DAX_PMD, DAX_PMD + 2 * PMD_SIZE, VM_READ | VM_WRITE, DAX_PMD_PFN, PMD_SIZE);
  private final VmArea file = mm.mmapFile(mapping, FILE, FILE + PMD_SIZE, 0, VM_READ | VM_WRITE);
  private final VmArea thp = mm.mmapAnon(THP, THP + PMD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
  private final Map<Long, Long> pageCache = new HashMap<>();
  private final Map<Long, Set<Long>> thpFrames = new ConcurrentHashMap<>();
  private final Map<Long, Set<Long>> hmmSeen = new ConcurrentHashMap<>();
  private final AtomicInteger thpFaults = new AtomicInteger();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong failureCount = new AtomicLong();
  private final AtomicLong checked = new AtomicLong();
  private final Map<String, AtomicLong> rounds = new ConcurrentHashMap<>();

  @Test
  void walkersAgainstWritersKeepTheInvariants() {
    assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 120), this::run);
  }

  private void run() throws Exception {
    for (long pgoff = 0; pgoff < FILE_PAGES; pgoff++) {
      pageCache.put(pgoff, mapping.findOrCreatePage(pgoff));
    }
    long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
    mm.schedule().observe(this::observe);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      tasks.add(loop(pool, deadline, "hmm", this::hmmSnapshot));
      tasks.add(loop(pool, deadline, "walk", () -> checkedWalk(false)));
      tasks.add(loop(pool, deadline, "walk-novma", () -> checkedWalk(true)));
      tasks.add(loop(pool, deadline, "ptdump", () -> VARIANT.ptdump(mm, DAX_PUD, THP + PMD_SIZE)));
      tasks.add(loop(pool, deadline, "dirty", this::dirtyTracking));
      tasks.add(loop(pool, deadline, "dax-pud", this::daxPudWriter));
      tasks.add(loop(pool, deadline, "dax-pmd", this::daxPmdWriter));
      tasks.add(loop(pool, deadline, "file", this::fileWriter));
      tasks.add(loop(pool, deadline, "thp", this::thpWriter));
      tasks.add(loop(pool, deadline, "hardware", this::hardware));
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
      mm.schedule().observe(null);
    }
    hmmSeen.forEach((addr, words) -> words.forEach(w -> judgeHmm(addr, w)));
    System.out.printf(
        "WalkerStressTest (%s, %d s): %d callbacks checked, %d HMM words distinct, rounds %s%n",
        VARIANT,
        SECONDS,
        checked.get(),
        hmmSeen.values().stream().mapToInt(Set::size).sum(),
        rounds);
    if (failureCount.get() > 0) {
      fail(
          failureCount.get() + " invariant violations, the first:\n" + String.join("\n", failures));
    }
  }

  private Future<?> loop(ExecutorService pool, long deadline, String name, Runnable body) {
    AtomicLong count = rounds.computeIfAbsent(name, n -> new AtomicLong());
    return pool.submit(
        () -> {
          while (System.nanoTime() < deadline && failureCount.get() == 0) {
            body.run();
            count.incrementAndGet();
          }
        });
  }

  private void violated(String what) {
    if (failureCount.incrementAndGet() <= 20) {
      failures.add(what);
    }
  }

  /**
   * Records what a walker decided on; yields at random points. Asserts nothing: the yield only
   * makes a writer more likely to run inside a window, never a condition of the invariants.
   */
  @SuppressWarnings("ThreadPriorityCheck") // perturbing the scheduler is the point here
  private void observe(SchedulePoint point, long addr, OptionalLong value) {
    if (value.isPresent()) {
      int i =
          switch (point) {
            case WALK_PUD_AFTER_READ -> 0;
            case WALK_PMD_AFTER_READ -> 2;
            case WALK_PTE_AFTER_READ -> 4;
            default -> -1;
          };
      if (i >= 0) {
        long[] decided = DECIDED.get();
        decided[i] = addr;
        decided[i + 1] = value.getAsLong();
      }
    }
    if (ThreadLocalRandom.current().nextInt(8) == 0) {
      Thread.yield();
    }
  }

  // ---- walkers

  private void hmmSnapshot() {
    long[] range = HMM_RANGES[ThreadLocalRandom.current().nextInt(HMM_RANGES.length)];
    long[] words = VARIANT.hmmSnapshot(mm, range[0], range[1]);
    for (int i = 0; i < words.length; i++) {
      if (words[i] != 0) {
        long addr = range[0] + i * PAGE_SIZE;
        hmmSeen.computeIfAbsent(addr, a -> ConcurrentHashMap.newKeySet()).add(words[i]);
      }
    }
  }

  /** Invariant 3, judged once all threads have stopped and every frame is logged. */
  private void judgeHmm(long addr, long word) {
    boolean inVma = mm.vmas().stream().anyMatch(vma -> vma.contains(addr));
    if (!inVma) {
      if (word != HMM_ERROR) {
        violated(String.format("HMM word %x for %x, outside any VMA", word, addr));
      }
      return;
    }
    Set<Long> held = framesEverMapped(addr);
    long pfn = word & HMM_PFN_BITS;
    if ((word & HMM_VALID) == 0 || (word & HMM_ERROR) != 0 || !held.contains(pfn)) {
      violated(
          String.format(
              "HMM reported %x for %x, which was only ever mapped to %s", word, addr, held));
    }
  }

  private Set<Long> framesEverMapped(long addr) {
    if (daxPud.contains(addr)) {
      return Set.of(daxPud.devicePfn(addr));
    }
    if (daxPmd.contains(addr)) {
      return Set.of(daxPmd.devicePfn(addr));
    }
    if (file.contains(addr)) {
      return Set.of(pageCache.get(file.linearPageIndex(addr)));
    }
    return thpFrames.getOrDefault(addr, Set.of());
  }

  private void checkedWalk(boolean novma) {
    VARIANT.walk(
        mm,
        DAX_PUD,
        THP + PMD_SIZE,
        novma,
        new Variant.Visitor() {
          @Override
          public boolean entry(int level, long addr, long entry, boolean snapshot, EntryRef slot) {
            checked.incrementAndGet();
            if (snapshot) { // invariant 1
              long[] decided = DECIDED.get();
              int i = (level - 2) * 2;
              if (decided[i] != addr || decided[i + 1] != entry) {
                violated(
                    String.format(
                        "level %d at %x: the walker decided on %x at %x, the callback got %x",
                        level, addr, decided[i + 1], decided[i], entry));
              }
            }
            Arena.Use use = mm.arena().use(slot.tablePfn()); // invariant 2
            if (use != Arena.Use.TABLE || Arena.isDataPattern(entry)) {
              violated(
                  String.format(
                      "level %d at %x: entry %x from frame %x, which is %s: a descent from a"
                          + " non-table",
                      level, addr, entry, slot.tablePfn(), use));
            }
            return ThreadLocalRandom.current().nextInt(4) != 0; // mostly descend (and split)
          }

          @Override
          public void hole(long addr, long next, int depth) {}
        });
  }

  private void dirtyTracking() {
    MappingDirtyHelpers.wpSharedMappingRange(mapping, 0, FILE_PAGES);
    MappingDirtyHelpers.cleanRecordSharedMappingRange(
        mapping, 0, FILE_PAGES, 0, new long[FILE_PAGES / 64], 0, 0);
  }

  // ---- writers, one per region

  private static long page(long base, int pages) {
    return base + ThreadLocalRandom.current().nextInt(pages) * PAGE_SIZE;
  }

  private void withReadLock(Runnable body) {
    Tables.withReadLock(
        mm,
        () -> {
          body.run();
          return null;
        });
  }

  private void daxPudWriter() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long addr = page(DAX_PUD, 1 << 18);
    switch (r.nextInt(4)) {
      case 0, 1 -> Mmu.userAccess(mm, addr, r.nextBoolean()); // vmf_insert_pfn_pud()
      case 2 -> withReadLock(() -> Zap.zapPageRange(daxPud, DAX_PUD, DAX_PUD + PUD_SIZE));
      default ->
          withReadLock(
              () -> {
                PudRef pudp = Rmap.mmFindPud(mm, DAX_PUD);
                if (pudp != null) {
                  HugeMemory.splitHugePud(daxPud, pudp, addr);
                }
              });
    }
  }

  private void daxPmdWriter() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long addr = page(DAX_PMD, 2 * HPAGE_PMD_NR);
    switch (r.nextInt(4)) {
      case 0, 1 -> Mmu.userAccess(mm, addr, r.nextBoolean()); // vmf_insert_pfn_pmd()
      case 2 -> withReadLock(() -> Zap.zapPageRange(daxPmd, addr, addr + PAGE_SIZE));
      default ->
          withReadLock(
              () -> {
                PmdRef pmdp = Rmap.mmFindPmd(mm, addr);
                if (pmdp != null) {
                  HugeMemory.splitHugePmd(daxPmd, pmdp, addr);
                }
              });
    }
  }

  private void fileWriter() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long addr = page(FILE, FILE_PAGES);
    switch (r.nextInt(4)) {
      case 0 -> Khugepaged.retractPageTables(mapping, 0);
      case 1, 2 -> Mmu.userAccess(mm, addr, r.nextBoolean());
      default ->
          withReadLock(
              () ->
                  Zap.zapPageRange(
                      file,
                      addr,
                      addr + 8 * PAGE_SIZE > FILE + PMD_SIZE
                          ? FILE + PMD_SIZE
                          : addr + 8 * PAGE_SIZE));
    }
  }

  private void thpWriter() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long addr = page(THP, HPAGE_PMD_NR);
    switch (r.nextInt(5)) {
      case 0, 1 -> thpFault(addr, r.nextBoolean());
      case 2 ->
          withReadLock(
              () -> {
                PmdRef pmdp = Rmap.mmFindPmd(mm, THP);
                if (pmdp != null) {
                  HugeMemory.splitHugePmd(thp, pmdp, THP); // into a PTE table of the same frames
                }
              });
      case 3 ->
          withReadLock(
              () -> Zap.zapPageRange(thp, addr, Math.min(addr + 16 * PAGE_SIZE, THP + PMD_SIZE)));
      default -> {
        if (thpFaults.get() < THP_FAULTS) {
          withReadLock(() -> Zap.zapPageRange(thp, THP, THP + PMD_SIZE));
        }
      }
    }
  }

  /**
   * Faults {@code addr} in (a THP if the PMD is none and the budget allows), then logs every frame
   * the PMD maps. That covers every mapping of the region: this thread is its only faulting writer,
   * and a walk that splits the THP meanwhile moves the same frames into a PTE table.
   */
  private void thpFault(long addr, boolean write) {
    PmdRef pmdp = Rmap.mmFindPmd(mm, addr);
    boolean none = pmdp == null || Pmd.pmdNone(pmdp.get());
    if (none && thpFaults.getAndIncrement() >= THP_FAULTS) {
      return;
    }
    Mmu.userAccess(mm, addr, write);
    pmdp = Rmap.mmFindPmd(mm, addr);
    long pmd = pmdp == null ? 0 : pmdp.get();
    for (int i = 0; i < HPAGE_PMD_NR; i++) {
      long page = THP + i * PAGE_SIZE;
      long pfn = -1;
      if (Pmd.pmdLeaf(pmd) && Pmd.pmdPresent(pmd)) {
        pfn = Pmd.pmdPfn(pmd) + i;
      } else if (Pmd.pmdTable(pmd)) {
        long pte = PteRef.pteOffset(mm, pmd, page).get();
        pfn = Pte.ptePresent(pte) ? Pte.ptePfn(pte) : -1;
      }
      if (pfn >= 0) {
        thpFrames.computeIfAbsent(page, a -> ConcurrentHashMap.newKeySet()).add(pfn);
      }
    }
  }

  private void hardware() {
    long[] bases = {DAX_PUD, DAX_PMD, FILE, THP};
    long base = bases[ThreadLocalRandom.current().nextInt(bases.length)];
    Mmu.access(mm, page(base, HPAGE_PMD_NR), ThreadLocalRandom.current().nextBoolean());
  }
}

package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.races.StressRegions.DAX_PMD;
import static dev.readonce.walker.races.StressRegions.DAX_PUD;
import static dev.readonce.walker.races.StressRegions.FILE;
import static dev.readonce.walker.races.StressRegions.FILE_PAGES;
import static dev.readonce.walker.races.StressRegions.THP;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.readonce.walker.fixed.client.MappingDirtyHelpers;
import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.SchedulePoint;
import dev.readonce.walker.testing.Variant;
import java.time.Duration;
import java.util.ArrayList;
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

  private final StressRegions regions = new StressRegions();
  private final MmStruct mm = regions.mm;
  private final Map<Long, Set<Long>> hmmSeen = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicLong failureCount = new AtomicLong();
  private final AtomicLong checked = new AtomicLong();
  private final Map<String, AtomicLong> rounds = new ConcurrentHashMap<>();

  @Test
  void walkersAgainstWritersKeepTheInvariants() {
    assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 120), this::run);
  }

  private void run() throws Exception {
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
      tasks.add(loop(pool, deadline, "dax-pud", regions::daxPudWriter));
      tasks.add(loop(pool, deadline, "dax-pmd", regions::daxPmdWriter));
      tasks.add(loop(pool, deadline, "file", regions::fileWriter));
      tasks.add(loop(pool, deadline, "thp", regions::thpWriter));
      tasks.add(loop(pool, deadline, "hardware", regions::hardware));
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
    if (!regions.inVma(addr)) {
      if (word != HMM_ERROR) {
        violated(String.format("HMM word %x for %x, outside any VMA", word, addr));
      }
      return;
    }
    Set<Long> held = regions.framesEverMapped(addr);
    long pfn = word & HMM_PFN_BITS;
    if ((word & HMM_VALID) == 0 || (word & HMM_ERROR) != 0 || !held.contains(pfn)) {
      violated(
          String.format(
              "HMM reported %x for %x, which was only ever mapped to %s", word, addr, held));
    }
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
    MappingDirtyHelpers.wpSharedMappingRange(regions.mapping, 0, FILE_PAGES);
    MappingDirtyHelpers.cleanRecordSharedMappingRange(
        regions.mapping, 0, FILE_PAGES, 0, new long[FILE_PAGES / 64], 0, 0);
  }
}

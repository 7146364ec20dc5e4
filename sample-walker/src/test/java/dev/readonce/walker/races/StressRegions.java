package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.HPAGE_PMD_NR;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;

import dev.readonce.walker.mm.AddressSpace;
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
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The address space of {@link WalkerStressTest}, its writers (one per region, each a loop body),
 * and the log of which frames each page was ever mapped to.
 *
 * <pre>
 * [1G, 2G)        dev_dax, 1 GiB aligned: one huge devmap PUD or none (faults, zaps, splits)
 * [2G, 2G+4M)     dev_dax, 2 MiB aligned: huge devmap PMDs or none (faults, zaps, splits)
 * [2G+4M, 3G)     nothing
 * [3G, 3G+2M)     a shared file: 4 KiB pages in one PTE table (faults, zaps, retraction)
 * [4G, 4G+2M)     anonymous THP (faults, splits into a PTE table, zaps)
 * </pre>
 */
final class StressRegions {

  static final long DAX_PUD = PUD_SIZE;
  static final long DAX_PUD_PFN = 0x100000;
  static final long DAX_PMD = 2 * PUD_SIZE;
  static final long DAX_PMD_PFN = 0x200000;
  static final long FILE = 3 * PUD_SIZE;
  static final long THP = 4 * PUD_SIZE;
  static final int FILE_PAGES = HPAGE_PMD_NR;

  /** THP faults allowed, each taking 2 MiB of frames the model's allocator never recycles. */
  private static final int THP_FAULTS = 128;

  final MmStruct mm = new MmStruct();
  final AddressSpace mapping = new AddressSpace(mm.arena());
  private final VmArea daxPud =
      mm.mmapDevDax(DAX_PUD, DAX_PUD + PUD_SIZE, VM_READ | VM_WRITE, DAX_PUD_PFN, PUD_SIZE);
  private final VmArea daxPmd =
      mm.mmapDevDax(DAX_PMD, DAX_PMD + 2 * PMD_SIZE, VM_READ | VM_WRITE, DAX_PMD_PFN, PMD_SIZE);
  private final VmArea file = mm.mmapFile(mapping, FILE, FILE + PMD_SIZE, 0, VM_READ | VM_WRITE);
  private final VmArea thp = mm.mmapAnon(THP, THP + PMD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
  private final Map<Long, Long> pageCache = new HashMap<>();
  private final Map<Long, Set<Long>> thpFrames = new ConcurrentHashMap<>();
  private final AtomicInteger thpFaults = new AtomicInteger();

  StressRegions() {
    for (long pgoff = 0; pgoff < FILE_PAGES; pgoff++) {
      pageCache.put(pgoff, mapping.findOrCreatePage(pgoff));
    }
  }

  /** Whether {@code addr} lies in a VMA. */
  boolean inVma(long addr) {
    return daxPud.contains(addr)
        || daxPmd.contains(addr)
        || file.contains(addr)
        || thp.contains(addr);
  }

  /** Every frame the page at {@code addr} was ever mapped to, as far as the writers have logged. */
  Set<Long> framesEverMapped(long addr) {
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

  void daxPudWriter() {
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

  void daxPmdWriter() {
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

  void fileWriter() {
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

  void thpWriter() {
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

  void hardware() {
    long[] bases = {DAX_PUD, DAX_PMD, FILE, THP};
    long base = bases[ThreadLocalRandom.current().nextInt(bases.length)];
    Mmu.access(mm, page(base, HPAGE_PMD_NR), ThreadLocalRandom.current().nextBoolean());
  }
}

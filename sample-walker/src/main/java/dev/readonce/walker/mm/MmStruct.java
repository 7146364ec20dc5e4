package dev.readonce.walker.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An address space, {@code struct mm_struct}: its root page table, its locks, its VMAs, the
 * physical memory its tables live in, and the {@link Schedule} hook of its tests.
 *
 * <p>Locking, as in the kernel:
 *
 * <ul>
 *   <li>{@code mmap_lock}: walkers, faults, zaps and allocations of tables hold it for read; VMA
 *       changes (and the freeing of PGD, P4D, PUD and PMD tables, which the model never does while
 *       the mm is in use) hold it for write. PTE tables are the exception: khugepaged retracts them
 *       without it ({@link Khugepaged}).
 *   <li>{@code page_table_lock}: guards the PGD, P4D and PUD entries ({@code pud_lock()} on x86).
 *   <li>split page-table locks, one per table frame ({@link Arena#ptlock}): a PMD table's lock
 *       guards its PMD entries, a PTE table's lock its PTEs.
 * </ul>
 */
public final class MmStruct {

  private final Arena arena;
  private final long pgdPfn;
  private final ReentrantLock pageTableLock = new ReentrantLock();
  private final ReentrantReadWriteLock mmapLock = new ReentrantReadWriteLock();

  /** VMAs by {@code vm_end}, so that {@code find_vma(addr)} is the first key above addr. */
  private final TreeMap<Long, VmArea> vmas = new TreeMap<>();

  private final Schedule schedule = new Schedule();
  private final Tlb tlb = new Tlb();
  private final ReentrantLock migrationLock = new ReentrantLock();
  private final Condition migrationDone = migrationLock.newCondition();

  /** An empty address space with its own physical memory. */
  public MmStruct() {
    this(new Arena());
  }

  /** An empty address space whose tables live in {@code arena} ({@code pgd_alloc()}). */
  public MmStruct(Arena arena) {
    this.arena = arena;
    this.pgdPfn = arena.allocTable();
  }

  public Arena arena() {
    return arena;
  }

  /** The frame of the root table, {@code mm->pgd}. */
  public long pgdPfn() {
    return pgdPfn;
  }

  /** The test hook of this address space. */
  public Schedule schedule() {
    return schedule;
  }

  public Tlb tlb() {
    return tlb;
  }

  ReentrantLock pageTableLock() {
    return pageTableLock;
  }

  ReentrantLock migrationLock() {
    return migrationLock;
  }

  Condition migrationDone() {
    return migrationDone;
  }

  /** Models {@code mmap_read_lock()}. */
  public void mmapReadLock() {
    mmapLock.readLock().lock();
  }

  /** Models {@code mmap_read_unlock()}. */
  public void mmapReadUnlock() {
    mmapLock.readLock().unlock();
  }

  /** Models {@code mmap_write_lock()}. */
  public void mmapWriteLock() {
    mmapLock.writeLock().lock();
  }

  /** Models {@code mmap_write_unlock()}. */
  public void mmapWriteUnlock() {
    mmapLock.writeLock().unlock();
  }

  /** Models {@code mmap_assert_locked()}: the calling thread holds the mm lock in either mode. */
  public void mmapAssertLocked() {
    if (mmapLock.getReadHoldCount() == 0 && !mmapLock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("mmap_lock not held");
    }
  }

  /** Models {@code find_vma()}: the first VMA ending above {@code addr}, or {@code null}. */
  public VmArea findVma(long addr) {
    mmapAssertLocked();
    Map.Entry<Long, VmArea> e = vmas.higherEntry(addr);
    return e == null ? null : e.getValue();
  }

  /** The VMAs, lowest first. */
  public List<VmArea> vmas() {
    mmapReadLock();
    try {
      return new ArrayList<>(vmas.values());
    } finally {
      mmapReadUnlock();
    }
  }

  /** Maps anonymous private memory ({@code mmap(MAP_PRIVATE | MAP_ANONYMOUS)}). */
  public VmArea mmapAnon(long start, long end, long flags) {
    return insert(new VmArea(this, start, end, flags, 0, 0, Layout.PAGE_SIZE, null));
  }

  /** Maps {@code mapping} shared from file page {@code pgoff} ({@code mmap(MAP_SHARED)}). */
  public VmArea mmapFile(AddressSpace mapping, long start, long end, long pgoff, long flags) {
    if (mapping.arena() != arena) {
      throw new IllegalArgumentException("file pages live in another arena");
    }
    long all = flags | VmArea.VM_SHARED | VmArea.VM_MAYREAD | VmArea.VM_MAYWRITE;
    return insert(new VmArea(this, start, end, all, pgoff, 0, Layout.PAGE_SIZE, mapping));
  }

  /** Maps a device-dax instance at device frame {@code pfnBase} ({@code dax_mmap()}). */
  public VmArea mmapDevDax(long start, long end, long flags, long pfnBase, long align) {
    long all = flags | VmArea.VM_DEVDAX | VmArea.VM_SHARED | VmArea.VM_HUGEPAGE;
    return insert(new VmArea(this, start, end, all, 0, checkDevice(pfnBase), align, null));
  }

  /** Maps device frames by pfn, as a vfio BAR with huge pfnmap faults ({@code VM_PFNMAP}). */
  public VmArea mmapPfnmap(long start, long end, long flags, long pfnBase, long align) {
    long all = flags | VmArea.VM_PFNMAP | VmArea.VM_IO | VmArea.VM_SHARED;
    return insert(new VmArea(this, start, end, all, 0, checkDevice(pfnBase), align, null));
  }

  private static long checkDevice(long pfnBase) {
    if (pfnBase < Arena.DEVICE_PFN_BASE) {
      throw new IllegalArgumentException("device frames start at " + Arena.DEVICE_PFN_BASE);
    }
    return pfnBase;
  }

  private VmArea insert(VmArea vma) {
    mmapWriteLock();
    try {
      VmArea next = findVma(vma.start());
      if (next != null && next.start() < vma.end()) {
        throw new IllegalArgumentException("overlaps " + next);
      }
      vmas.put(vma.end(), vma);
      if (vma.mapping() != null) {
        vma.mapping().link(vma);
      }
      return vma;
    } finally {
      mmapWriteUnlock();
    }
  }

  @Override
  public String toString() {
    return "MmStruct[pgd=" + pgdPfn + "]";
  }
}

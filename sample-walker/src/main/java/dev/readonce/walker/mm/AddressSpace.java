package dev.readonce.walker.mm;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A file's {@code struct address_space}: its page cache and the VMAs that map it ({@code i_mmap}),
 * guarded by {@code i_mmap_rwsem}.
 *
 * <p>{@code walk_page_mapping()} walks every VMA of a file holding {@code i_mmap_rwsem} for read
 * instead of any mm's lock; {@code retract_page_tables()} finds the VMAs whose PTE tables it
 * retracts the same way.
 */
public final class AddressSpace {

  private final Arena arena;
  private final ReentrantReadWriteLock iMmapRwsem = new ReentrantReadWriteLock();
  private final CopyOnWriteArrayList<VmArea> iMmap = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<Long, Long> pageCache = new ConcurrentHashMap<>();

  /** A file whose pages live in {@code arena}; map it only into mms on the same arena. */
  public AddressSpace(Arena arena) {
    this.arena = arena;
  }

  Arena arena() {
    return arena;
  }

  /** Models {@code i_mmap_lock_read()}. */
  public void iMmapLockRead() {
    iMmapRwsem.readLock().lock();
  }

  /** Models {@code i_mmap_unlock_read()}. */
  public void iMmapUnlockRead() {
    iMmapRwsem.readLock().unlock();
  }

  /** Whether the calling thread holds {@code i_mmap_rwsem} in either mode. */
  public boolean iMmapLocked() {
    return iMmapRwsem.getReadHoldCount() > 0 || iMmapRwsem.isWriteLockedByCurrentThread();
  }

  /** The VMAs mapping this file, in the order they were mapped. */
  public List<VmArea> vmas() {
    return List.copyOf(iMmap);
  }

  /**
   * Models {@code filemap_fault()}'s lookup: the frame caching page {@code pgoff}, created once.
   */
  public long findOrCreatePage(long pgoff) {
    return pageCache.computeIfAbsent(pgoff, p -> arena.allocPage());
  }

  void link(VmArea vma) {
    iMmapRwsem.writeLock().lock();
    try {
      iMmap.add(vma);
    } finally {
      iMmapRwsem.writeLock().unlock();
    }
  }
}

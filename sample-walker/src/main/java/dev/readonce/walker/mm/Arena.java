package dev.readonce.walker.mm;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Physical memory: 4 KiB frames of 512 entries, indexed by frame number (pfn), where page tables
 * and data pages live side by side, as they do in RAM.
 *
 * <p>That is the point of the model: a walker that takes a huge leaf's pfn for a table pointer does
 * not crash, it reads a real frame of the wrong kind. Frames below {@link #DEVICE_PFN_BASE} are
 * RAM, handed out by a page allocator that reuses freed frames first (last freed, first reused), so
 * a retracted PTE table soon comes back as somebody else's table or page. Frames at and above it
 * are device memory (dev_dax, VM_PFNMAP); they are never allocated. Any frame not allocated as a
 * table reads as data: its entries are filled, when first touched, with {@link #dataWord a
 * recognisable pattern} whose values look like present table pointers.
 *
 * <p>Each frame carries the split page-table lock of the table it may hold ({@code ptlock_ptr()} of
 * its {@code struct ptdesc}); the lock belongs to the frame and survives free and reuse.
 */
public final class Arena {

  /** The first device frame; RAM is below. 4 GiB of RAM, more than any test needs. */
  public static final long DEVICE_PFN_BASE = 1L << 20;

  /** What a frame is used for, as {@code struct page} flags would say. */
  public enum Use {
    /** On the free list. */
    FREE,
    /** A page table, zeroed when allocated. */
    TABLE,
    /** A data page of RAM. */
    PAGE,
    /** Device memory. */
    DEVICE
  }

  private static final long DATA_MARK = 0xDA7AL;

  private static final class Frame {
    final long[] words = new long[Layout.PTRS_PER_TABLE];
    final ReentrantLock ptl = new ReentrantLock();
    volatile Use use;

    Frame(long pfn, Use use) {
      this.use = use;
      fillData(pfn, words);
    }
  }

  private final ConcurrentHashMap<Long, Frame> frames = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<Long> freeList = new ConcurrentLinkedDeque<>();
  // pfn 0 stays unused so that no table pointer is ever a bare flag word.
  private final AtomicLong nextPfn = new AtomicLong(1);

  /** Allocates a zeroed frame for a page table ({@code pagetable_alloc(__GFP_ZERO)}). */
  public long allocTable() {
    long pfn = take();
    Frame frame = frame(pfn);
    Arrays.fill(frame.words, 0);
    frame.use = Use.TABLE;
    return pfn;
  }

  /** Allocates a data page ({@code alloc_page()}), filled with the data pattern. */
  public long allocPage() {
    long pfn = take();
    Frame frame = frame(pfn);
    fillData(pfn, frame.words);
    frame.use = Use.PAGE;
    return pfn;
  }

  /**
   * Allocates {@code nr} contiguous, naturally aligned data frames (a THP, {@code
   * folio_alloc(order)}) and returns the first. Huge blocks come from fresh memory and are not
   * recycled when freed: the model only needs small frames to be reused.
   */
  public long allocHugePage(int nr) {
    for (; ; ) {
      long cur = nextPfn.get();
      long start = (cur + nr - 1) & -nr;
      if (start + nr > DEVICE_PFN_BASE) {
        throw new IllegalStateException("out of memory: no " + nr + "-frame block left");
      }
      if (nextPfn.compareAndSet(cur, start + nr)) {
        return start;
      }
    }
  }

  /**
   * Returns a frame to the allocator ({@code pagetable_free()}, {@code free_page()}). Its contents
   * stay as they were until it is reused, as in RAM.
   */
  public void free(long pfn) {
    if (pfn >= DEVICE_PFN_BASE) {
      throw new IllegalArgumentException("device frame " + pfn + " is not allocated memory");
    }
    Frame frame = frame(pfn);
    if (frame.use == Use.FREE) {
      throw new IllegalStateException("double free of frame " + pfn);
    }
    frame.use = Use.FREE;
    freeList.push(pfn);
  }

  /** The 512 words of frame {@code pfn}, materialised as data if never touched. */
  public long[] words(long pfn) {
    return frame(pfn).words;
  }

  /** The split page-table lock that lives in frame {@code pfn} ({@code ptlock_ptr()}). */
  public ReentrantLock ptlock(long pfn) {
    return frame(pfn).ptl;
  }

  /** What frame {@code pfn} is used for now. */
  public Use use(long pfn) {
    return frame(pfn).use;
  }

  /** How many frames are in use {@code use} now (frames never touched are not counted). */
  public long count(Use use) {
    return frames.values().stream().filter(f -> f.use == use).count();
  }

  /** Word {@code i} of data frame {@code pfn} as first touched: present, writable, not huge. */
  public static long dataWord(long pfn, int i) {
    long fakePfn = (DATA_MARK << 24) | ((pfn & 0x7FFF) << 9) | i;
    return Pgtable.mkEntry(fakePfn, Pgtable.PAGE_SHARED);
  }

  /** Whether {@code entry} is a word of the data pattern: a walker read data as a table. */
  public static boolean isDataPattern(long entry) {
    return Pgtable.entryPfn(entry) >>> 24 == DATA_MARK;
  }

  private long take() {
    Long reused = freeList.poll();
    if (reused != null) {
      return reused;
    }
    long pfn = nextPfn.getAndIncrement();
    if (pfn >= DEVICE_PFN_BASE) {
      throw new IllegalStateException("out of memory");
    }
    return pfn;
  }

  private Frame frame(long pfn) {
    return frames.computeIfAbsent(
        pfn, p -> new Frame(p, p >= DEVICE_PFN_BASE ? Use.DEVICE : Use.PAGE));
  }

  private static void fillData(long pfn, long[] words) {
    for (int i = 0; i < words.length; i++) {
      words[i] = dataWord(pfn, i);
    }
  }
}

package dev.readonce.walker.mm;

/**
 * The bits of a page-table entry, shared by every level, as x86-64 lays them out ({@code
 * arch/x86/include/asm/pgtable_types.h}).
 *
 * <p>An entry is a {@code long}: flag bits at the bottom, the page frame number (pfn) in bits
 * 12..51, software bits above. Zero is "none". A present entry with {@link #PSE} maps a huge page
 * (a leaf); a present entry without it points to the next-level table whose frame is its pfn. A
 * non-zero entry without {@link #PRESENT} is a swap-style entry: this model only makes migration
 * entries ({@link Swapops}).
 */
public final class Pgtable {

  public static final long PRESENT = 1L;
  public static final long RW = 1L << 1;
  public static final long USER = 1L << 2;
  public static final long ACCESSED = 1L << 5;
  public static final long DIRTY = 1L << 6;

  /** Page size extension: a PUD or PMD entry with it maps a huge page instead of a table. */
  public static final long PSE = 1L << 7;

  /** A mapping with no {@code struct page} behind it (VM_PFNMAP), {@code _PAGE_SPECIAL}. */
  public static final long SPECIAL = 1L << 9;

  /** Software bit 58, {@code _PAGE_DEVMAP}: device memory with {@code struct page} (dev_dax). */
  public static final long DEVMAP = 1L << 58;

  /** The frame-number field, bits 12..51. */
  public static final long PFN_MASK = ((1L << 40) - 1) << Layout.PAGE_SHIFT;

  /** The flags a table-pointer entry carries, x86's {@code _PAGE_TABLE}. */
  public static final long TABLE_FLAGS = PRESENT | RW | USER | ACCESSED | DIRTY;

  /** Protection of a read-only user page, {@code PAGE_READONLY}. */
  public static final long PAGE_READONLY = PRESENT | USER | ACCESSED;

  /** Protection of a writable user page, {@code PAGE_SHARED}. */
  public static final long PAGE_SHARED = PRESENT | RW | USER | ACCESSED;

  private Pgtable() {}

  /** The frame number an entry carries, whatever its kind. */
  public static long entryPfn(long entry) {
    return (entry & PFN_MASK) >>> Layout.PAGE_SHIFT;
  }

  /** An entry for frame {@code pfn} with the given flag bits. */
  public static long mkEntry(long pfn, long flags) {
    return ((pfn << Layout.PAGE_SHIFT) & PFN_MASK) | (flags & ~PFN_MASK);
  }
}

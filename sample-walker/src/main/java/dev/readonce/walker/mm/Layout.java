package dev.readonce.walker.mm;

/**
 * The geometry of the modelled address space: five levels of 512-entry tables over 4 KiB pages, as
 * x86-64 with 5-level paging ({@code arch/x86/include/asm/pgtable_64_types.h}).
 *
 * <p>A virtual address has 57 significant bits: 9 bits of index per level above the 12-bit page
 * offset. The {@code *AddrEnd} helpers clip a walk step to the end of the current entry's span,
 * like the kernel's {@code pXd_addr_end()} (including their {@code - 1} comparison, which keeps a
 * range ending at the very top of the address space correct).
 */
public final class Layout {

  public static final int PAGE_SHIFT = 12;
  public static final int PMD_SHIFT = 21;
  public static final int PUD_SHIFT = 30;
  public static final int P4D_SHIFT = 39;
  public static final int PGDIR_SHIFT = 48;

  /** Entries per table at every level. */
  public static final int PTRS_PER_TABLE = 512;

  public static final long PAGE_SIZE = 1L << PAGE_SHIFT;
  public static final long PMD_SIZE = 1L << PMD_SHIFT;
  public static final long PUD_SIZE = 1L << PUD_SHIFT;
  public static final long P4D_SIZE = 1L << P4D_SHIFT;
  public static final long PGDIR_SIZE = 1L << PGDIR_SHIFT;

  public static final long PAGE_MASK = ~(PAGE_SIZE - 1);
  public static final long PMD_MASK = ~(PMD_SIZE - 1);
  public static final long PUD_MASK = ~(PUD_SIZE - 1);
  public static final long P4D_MASK = ~(P4D_SIZE - 1);
  public static final long PGDIR_MASK = ~(PGDIR_SIZE - 1);

  /** One past the highest user address: 57 bits of virtual address. */
  public static final long TASK_SIZE = 1L << (PGDIR_SHIFT + 9);

  /** Base pages in one PMD-sized (2 MiB) page. */
  public static final int HPAGE_PMD_NR = 1 << (PMD_SHIFT - PAGE_SHIFT);

  /** Base pages in one PUD-sized (1 GiB) page. */
  public static final int HPAGE_PUD_NR = 1 << (PUD_SHIFT - PAGE_SHIFT);

  private Layout() {}

  public static int pgdIndex(long addr) {
    return index(addr, PGDIR_SHIFT);
  }

  public static int p4dIndex(long addr) {
    return index(addr, P4D_SHIFT);
  }

  public static int pudIndex(long addr) {
    return index(addr, PUD_SHIFT);
  }

  public static int pmdIndex(long addr) {
    return index(addr, PMD_SHIFT);
  }

  public static int pteIndex(long addr) {
    return index(addr, PAGE_SHIFT);
  }

  public static long pgdAddrEnd(long addr, long end) {
    return addrEnd(addr, end, PGDIR_SIZE);
  }

  public static long p4dAddrEnd(long addr, long end) {
    return addrEnd(addr, end, P4D_SIZE);
  }

  public static long pudAddrEnd(long addr, long end) {
    return addrEnd(addr, end, PUD_SIZE);
  }

  public static long pmdAddrEnd(long addr, long end) {
    return addrEnd(addr, end, PMD_SIZE);
  }

  private static int index(long addr, int shift) {
    return (int) ((addr >>> shift) & (PTRS_PER_TABLE - 1));
  }

  private static long addrEnd(long addr, long end, long size) {
    long boundary = (addr + size) & ~(size - 1);
    return boundary - 1 < end - 1 ? boundary : end;
  }
}

package dev.readonce.walker.mm;

/**
 * A virtual memory area, {@code struct vm_area_struct}: the range {@code [start, end)} of an mm
 * with one kind of backing and one set of flags. Immutable: the model changes VMAs only by adding
 * them ({@link MmStruct}).
 *
 * <p>The backing is one of: anonymous memory ({@code mapping == null}, no device flag); a shared
 * file ({@code mapping} set, pages come from its page cache at {@code pgoff + page index}); a
 * device-dax mapping ({@link #VM_DEVDAX}) or a raw pfn mapping ({@link #VM_PFNMAP}), both mapping
 * device frames from {@code pfnBase} on, in pages of up to {@code align} bytes ({@code
 * dev_dax->align}; the huge-pfnmap granularity of vfio).
 *
 * @param mm the address space the area belongs to ({@code vm_mm})
 * @param start first address ({@code vm_start}), page aligned
 * @param end one past the last address ({@code vm_end}), page aligned
 * @param flags {@code vm_flags}
 * @param pgoff file offset of {@code start}, in pages ({@code vm_pgoff})
 * @param pfnBase device frame mapped at {@code start}, for device mappings
 * @param align the largest page a device fault maps: {@link Layout#PAGE_SIZE}, {@link
 *     Layout#PMD_SIZE} or {@link Layout#PUD_SIZE}
 * @param mapping the file, or {@code null} ({@code vm_file->f_mapping})
 */
public record VmArea(
    MmStruct mm,
    long start,
    long end,
    long flags,
    long pgoff,
    long pfnBase,
    long align,
    AddressSpace mapping) {

  public static final long VM_READ = 0x1;
  public static final long VM_WRITE = 0x2;
  public static final long VM_EXEC = 0x4;
  public static final long VM_SHARED = 0x8;
  public static final long VM_MAYREAD = 0x10;
  public static final long VM_MAYWRITE = 0x20;
  public static final long VM_PFNMAP = 0x400;
  public static final long VM_IO = 0x4000;
  public static final long VM_HUGETLB = 0x400000;
  public static final long VM_HUGEPAGE = 0x20000000;

  /**
   * Not a kernel flag: stands for {@code vma->vm_ops == &dax_vm_ops}, a device-dax mapping whose
   * huge faults insert devmap PUDs and PMDs ({@code dev_dax_huge_fault()}).
   */
  public static final long VM_DEVDAX = 1L << 40;

  public VmArea {
    if ((start & ~Layout.PAGE_MASK) != 0 || (end & ~Layout.PAGE_MASK) != 0 || start >= end) {
      throw new IllegalArgumentException("bad range " + Long.toHexString(start) + "-" + end);
    }
    if (end > Layout.TASK_SIZE) {
      throw new IllegalArgumentException("beyond TASK_SIZE: " + Long.toHexString(end));
    }
    if (align != Layout.PAGE_SIZE && align != Layout.PMD_SIZE && align != Layout.PUD_SIZE) {
      throw new IllegalArgumentException("align must be 4K, 2M or 1G: " + align);
    }
  }

  /** Whether {@code addr} lies in the area. */
  public boolean contains(long addr) {
    return addr >= start && addr < end;
  }

  /** Whether every flag in {@code mask} is set. */
  public boolean has(long mask) {
    return (flags & mask) == mask;
  }

  /** Models {@code vma_is_anonymous()}. */
  public boolean isAnonymous() {
    return mapping == null && (flags & (VM_DEVDAX | VM_PFNMAP)) == 0;
  }

  /** Whether faults map device frames (dev_dax or VM_PFNMAP). */
  public boolean isDevice() {
    return (flags & (VM_DEVDAX | VM_PFNMAP)) != 0;
  }

  /** Models {@code linear_page_index()}: the file page mapped at {@code addr}. */
  public long linearPageIndex(long addr) {
    return pgoff + ((addr - start) >>> Layout.PAGE_SHIFT);
  }

  /** The device frame mapped at {@code addr}, for device mappings. */
  public long devicePfn(long addr) {
    return pfnBase + ((addr - start) >>> Layout.PAGE_SHIFT);
  }
}

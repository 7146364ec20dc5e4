package dev.readonce.bench.jmh;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;

import dev.readonce.walker.mm.Fault;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;

/**
 * A large, fully populated address space for the walker benchmarks: small pages (full PTE tables),
 * transparent huge pages (huge PMDs) and a device-DAX mapping (one huge PUD), all faulted in as a
 * process would, before any walk.
 */
final class PopulatedAddressSpace {

  /** Where the mappings start: PUD-aligned, so each kind fills whole tables. */
  static final long BASE = 4 * PUD_SIZE;

  private PopulatedAddressSpace() {}

  /**
   * Maps and faults {@code smallMiB} of small pages, then {@code thpMiB} of THP, then 1 GiB DAX.
   */
  static MmStruct build(int smallMiB, int thpMiB) {
    MmStruct mm = new MmStruct();
    long small = BASE;
    long thp = small + smallMiB * (1L << 20);
    long dax = (thp + thpMiB * (1L << 20) + PUD_SIZE - 1) & -PUD_SIZE;
    VmArea smallVma = mm.mmapAnon(small, thp, VM_READ | VM_WRITE);
    VmArea thpVma = mm.mmapAnon(thp, thp + thpMiB * (1L << 20), VM_READ | VM_WRITE | VM_HUGEPAGE);
    VmArea daxVma = mm.mmapDevDax(dax, dax + PUD_SIZE, VM_READ | VM_WRITE, 0x100000L, PUD_SIZE);
    mm.mmapReadLock();
    try {
      for (long a = small; a < thp; a += PAGE_SIZE) {
        fault(smallVma, a);
      }
      for (long a = thp; a < thpVma.end(); a += PMD_SIZE) {
        fault(thpVma, a);
      }
      fault(daxVma, dax);
    } finally {
      mm.mmapReadUnlock();
    }
    return mm;
  }

  /** The end of the populated range (exclusive). */
  static long end(MmStruct mm) {
    long end = 0;
    for (VmArea vma : mm.vmas()) {
      end = Math.max(end, vma.end());
    }
    return end;
  }

  private static void fault(VmArea vma, long addr) {
    int ret = Fault.handleMmFault(vma, addr, Fault.FAULT_FLAG_WRITE);
    if ((ret & Fault.VM_FAULT_ERROR) != 0) {
      throw new IllegalStateException("fault at " + Long.toHexString(addr) + ": " + ret);
    }
  }
}

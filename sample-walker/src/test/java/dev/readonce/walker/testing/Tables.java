package dev.readonce.walker.testing;

import static dev.readonce.walker.mm.Pmd.pmdTable;
import static dev.readonce.walker.mm.Pud.pudTable;

import dev.readonce.walker.mm.Fault;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.mm.Rmap;
import dev.readonce.walker.mm.VmArea;
import java.util.function.Supplier;

/**
 * Test-side reads of quiescent page tables (no concurrent writer runs while a test inspects them),
 * and faulting helpers.
 */
public final class Tables {

  private Tables() {}

  /** The PUD slot of {@code addr}; fails if the tables above it are missing. */
  public static PudRef pudp(MmStruct mm, long addr) {
    PudRef pudp = Rmap.mmFindPud(mm, addr);
    if (pudp == null) {
      throw new AssertionError("no PUD table for " + Long.toHexString(addr));
    }
    return pudp;
  }

  /** The PUD entry of {@code addr}. */
  public static long pud(MmStruct mm, long addr) {
    return pudp(mm, addr).get();
  }

  /** The PMD slot of {@code addr}; fails if the tables above it are missing. */
  public static PmdRef pmdp(MmStruct mm, long addr) {
    PmdRef pmdp = Rmap.mmFindPmd(mm, addr);
    if (pmdp == null) {
      throw new AssertionError("no PMD table for " + Long.toHexString(addr));
    }
    return pmdp;
  }

  /** The PMD entry of {@code addr}. */
  public static long pmd(MmStruct mm, long addr) {
    return pmdp(mm, addr).get();
  }

  /** The PTE slot of {@code addr}; fails if the tables above it are missing. */
  public static PteRef ptep(MmStruct mm, long addr) {
    long pmd = pmd(mm, addr);
    if (!pmdTable(pmd)) {
      throw new AssertionError("no PTE table for " + Long.toHexString(addr));
    }
    return PteRef.pteOffset(mm, pmd, addr);
  }

  /** The PTE of {@code addr}. */
  public static long pte(MmStruct mm, long addr) {
    return ptep(mm, addr).get();
  }

  /** Whether the PUD of {@code addr} points to a PMD table. */
  public static boolean hasPmdTable(MmStruct mm, long addr) {
    return pudTable(pud(mm, addr));
  }

  /** Faults {@code addr} in, as a read or a write, under the mm lock; fails on an error. */
  public static void fault(VmArea vma, long addr, boolean write) {
    int ret =
        withReadLock(
            vma.mm(), () -> Fault.handleMmFault(vma, addr, write ? Fault.FAULT_FLAG_WRITE : 0));
    if ((ret & Fault.VM_FAULT_ERROR) != 0) {
      throw new AssertionError("fault at " + Long.toHexString(addr) + ": " + ret);
    }
  }

  /** Runs {@code body} holding {@code mm}'s lock for read. */
  public static <T> T withReadLock(MmStruct mm, Supplier<T> body) {
    mm.mmapReadLock();
    try {
      return body.get();
    } finally {
      mm.mmapReadUnlock();
    }
  }
}

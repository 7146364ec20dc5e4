package dev.readonce.walker.testing;

import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.VmArea;

/**
 * One address space with every kind of mapping the clients meet, around the 1 GiB boundary:
 *
 * <pre>
 * [0x3fc00000, 0x3fe00000)  anonymous, 4 KiB pages: page 0 written (RW), page 1 read (ro)
 * [0x3fe00000, 0x40000000)  anonymous THP: one huge PMD, written (RW)
 * [0x40000000, 0x80000000)  dev_dax, 1 GiB aligned: one huge devmap PUD at frame 0x100000 (RW)
 * [0x80000000, ...)         nothing
 * </pre>
 *
 * @param mm the address space
 * @param small the 4 KiB-page VMA
 * @param thp the THP VMA
 * @param dax the dev_dax VMA
 * @param page0 the frame of the written page at {@link #SMALL}
 * @param page1 the frame of the read page at {@code SMALL + 4K}
 * @param thpPfn the first frame of the THP
 */
public record MixedLayout(
    MmStruct mm, VmArea small, VmArea thp, VmArea dax, long page0, long page1, long thpPfn) {

  public static final long SMALL = 0x3fc0_0000L;
  public static final long THP = 0x3fe0_0000L;
  public static final long DAX = 0x4000_0000L;
  public static final long DAX_PFN = 0x100000L;

  /** Builds the layout by faulting, as a process would. */
  public static MixedLayout build() {
    MmStruct mm = new MmStruct();
    VmArea small = mm.mmapAnon(SMALL, THP, VM_READ | VM_WRITE);
    VmArea thp = mm.mmapAnon(THP, DAX, VM_READ | VM_WRITE | VM_HUGEPAGE);
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(small, SMALL, true);
    Tables.fault(small, SMALL + PAGE_SIZE, false);
    Tables.fault(thp, THP, true);
    Tables.fault(dax, DAX, false);
    return new MixedLayout(
        mm,
        small,
        thp,
        dax,
        Pte.ptePfn(Tables.pte(mm, SMALL)),
        Pte.ptePfn(Tables.pte(mm, SMALL + PAGE_SIZE)),
        Pmd.pmdPfn(Tables.pmd(mm, THP)));
  }
}

package dev.readonce.walker.prerfc;

import static dev.readonce.walker.mm.Errno.EINVAL;

import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Layout;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;

/**
 * The page walker's entry points as {@code mm/pagewalk.c} has them in v5.10: walk an mm's page
 * tables over a range, VMA by VMA, calling the {@link MmWalkOps} callbacks. The level-by-level walk
 * is {@link PageTableWalk}.
 *
 * <p>Not modelled: hugetlb VMAs, {@code walk_page_vma()} (no client here uses it), a walk of a PGD
 * other than the mm's own ({@code walk->pgd}).
 */
public final class PageWalk {

  private PageWalk() {}

  /**
   * Models v5.10's {@code walk_page_range()}: walks {@code [start, end)} of {@code mm} VMA by VMA.
   * A range outside VMAs is walked too if there is a {@code pte_hole}, which then hears of every
   * entry there as a hole. Returns 0, the first non-zero callback result, or {@code -EINVAL}.
   */
  public static <P> int walkPageRange(MmStruct mm, long start, long end, MmWalkOps<P> ops, P priv) {
    if (start >= end) {
      return -EINVAL;
    }
    mm.mmapAssertLocked();
    MmWalk<P> walk = new MmWalk<>(ops, mm, priv, false);
    VmArea vma = mm.findVma(start);
    int err = 0;
    long next;
    do {
      if (vma == null) { // after the last vma
        walk.setVma(null);
        next = end;
      } else if (start < vma.start()) { // outside vma
        walk.setVma(null);
        next = Math.min(end, vma.start());
      } else { // inside vma
        walk.setVma(vma);
        next = Math.min(end, vma.end());
        vma = mm.findVma(vma.end());
        err = walkPageTest(start, next, walk);
        if (err > 0) {
          // Positive return values are purely for controlling the pagewalk.
          err = 0;
          continue;
        }
        if (err < 0) {
          break;
        }
      }
      if (walk.vma() != null || ops.pteHole() != null) {
        err = __walkPageRange(start, next, walk);
      }
      if (err != 0) {
        break;
      }
    } while ((start = next) < end);
    return err;
  }

  /**
   * Models v5.10's {@code walk_page_range_novma()}: walks {@code [start, end)} of {@code mm}'s page
   * tables without looking at VMAs; nothing is split, and the PTE level is walked without its lock.
   */
  public static <P> int walkPageRangeNovma(
      MmStruct mm, long start, long end, MmWalkOps<P> ops, P priv) {
    if (start >= end) {
      return -EINVAL;
    }
    mm.mmapAssertLocked();
    return __walkPageRange(start, end, new MmWalk<>(ops, mm, priv, true));
  }

  /**
   * Models v5.10's {@code walk_page_mapping()}: walks, in every VMA that maps {@code mapping}, the
   * part that maps file pages {@code [firstIndex, firstIndex + nr)}; the caller holds the file's
   * {@code i_mmap_rwsem}.
   */
  public static <P> int walkPageMapping(
      AddressSpace mapping, long firstIndex, long nr, MmWalkOps<P> ops, P priv) {
    if (!mapping.iMmapLocked()) {
      throw new IllegalStateException("i_mmap_rwsem not held");
    }
    int err = 0;
    for (VmArea vma : mapping.vmas()) {
      long vba = vma.pgoff();
      long vea = vba + ((vma.end() - vma.start()) >>> Layout.PAGE_SHIFT);
      long cba = Math.max(firstIndex, vba);
      long cea = Math.min(firstIndex + nr, vea);
      long startAddr = ((cba - vba) << Layout.PAGE_SHIFT) + vma.start();
      long endAddr = ((cea - vba) << Layout.PAGE_SHIFT) + vma.start();
      if (startAddr >= endAddr) {
        continue;
      }
      MmWalk<P> walk = new MmWalk<>(ops, vma.mm(), priv, false);
      walk.setVma(vma);
      err = walkPageTest(vma.start(), vma.end(), walk);
      if (err > 0) {
        err = 0;
        break;
      } else if (err < 0) {
        break;
      }
      err = __walkPageRange(startAddr, endAddr, walk);
      if (err != 0) {
        break;
      }
    }
    return err;
  }

  /**
   * Models v5.10's {@code walk_page_test()}: {@code test_walk} decides if set; otherwise VM_PFNMAP
   * VMAs are skipped, reported to {@code pte_hole} with depth -1.
   */
  private static <P> int walkPageTest(long start, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    if (ops.testWalk() != null) {
      return ops.testWalk().testWalk(start, end, walk);
    }
    if (walk.vma().has(VmArea.VM_PFNMAP)) {
      int err = ops.pteHole() == null ? 1 : ops.pteHole().pteHole(start, end, -1, walk);
      return err != 0 ? err : 1;
    }
    return 0;
  }

  /**
   * Models v5.10's {@code __walk_page_range()}: one range, between {@code pre_vma} and {@code
   * post_vma}.
   */
  private static <P> int __walkPageRange(long start, long end, MmWalk<P> walk) {
    MmWalkOps<P> ops = walk.ops;
    VmArea vma = walk.vma();
    if (vma != null && ops.preVma() != null) {
      int err = ops.preVma().preVma(start, end, walk);
      if (err != 0) {
        return err;
      }
    }
    int err = PageTableWalk.walkPgdRange(start, end, walk);
    if (vma != null && ops.postVma() != null) {
      ops.postVma().postVma(walk);
    }
    return err;
  }
}

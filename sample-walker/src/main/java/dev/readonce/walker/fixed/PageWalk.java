package dev.readonce.walker.fixed;

import static dev.readonce.walker.mm.Errno.EINVAL;

import dev.readonce.walker.mm.AddressSpace;
import dev.readonce.walker.mm.Layout;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;

/**
 * The page walker's entry points ({@code mm/pagewalk.c}): walk an mm's page tables over a range,
 * VMA by VMA, calling the {@link MmWalkOps} callbacks. The level-by-level walk is {@link
 * PageTableWalk}.
 *
 * <p>Callers hold the mm lock for read ({@link MmStruct#mmapReadLock}), or for {@link
 * #walkPageMapping} the file's {@code i_mmap_rwsem}; writers run concurrently (faults, zaps, huge
 * page inserts and splits, PTE-table retraction, the hardware), and the walk stays correct: it
 * never descends from a snapshot that is not a table, never enters a PTE table whose PMD it has not
 * re-checked under the table's lock, and every callback acts on the value the walker decided on.
 *
 * <p>Not modelled: hugetlb VMAs ({@code walk_hugetlb_range()}), {@code install_pte}, the walk lock
 * modes of {@code struct mm_walk_ops} (a walk takes no VMA lock).
 */
public final class PageWalk {

  private PageWalk() {}

  /**
   * Models {@code walk_page_range()}: walks {@code [start, end)} of {@code mm} VMA by VMA; ranges
   * outside VMAs go to {@code pte_hole} with depth -1. Returns 0, the first non-zero callback
   * result, or {@code -EINVAL} for an empty range.
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
      if (vma == null) { // after the last VMA
        walk.setVma(null);
        next = end;
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(start, next, -1, walk);
      } else if (start < vma.start()) { // outside a VMA
        walk.setVma(null);
        next = Math.min(end, vma.start());
        err = ops.pteHole() == null ? 0 : ops.pteHole().pteHole(start, next, -1, walk);
      } else { // inside a VMA
        walk.setVma(vma);
        next = Math.min(end, vma.end());
        vma = mm.findVma(vma.end());
        err = walkPageTest(start, next, walk);
        if (err > 0) {
          // Positive results of test_walk only steer the walk; they are not the caller's.
          err = 0;
          continue;
        }
        if (err < 0) {
          break;
        }
        err = __walkPageRange(start, next, walk);
      }
      if (err != 0) {
        break;
      }
    } while ((start = next) < end);
    return err;
  }

  /**
   * Models {@code walk_page_range_novma()}: walks {@code [start, end)} of the page tables without
   * looking at VMAs: nothing is split, huge and non-present entries are reported but not descended,
   * and {@code pte_hole} gets the depth of each none entry. The dump of {@code ptdump} uses it. The
   * root is always {@code mm}'s own PGD.
   */
  public static <P> int walkPageRangeNovma(
      MmStruct mm, long start, long end, MmWalkOps<P> ops, P priv) {
    if (start >= end) {
      return -EINVAL;
    }
    mm.mmapAssertLocked();
    return PageTableWalk.walkPgdRange(start, end, new MmWalk<>(ops, mm, priv, true));
  }

  /** Models {@code walk_page_vma()}: walks the whole of {@code vma}. */
  public static <P> int walkPageVma(VmArea vma, MmWalkOps<P> ops, P priv) {
    vma.mm().mmapAssertLocked();
    MmWalk<P> walk = new MmWalk<>(ops, vma.mm(), priv, false);
    walk.setVma(vma);
    int err = walkPageTest(vma.start(), vma.end(), walk);
    if (err > 0) {
      return 0;
    }
    if (err < 0) {
      return err;
    }
    return __walkPageRange(vma.start(), vma.end(), walk);
  }

  /**
   * Models {@code walk_page_mapping()}: walks, in every VMA that maps {@code mapping}, the part
   * that maps file pages {@code [firstIndex, firstIndex + nr)}. The caller holds the file's {@code
   * i_mmap_rwsem} instead of any mm's lock. As in the kernel, a VMA that {@code test_walk} skips
   * ends the walk.
   */
  public static <P> int walkPageMapping(
      AddressSpace mapping, long firstIndex, long nr, MmWalkOps<P> ops, P priv) {
    if (!mapping.iMmapLocked()) {
      throw new IllegalStateException("i_mmap_rwsem not held");
    }
    int err = 0;
    for (VmArea vma : mapping.vmas()) {
      // Clip to the VMA, in file pages.
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
   * Models {@code walk_page_test()}: whether to walk the current VMA: {@code test_walk} decides if
   * set; otherwise VM_PFNMAP VMAs (no {@code struct page} behind them) are skipped, reported to
   * {@code pte_hole} with depth -1. Returns 0 to walk, 1 to skip, a negative errno to fail.
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
   * Models {@code __walk_page_range()}: one VMA's part of the range, between its {@code pre_vma}
   * and {@code post_vma} callbacks.
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

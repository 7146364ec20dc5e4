package dev.readonce.walker.testing;

import dev.readonce.walker.mm.Arena;
import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.VmArea;
import java.util.ArrayList;
import java.util.List;

/**
 * The three variants of the walk and its clients behind one face, so that a race test replays one
 * schedule against each: {@link #PRERFC} (v5.10), {@link #RFC} (the RFC as posted, with {@code
 * follow_pfnmap_start()} before ffef67b93aa3) and {@link #FIXED} (mainline 2026).
 *
 * <p>Every method takes the mm lock for read as the kernel's callers hold it, and returns what the
 * client returned. {@link #walk} runs a walk whose callbacks report to a {@link Visitor}; {@link
 * #record} is such a walk that logs each callback as {@code "pud <addr> <kind>"}, {@code "pmd
 * <addr> <kind>"}, {@code "pte <addr> <pfn|none|DATA>"} and {@code "hole <addr>-<next> <depth>"},
 * where a kind is {@code none}, {@code table}, {@code leaf}, {@code DATA} (a word of a data frame,
 * read as an entry) or {@code other}; callbacks that get only the pointer read the entry
 * themselves, as the kernel's did.
 */
public enum Variant {
  PRERFC {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.prerfc.client.HmmRange.snapshot(start, end);
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.prerfc.client.Hmm.hmmRangeFault(mm, range)));
      return range.hmmPfns();
    }

    @Override
    public List<String> ptdump(MmStruct mm, long start, long end) {
      return dev.readonce.walker.prerfc.client.Ptdump.ptdumpWalkPgd(
          mm, List.of(new dev.readonce.walker.prerfc.client.Ptdump.PtdumpRange(start, end)));
    }

    @Override
    public Long followPfn(VmArea vma, long addr) {
      return Tables.withReadLock(
          vma.mm(), () -> dev.readonce.walker.prerfc.client.FollowPte.followPfn(vma, addr));
    }

    @Override
    public void walk(MmStruct mm, long start, long end, boolean novma, Visitor v) {
      var ops =
          dev.readonce.walker.prerfc.MmWalkOps.<Visitor>builder()
              .pteHole((a, n, d, w) -> hole(w.priv, a, n, d))
              .pudEntry(
                  (pudp, a, n, w) -> {
                    if (!w.priv.entry(2, a, pudp.get(), false, pudp)) {
                      w.action = dev.readonce.walker.prerfc.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pmdEntry(
                  (pmdp, a, n, w) -> {
                    if (!w.priv.entry(3, a, pmdp.get(), false, pmdp)) {
                      w.action = dev.readonce.walker.prerfc.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pteEntry((ptep, a, n, w) -> pte(w.priv, a, ptep.get(), false, ptep))
              .build();
      check(
          Tables.withReadLock(
              mm,
              () ->
                  novma
                      ? dev.readonce.walker.prerfc.PageWalk.walkPageRangeNovma(
                          mm, start, end, ops, v)
                      : dev.readonce.walker.prerfc.PageWalk.walkPageRange(mm, start, end, ops, v)));
    }
  },

  RFC {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.rfc.client.HmmRange.snapshot(start, end);
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.rfc.client.Hmm.hmmRangeFault(mm, range)));
      return range.hmmPfns();
    }

    @Override
    public List<String> ptdump(MmStruct mm, long start, long end) {
      return dev.readonce.walker.rfc.client.Ptdump.ptdumpWalkPgd(
          mm, List.of(new dev.readonce.walker.rfc.client.Ptdump.PtdumpRange(start, end)));
    }

    @Override
    public Long followPfn(VmArea vma, long addr) {
      return Tables.withReadLock(
          vma.mm(),
          () -> {
            var args = dev.readonce.walker.rfc.client.FollowPfnmap.followPfnmapStart(vma, addr);
            if (args == null) {
              return null;
            }
            dev.readonce.walker.rfc.client.FollowPfnmap.followPfnmapEnd(args);
            return args.pfn();
          });
    }

    @Override
    public void walk(MmStruct mm, long start, long end, boolean novma, Visitor v) {
      var ops =
          dev.readonce.walker.rfc.MmWalkOps.<Visitor>builder()
              .pteHole((a, n, d, w) -> hole(w.priv, a, n, d))
              .pudEntry(
                  (pud, pudp, a, n, w) -> {
                    if (!w.priv.entry(2, a, pud, true, pudp)) {
                      w.action = dev.readonce.walker.rfc.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pmdEntry(
                  (pmdp, a, n, w) -> {
                    if (!w.priv.entry(3, a, pmdp.get(), false, pmdp)) {
                      w.action = dev.readonce.walker.rfc.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pteEntry((ptep, a, n, w) -> pte(w.priv, a, ptep.get(), false, ptep))
              .build();
      check(
          Tables.withReadLock(
              mm,
              () ->
                  novma
                      ? dev.readonce.walker.rfc.PageWalk.walkPageRangeNovma(mm, start, end, ops, v)
                      : dev.readonce.walker.rfc.PageWalk.walkPageRange(mm, start, end, ops, v)));
    }
  },

  FIXED {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.fixed.client.HmmRange.snapshot(start, end);
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.fixed.client.Hmm.hmmRangeFault(mm, range)));
      return range.hmmPfns();
    }

    @Override
    public List<String> ptdump(MmStruct mm, long start, long end) {
      return dev.readonce.walker.fixed.client.Ptdump.ptdumpWalkPgd(
          mm, List.of(new dev.readonce.walker.fixed.client.Ptdump.PtdumpRange(start, end)));
    }

    @Override
    public Long followPfn(VmArea vma, long addr) {
      return Tables.withReadLock(
          vma.mm(),
          () -> {
            var args = dev.readonce.walker.fixed.client.FollowPfnmap.followPfnmapStart(vma, addr);
            if (args == null) {
              return null;
            }
            dev.readonce.walker.fixed.client.FollowPfnmap.followPfnmapEnd(args);
            return args.pfn();
          });
    }

    @Override
    public void walk(MmStruct mm, long start, long end, boolean novma, Visitor v) {
      var ops =
          dev.readonce.walker.fixed.MmWalkOps.<Visitor>builder()
              .pteHole((a, n, d, w) -> hole(w.priv, a, n, d))
              .pudEntry(
                  (pud, pudp, a, n, w) -> {
                    if (!w.priv.entry(2, a, pud, true, pudp)) {
                      w.action = dev.readonce.walker.fixed.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pmdEntry(
                  (pmd, pmdp, a, n, w) -> {
                    if (!w.priv.entry(3, a, pmd, true, pmdp)) {
                      w.action = dev.readonce.walker.fixed.Action.CONTINUE;
                    }
                    return 0;
                  })
              .pteEntry((pte, ptep, a, n, w) -> pte(w.priv, a, pte, true, ptep))
              .build();
      check(
          Tables.withReadLock(
              mm,
              () ->
                  novma
                      ? dev.readonce.walker.fixed.PageWalk.walkPageRangeNovma(
                          mm, start, end, ops, v)
                      : dev.readonce.walker.fixed.PageWalk.walkPageRange(mm, start, end, ops, v)));
    }
  };

  /** HMM's snapshot of {@code [start, end)} without faulting: one output word per page. */
  public abstract long[] hmmSnapshot(MmStruct mm, long start, long end);

  /** The page-table dump of {@code [start, end)}. */
  public abstract List<String> ptdump(MmStruct mm, long start, long end);

  /**
   * The frame mapped at {@code addr} of a pfn mapping, by {@code follow_pfnmap_start()} (by {@code
   * follow_pfn()} before the RFC), the lock it returns released; {@code null} for {@code -EINVAL}.
   */
  public abstract Long followPfn(VmArea vma, long addr);

  /**
   * Walks {@code [start, end)} ({@code walk_page_range()}, or {@code walk_page_range_novma()} if
   * {@code novma}) with PUD, PMD and PTE callbacks and {@code pte_hole} that call {@code visitor}.
   */
  public abstract void walk(MmStruct mm, long start, long end, boolean novma, Visitor visitor);

  /** What a walk's callbacks report, whatever the variant's callback signatures. */
  public interface Visitor {
    /**
     * A PUD ({@code level} 2), PMD (3) or PTE (4) callback at {@code addr} for {@code slot}: {@code
     * entry} is the walker's snapshot if {@code snapshot}, else the callback's own read of the slot
     * (callbacks given only the pointer). Returns whether the walker may descend (else the callback
     * sets {@code ACTION_CONTINUE}); ignored for PTEs.
     */
    boolean entry(int level, long addr, long entry, boolean snapshot, EntryRef slot);

    /** A hole {@code [addr, next)} at {@code depth}. */
    void hole(long addr, long next, int depth);
  }

  /** A walk of {@code [start, end)} ({@code walk_page_range()}) that logs every callback. */
  public List<String> record(MmStruct mm, long start, long end) {
    List<String> log = new ArrayList<>();
    walk(
        mm,
        start,
        end,
        false,
        new Visitor() {
          @Override
          public boolean entry(int level, long addr, long entry, boolean snapshot, EntryRef slot) {
            log.add(
                level == 4
                    ? String.format("pte %x %s", addr, pte(entry))
                    : String.format("%s %x %s", level == 2 ? "pud" : "pmd", addr, kind(entry)));
            return true;
          }

          @Override
          public void hole(long addr, long next, int depth) {
            log.add(String.format("hole %x-%x %d", addr, next, depth));
          }
        });
    return log;
  }

  /** The kind of an entry, as the recording walk logs it. */
  public static String kind(long entry) {
    if (entry == 0) {
      return "none";
    }
    if (Arena.isDataPattern(entry)) {
      return "DATA";
    }
    return Pmd.pmdTable(entry) ? "table" : Pmd.pmdLeaf(entry) ? "leaf" : "other";
  }

  private static String pte(long pte) {
    if (pte == 0) {
      return "none";
    }
    return Arena.isDataPattern(pte) ? "DATA" : Long.toHexString(Pte.ptePfn(pte));
  }

  private static int hole(Visitor v, long addr, long next, int depth) {
    v.hole(addr, next, depth);
    return 0;
  }

  private static int pte(Visitor v, long addr, long pte, boolean snapshot, EntryRef ptep) {
    v.entry(4, addr, pte, snapshot, ptep);
    return 0;
  }

  private static void check(int ret) {
    if (ret != 0) {
      throw new AssertionError("the walk returned " + ret);
    }
  }
}

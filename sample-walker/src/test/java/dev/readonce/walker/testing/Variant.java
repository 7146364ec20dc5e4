package dev.readonce.walker.testing;

import dev.readonce.walker.mm.Arena;
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
 * client returned. The recording walk logs each callback as {@code "pud <addr> <kind>"}, {@code
 * "pmd <addr> <kind>"}, {@code "pte <addr> <pfn|none|DATA>"} and {@code "hole <addr>-<next>
 * <depth>"}, where a kind is {@code none}, {@code table}, {@code leaf}, {@code DATA} (a word of a
 * data frame, read as an entry) or {@code other}; callbacks that get only the pointer read the
 * entry themselves, as the kernel's did.
 */
public enum Variant {
  PRERFC {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.prerfc.client.HmmRange.snapshot(start, end);
      check(Tables.withReadLock(mm, () -> dev.readonce.walker.prerfc.client.Hmm.hmmRangeFault(mm, range)));
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
    public List<String> record(MmStruct mm, long start, long end) {
      List<String> log = new ArrayList<>();
      var ops =
          dev.readonce.walker.prerfc.MmWalkOps.<List<String>>builder()
              .pteHole((a, n, d, w) -> add(w.priv, String.format("hole %x-%x %d", a, n, d)))
              .pudEntry((pudp, a, n, w) -> add(w.priv, String.format("pud %x %s", a, kind(pudp.get()))))
              .pmdEntry((pmdp, a, n, w) -> add(w.priv, String.format("pmd %x %s", a, kind(pmdp.get()))))
              .pteEntry((ptep, a, n, w) -> add(w.priv, String.format("pte %x %s", a, pte(ptep.get()))))
              .build();
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.prerfc.PageWalk.walkPageRange(mm, start, end, ops, log)));
      return log;
    }
  },

  RFC {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.rfc.client.HmmRange.snapshot(start, end);
      check(Tables.withReadLock(mm, () -> dev.readonce.walker.rfc.client.Hmm.hmmRangeFault(mm, range)));
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
    public List<String> record(MmStruct mm, long start, long end) {
      List<String> log = new ArrayList<>();
      var ops =
          dev.readonce.walker.rfc.MmWalkOps.<List<String>>builder()
              .pteHole((a, n, d, w) -> add(w.priv, String.format("hole %x-%x %d", a, n, d)))
              .pudEntry((pud, pudp, a, n, w) -> add(w.priv, String.format("pud %x %s", a, kind(pud))))
              .pmdEntry((pmdp, a, n, w) -> add(w.priv, String.format("pmd %x %s", a, kind(pmdp.get()))))
              .pteEntry((ptep, a, n, w) -> add(w.priv, String.format("pte %x %s", a, pte(ptep.get()))))
              .build();
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.rfc.PageWalk.walkPageRange(mm, start, end, ops, log)));
      return log;
    }
  },

  FIXED {
    @Override
    public long[] hmmSnapshot(MmStruct mm, long start, long end) {
      var range = dev.readonce.walker.fixed.client.HmmRange.snapshot(start, end);
      check(Tables.withReadLock(mm, () -> dev.readonce.walker.fixed.client.Hmm.hmmRangeFault(mm, range)));
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
    public List<String> record(MmStruct mm, long start, long end) {
      List<String> log = new ArrayList<>();
      var ops =
          dev.readonce.walker.fixed.MmWalkOps.<List<String>>builder()
              .pteHole((a, n, d, w) -> add(w.priv, String.format("hole %x-%x %d", a, n, d)))
              .pudEntry((pud, pudp, a, n, w) -> add(w.priv, String.format("pud %x %s", a, kind(pud))))
              .pmdEntry((pmd, pmdp, a, n, w) -> add(w.priv, String.format("pmd %x %s", a, kind(pmd))))
              .pteEntry((pte, ptep, a, n, w) -> add(w.priv, String.format("pte %x %s", a, pte(pte))))
              .build();
      check(
          Tables.withReadLock(
              mm, () -> dev.readonce.walker.fixed.PageWalk.walkPageRange(mm, start, end, ops, log)));
      return log;
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

  /** A walk of {@code [start, end)} ({@code walk_page_range()}) that logs every callback. */
  public abstract List<String> record(MmStruct mm, long start, long end);

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

  private static int add(List<String> log, String line) {
    log.add(line);
    return 0;
  }

  private static void check(int ret) {
    if (ret != 0) {
      throw new AssertionError("the walk returned " + ret);
    }
  }
}

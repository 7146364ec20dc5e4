package dev.readonce.walker.fixed.client;

import static dev.readonce.walker.mm.P4d.p4dLeaf;
import static dev.readonce.walker.mm.Pgd.pgdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pud.pudLeaf;

import dev.readonce.annotations.Snapshot;
import dev.readonce.walker.fixed.MmWalk;
import dev.readonce.walker.fixed.MmWalkOps;
import dev.readonce.walker.fixed.PageWalk;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.Pgtable;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The page-table dump ({@code mm/ptdump.c} with x86's {@code note_page()} from {@code
 * arch/x86/mm/dump_pagetables.c}): walks the tables without VMAs and prints one line per contiguous
 * run of entries at the same level with the same flags, for example
 *
 * <pre>
 * 0x0000000040000000-0x0000000080000000  1G  pud  RW  huge devmap
 * </pre>
 *
 * <p>The callbacks note the walker's snapshot; the kernel's re-read each entry ({@code
 * READ_ONCE(*pud)}), which is how a dump could print a value the walk never decided on.
 */
public final class Ptdump {

  /** A range of addresses to dump, {@code struct ptdump_range}. */
  public record PtdumpRange(long start, long end) {}

  private static final String[] LEVEL_NAMES = {"pgd", "p4d", "pud", "pmd", "pte"};

  private static final MmWalkOps<PtdumpState> PTDUMP_OPS =
      MmWalkOps.<PtdumpState>builder()
          .pgdEntry(Ptdump::ptdumpPgdEntry)
          .p4dEntry(Ptdump::ptdumpP4dEntry)
          .pudEntry(Ptdump::ptdumpPudEntry)
          .pmdEntry(Ptdump::ptdumpPmdEntry)
          .pteEntry(Ptdump::ptdumpPteEntry)
          .pteHole(Ptdump::ptdumpHole)
          .build();

  /** The state of a dump, {@code struct ptdump_state} with x86's {@code pg_state}. */
  static final class PtdumpState {
    final List<String> lines = new ArrayList<>();
    int level = -1;
    String flags = "";
    long startAddress;
  }

  private Ptdump() {}

  /**
   * Models {@code ptdump_walk_pgd()}: dumps each range of {@code mm}'s tables, taking the mm lock
   * for read, and returns the lines. The last run of each range ends at the range's end (the kernel
   * flushes once, at address 0, and relies on its ranges ending at the top).
   */
  public static List<String> ptdumpWalkPgd(MmStruct mm, List<PtdumpRange> ranges) {
    PtdumpState st = new PtdumpState();
    mm.mmapReadLock();
    try {
      for (PtdumpRange range : ranges) {
        PageWalk.walkPageRangeNovma(mm, range.start(), range.end(), PTDUMP_OPS, st);
        notePage(st, range.end(), -1, 0);
      }
    } finally {
      mm.mmapReadUnlock();
    }
    return List.copyOf(st.lines);
  }

  /** Models {@code ptdump_pgd_entry()}: notes a PGD leaf (never made by this machine). */
  static int ptdumpPgdEntry(
      @Snapshot("pgdp") long pgd, PgdRef pgdp, long addr, long next, MmWalk<PtdumpState> walk) {
    if (pgdLeaf(pgd)) {
      notePage(walk.priv, addr, 0, pgd);
    }
    return 0;
  }

  /** Models {@code ptdump_p4d_entry()}: notes a P4D leaf (never made by this machine). */
  static int ptdumpP4dEntry(
      @Snapshot("p4dp") long p4d, P4dRef p4dp, long addr, long next, MmWalk<PtdumpState> walk) {
    if (p4dLeaf(p4d)) {
      notePage(walk.priv, addr, 1, p4d);
    }
    return 0;
  }

  /** Models {@code ptdump_pud_entry()}: notes a 1 GiB leaf; the walker descends into a table. */
  static int ptdumpPudEntry(
      @Snapshot("pudp") long pud, PudRef pudp, long addr, long next, MmWalk<PtdumpState> walk) {
    if (pudLeaf(pud)) {
      notePage(walk.priv, addr, 2, pud);
    }
    return 0;
  }

  /** Models {@code ptdump_pmd_entry()}: notes a 2 MiB leaf; the walker descends into a table. */
  static int ptdumpPmdEntry(
      @Snapshot("pmdp") long pmd, PmdRef pmdp, long addr, long next, MmWalk<PtdumpState> walk) {
    if (pmdLeaf(pmd)) {
      notePage(walk.priv, addr, 3, pmd);
    }
    return 0;
  }

  /** Models {@code ptdump_pte_entry()}: notes every PTE, none or not. */
  static int ptdumpPteEntry(
      @Snapshot(value = "ptep", lockHeld = true) long pte,
      PteRef ptep,
      long addr,
      long next,
      MmWalk<PtdumpState> walk) {
    notePage(walk.priv, addr, 4, pte);
    return 0;
  }

  /** Models {@code ptdump_hole()}: notes an empty entry at {@code depth}. */
  static int ptdumpHole(long addr, long next, int depth, MmWalk<PtdumpState> walk) {
    notePage(walk.priv, addr, depth, 0);
    return 0;
  }

  /**
   * Models x86's {@code note_page()}: entry {@code val} at {@code level} starts at {@code addr}. If
   * its level or flags differ from the current run's, the run ends at {@code addr} and is printed;
   * level -1 ends the run without starting another.
   */
  static void notePage(PtdumpState st, long addr, int level, long val) {
    String flags = level < 0 ? "" : flags(level, val);
    if (st.level >= 0 && (level != st.level || !flags.equals(st.flags))) {
      if (addr > st.startAddress) {
        st.lines.add(line(st.startAddress, addr, st.level, st.flags));
      }
      st.level = -1;
    }
    if (st.level < 0 && level >= 0) {
      st.level = level;
      st.flags = flags;
      st.startAddress = addr;
    }
  }

  /**
   * The flags printed for entry {@code val} at {@code level}, after x86's {@code printk_prot()}:
   * the access ({@code RW} or {@code ro}), then the attributes, or nothing if not present.
   */
  private static String flags(int level, long val) {
    if ((val & Pgtable.PRESENT) == 0) {
      return "";
    }
    List<String> attributes = new ArrayList<>();
    if (level < 4 && (val & Pgtable.PSE) != 0) {
      attributes.add("huge");
    }
    if ((val & Pgtable.DEVMAP) != 0) {
      attributes.add("devmap");
    }
    if ((val & Pgtable.SPECIAL) != 0) {
      attributes.add("special");
    }
    String access = (val & Pgtable.RW) != 0 ? "RW" : "ro";
    return attributes.isEmpty() ? access : access + "  " + String.join(" ", attributes);
  }

  private static String line(long start, long end, int level, String flags) {
    String head =
        String.format("0x%016x-0x%016x  %s  %s", start, end, size(end - start), LEVEL_NAMES[level]);
    return flags.isEmpty() ? head : head + "  " + flags;
  }

  /** A size in the largest binary unit that divides it: 4K, 2M, 1020M, 1G. */
  private static String size(long bytes) {
    String units = "BKMGTPE";
    int unit = 0;
    while (bytes % 1024 == 0 && unit < units.length() - 1) {
      bytes /= 1024;
      unit++;
    }
    return bytes + units.substring(unit, unit + 1);
  }
}

package dev.readonce.walker.prerfc.client;

import static dev.readonce.walker.mm.P4d.p4dLeaf;
import static dev.readonce.walker.mm.Pgd.pgdLeaf;
import static dev.readonce.walker.mm.Pmd.pmdLeaf;
import static dev.readonce.walker.mm.Pud.pudLeaf;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.P4dRef;
import dev.readonce.walker.mm.PgdRef;
import dev.readonce.walker.mm.Pgtable;
import dev.readonce.walker.mm.PmdRef;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.PudRef;
import dev.readonce.walker.prerfc.MmWalk;
import dev.readonce.walker.prerfc.MmWalkOps;
import dev.readonce.walker.prerfc.PageWalk;
import java.util.ArrayList;
import java.util.List;

/**
 * The page-table dump ({@code mm/ptdump.c} with x86's {@code note_page()}) as v5.10 has it: each
 * callback reads its entry again ({@code pud_t val = READ_ONCE(*pud)}) after the walker decided on
 * its own reads, so the dump notes what the entry holds by then, or nothing. The output format is
 * the fixed client's: one line per run of entries at the same level with the same flags.
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
   * Models v5.10's {@code ptdump_walk_pgd()}: dumps each range of {@code mm}'s tables under the mm
   * lock for read and returns the lines; the last run of each range ends at the range's end.
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

  /** Models v5.10's {@code ptdump_pgd_entry(pgd_t *pgd, ...)}: reads the entry, notes a leaf. */
  static int ptdumpPgdEntry(PgdRef pgd, long addr, long next, MmWalk<PtdumpState> walk) {
    long val = pgd.get(); // READ_ONCE(*pgd)
    if (pgdLeaf(val)) {
      notePage(walk.priv, addr, 0, val);
    }
    return 0;
  }

  /** Models v5.10's {@code ptdump_p4d_entry(p4d_t *p4d, ...)}. */
  static int ptdumpP4dEntry(P4dRef p4d, long addr, long next, MmWalk<PtdumpState> walk) {
    long val = p4d.get(); // READ_ONCE(*p4d)
    if (p4dLeaf(val)) {
      notePage(walk.priv, addr, 1, val);
    }
    return 0;
  }

  /**
   * Models v5.10's {@code ptdump_pud_entry(pud_t *pud, ...)}: a PUD the walker saw not none may
   * read as none here, and is then noted as nothing at all.
   */
  static int ptdumpPudEntry(PudRef pud, long addr, long next, MmWalk<PtdumpState> walk) {
    long val = pud.get(); // READ_ONCE(*pud)
    if (pudLeaf(val)) {
      notePage(walk.priv, addr, 2, val);
    }
    return 0;
  }

  /** Models v5.10's {@code ptdump_pmd_entry(pmd_t *pmd, ...)}. */
  static int ptdumpPmdEntry(PmdRef pmd, long addr, long next, MmWalk<PtdumpState> walk) {
    long val = pmd.get(); // READ_ONCE(*pmd)
    if (pmdLeaf(val)) {
      notePage(walk.priv, addr, 3, val);
    }
    return 0;
  }

  /** Models v5.10's {@code ptdump_pte_entry(pte_t *pte, ...)}: notes every PTE. */
  static int ptdumpPteEntry(PteRef pte, long addr, long next, MmWalk<PtdumpState> walk) {
    long val = pte.get(); // READ_ONCE(*pte)
    notePage(walk.priv, addr, 4, val);
    return 0;
  }

  /** Models v5.10's {@code ptdump_hole()}: notes an empty entry at {@code depth}. */
  static int ptdumpHole(long addr, long next, int depth, MmWalk<PtdumpState> walk) {
    notePage(walk.priv, addr, depth, 0);
    return 0;
  }

  /**
   * Models x86's {@code note_page()}: entry {@code val} at {@code level} starts at {@code addr}; a
   * change of level or flags ends the current run; level -1 ends it without starting another.
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
   * The flags printed for entry {@code val} at {@code level}, after x86's {@code printk_prot()}.
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

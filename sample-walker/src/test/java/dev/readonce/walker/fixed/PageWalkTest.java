package dev.readonce.walker.fixed;

import static dev.readonce.walker.mm.Layout.HPAGE_PMD_NR;
import static dev.readonce.walker.mm.Layout.PAGE_SIZE;
import static dev.readonce.walker.mm.Layout.PGDIR_SIZE;
import static dev.readonce.walker.mm.Layout.PMD_SIZE;
import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.VmArea.VM_HUGEPAGE;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.Errno;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.Pud;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageWalkTest {

  private static final long DAX_PFN = 0x100000;

  /** Records callbacks as strings, in the order they ran. */
  private static final class Log {
    final List<String> events = new ArrayList<>();

    @SuppressWarnings("AnnotateFormatMethod") // a test helper, called with literals only
    void add(String format, Object... args) {
      events.add(String.format(format, args));
    }
  }

  private static MmWalkOps.Builder<Log> recording() {
    return MmWalkOps.<Log>builder()
        .pteHole((a, n, d, w) -> log(w, "hole %x-%x %d", a, n, d))
        .pudEntry((pud, pudp, a, n, w) -> log(w, "pud %x %s", a, kind(pud)))
        .pmdEntry((pmd, pmdp, a, n, w) -> log(w, "pmd %x %s", a, kind(pmd)));
  }

  private static int log(MmWalk<Log> walk, String format, Object... args) {
    walk.priv.add(format, args);
    return 0;
  }

  private static String kind(long entry) {
    if (Pmd.pmdTable(entry)) {
      return "table";
    }
    return Pmd.pmdLeaf(entry) ? "leaf" : Pmd.pmdPresent(entry) ? "?" : "nonpresent";
  }

  private static <P> int walk(MmStruct mm, long start, long end, MmWalkOps<P> ops, P priv) {
    return Tables.withReadLock(mm, () -> PageWalk.walkPageRange(mm, start, end, ops, priv));
  }

  @Test
  void holesCarryTheDepthOfTheEmptyEntryOrMinusOneOutsideVmas() {
    MmStruct mm = new MmStruct();
    VmArea a = mm.mmapAnon(PUD_SIZE, PUD_SIZE + 2 * PMD_SIZE, VM_READ | VM_WRITE);
    mm.mmapAnon(3 * PUD_SIZE, 4 * PUD_SIZE, VM_READ);
    mm.mmapAnon(PGDIR_SIZE, PGDIR_SIZE + PAGE_SIZE, VM_READ);
    Tables.fault(a, PUD_SIZE, false);
    Log log = new Log();

    assertEquals(0, walk(mm, 0, PGDIR_SIZE + PAGE_SIZE, recording().build(), log));

    assertEquals(
        List.of(
            "hole 0-40000000 -1",
            "pud 40000000 table",
            "pmd 40000000 table",
            "hole 40200000-40400000 3",
            "hole 40400000-c0000000 -1",
            "hole c0000000-100000000 2",
            "hole 100000000-1000000000000 -1",
            "hole 1000000000000-1000000001000 0"),
        log.events);
  }

  @Test
  void pfnmapVmasAreNotWalkedButReportedAsHoles() {
    MmStruct mm = new MmStruct();
    VmArea bar = mm.mmapPfnmap(PUD_SIZE, 2 * PUD_SIZE, VM_READ, DAX_PFN, PUD_SIZE);
    Tables.fault(bar, PUD_SIZE, false);
    Log log = new Log();

    walk(mm, PUD_SIZE, 2 * PUD_SIZE, recording().build(), log);

    assertEquals(List.of("hole 40000000-80000000 -1"), log.events);
  }

  @Test
  void badCallsAreRefused() {
    MmStruct mm = new MmStruct();
    MmWalkOps<Log> ops = recording().build();
    assertEquals(-Errno.EINVAL, walk(mm, PAGE_SIZE, PAGE_SIZE, ops, new Log()));
    assertThrows(
        IllegalStateException.class,
        () -> PageWalk.walkPageRange(mm, 0, PAGE_SIZE, ops, new Log()));
  }

  @Test
  void againCallsTheCallbackAgainOnAFreshRead() {
    MmStruct mm = new MmStruct();
    VmArea a = mm.mmapAnon(0, PMD_SIZE, VM_READ);
    Tables.fault(a, 0, false);
    Log log = new Log();
    MmWalkOps<Log> ops =
        MmWalkOps.<Log>builder()
            .pmdEntry(
                (pmd, pmdp, addr, next, w) -> {
                  w.priv.add("pmd %x", addr);
                  if (w.priv.events.size() == 1) {
                    w.action = Action.AGAIN;
                  }
                  return 0;
                })
            .build();

    walk(mm, 0, PMD_SIZE, ops, log);

    assertEquals(List.of("pmd 0", "pmd 0"), log.events);
  }

  @Test
  void aPositiveCallbackResultStopsTheWalkAndIsReturned() {
    MmStruct mm = new MmStruct();
    VmArea a = mm.mmapAnon(0, 4 * PAGE_SIZE, VM_READ);
    for (long addr = 0; addr < 4 * PAGE_SIZE; addr += PAGE_SIZE) {
      Tables.fault(a, addr, false);
    }
    Log log = new Log();
    MmWalkOps<Log> ops =
        MmWalkOps.<Log>builder()
            .pteEntry(
                (pte, ptep, addr, next, w) -> addr == 2 * PAGE_SIZE ? 7 : log(w, "pte %x", addr))
            .build();

    assertEquals(7, walk(mm, 0, 4 * PAGE_SIZE, ops, log));
    assertEquals(List.of("pte 0", "pte 1000"), log.events);
  }

  @Test
  void testWalkSkipsAndPreAndPostVmaBracketEachWalkedVma() {
    MmStruct mm = new MmStruct();
    mm.mmapAnon(0, PAGE_SIZE, VM_READ);
    mm.mmapAnon(PMD_SIZE, PMD_SIZE + PAGE_SIZE, VM_READ | VM_WRITE);
    Log log = new Log();
    MmWalkOps<Log> ops =
        recording()
            .testWalk((s, e, w) -> w.vma().has(VM_WRITE) ? 0 : 1)
            .preVma((s, e, w) -> log(w, "pre %x-%x", s, e))
            .postVma(w -> w.priv.add("post"))
            .build();

    walk(mm, 0, PUD_SIZE, ops, log);

    assertEquals(
        List.of(
            "hole 1000-200000 -1",
            "pre 200000-201000",
            "hole 200000-201000 0",
            "post",
            "hole 201000-40000000 -1"),
        log.events);
  }

  @Test
  void aWalkWithAVmaSplitsAThpToReachItsPtes() {
    MmStruct mm = new MmStruct();
    VmArea thp = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(thp, 0, true);
    long pfn = Pmd.pmdPfn(Tables.pmd(mm, 0));
    List<Long> pfns = new ArrayList<>();
    MmWalkOps<List<Long>> ops =
        MmWalkOps.<List<Long>>builder()
            .pteEntry(
                (pte, ptep, addr, next, w) -> {
                  w.priv.add(Pte.ptePfn(pte) - pfn);
                  return 0;
                })
            .build();

    walk(mm, 0, PMD_SIZE, ops, pfns);

    assertEquals(HPAGE_PMD_NR, pfns.size());
    for (int i = 0; i < HPAGE_PMD_NR; i++) {
      assertEquals(i, pfns.get(i));
    }
    assertTrue(Pmd.pmdTable(Tables.pmd(mm, 0)));
  }

  @Test
  void aWalkWithAVmaSplitsAHugePudToNoneAndReportsTheHole() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, PUD_SIZE, false);
    Log log = new Log();

    walk(mm, PUD_SIZE, 2 * PUD_SIZE, recording().build(), log);

    assertEquals(List.of("pud 40000000 leaf", "hole 40000000-80000000 2"), log.events);
    assertTrue(Pud.pudNone(Tables.pud(mm, PUD_SIZE)));
  }

  @Test
  void aWalkWithoutVmasNeverSplitsAndDoesNotDescendIntoLeaves() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(PUD_SIZE, 2 * PUD_SIZE, VM_READ, DAX_PFN, PUD_SIZE);
    VmArea thp = mm.mmapAnon(0, PUD_SIZE, VM_READ | VM_WRITE | VM_HUGEPAGE);
    Tables.fault(dax, PUD_SIZE, false);
    Tables.fault(thp, 0, false);
    Log log = new Log();
    MmWalkOps<Log> ops = recording().pteEntry((pte, ptep, a, n, w) -> log(w, "pte %x", a)).build();

    Tables.withReadLock(
        mm, () -> PageWalk.walkPageRangeNovma(mm, 0, PUD_SIZE + PMD_SIZE, ops, log));

    // PMDs 1..511 are none: one hole each, at the PMD level; no PTE is ever visited.
    assertEquals(2 + (HPAGE_PMD_NR - 1) + 1, log.events.size());
    assertEquals(
        List.of("pud 0 table", "pmd 0 leaf", "hole 200000-400000 3"), log.events.subList(0, 3));
    assertEquals("hole 3fe00000-40000000 3", log.events.get(log.events.size() - 2));
    assertEquals("pud 40000000 leaf", log.events.get(log.events.size() - 1));
    assertTrue(Pud.pudLeaf(Tables.pud(mm, PUD_SIZE)));
    assertTrue(Pmd.pmdTransHuge(Tables.pmd(mm, 0)));
  }

  @Test
  void walkPageVmaWalksJustThatVma() {
    MmStruct mm = new MmStruct();
    VmArea a = mm.mmapAnon(PMD_SIZE, 2 * PMD_SIZE, VM_READ);
    mm.mmapAnon(2 * PMD_SIZE, 3 * PMD_SIZE, VM_READ);
    Log log = new Log();

    Tables.withReadLock(mm, () -> PageWalk.walkPageVma(a, recording().build(), log));

    assertEquals(List.of("hole 200000-400000 0"), log.events);
  }
}

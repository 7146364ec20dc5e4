package dev.readonce.walker.mm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArenaTest {

  @Test
  void freedTableFrameIsReusedFirstAndZeroed() {
    Arena arena = new Arena();
    long table = arena.allocTable();
    arena.words(table)[17] = Pud.mkPudTable(5);
    arena.free(table);
    assertEquals(Arena.Use.FREE, arena.use(table));

    long again = arena.allocTable();

    assertEquals(table, again);
    assertEquals(Arena.Use.TABLE, arena.use(again));
    assertArrayEquals(new long[Layout.PTRS_PER_TABLE], arena.words(again));
  }

  @Test
  void freedTableCanComeBackAsDataWithThePattern() {
    Arena arena = new Arena();
    long table = arena.allocTable();
    arena.free(table);

    long page = arena.allocPage();

    assertEquals(table, page);
    assertEquals(Arena.dataWord(page, 3), arena.words(page)[3]);
    assertTrue(Arena.isDataPattern(arena.words(page)[3]));
  }

  @Test
  void untouchedDeviceFrameReadsAsPresentLookingData() {
    Arena arena = new Arena();
    long[] words = arena.words(Arena.DEVICE_PFN_BASE + 7);
    assertEquals(Arena.Use.DEVICE, arena.use(Arena.DEVICE_PFN_BASE + 7));
    for (long w : words) {
      assertTrue(Pmd.pmdTable(w), "data looks like a table pointer to a confused walker");
      assertTrue(Arena.isDataPattern(w));
    }
    assertFalse(Arena.isDataPattern(Pud.mkPudTable(1)));
  }

  @Test
  void hugePagesAreAligned() {
    Arena arena = new Arena();
    arena.allocTable();
    long thp = arena.allocHugePage(Layout.HPAGE_PMD_NR);
    assertEquals(0, thp % Layout.HPAGE_PMD_NR);
    assertNotEquals(0, thp);
  }

  @Test
  void ptlockBelongsToTheFrame() {
    Arena arena = new Arena();
    long table = arena.allocTable();
    var lock = arena.ptlock(table);
    arena.free(table);
    assertSame(lock, arena.ptlock(arena.allocTable()));
  }

  @Test
  void doubleFreeAndDeviceFreeFail() {
    Arena arena = new Arena();
    long table = arena.allocTable();
    arena.free(table);
    assertThrows(IllegalStateException.class, () -> arena.free(table));
    assertThrows(IllegalArgumentException.class, () -> arena.free(Arena.DEVICE_PFN_BASE));
  }
}

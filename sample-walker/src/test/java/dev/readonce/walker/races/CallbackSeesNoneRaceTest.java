package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.MixedLayout;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walker reads a mapped huge PUD and decides it is not none; before its {@code pud_entry} runs,
 * {@code MADV_DONTNEED} zaps the PUD. A callback that reads the slot again (v5.10's, which get only
 * {@code pud_t *pud}) sees none for an entry the walker calls it for because it is mapped; one that
 * gets the walker's snapshot (the RFC's and mainline's) acts on what the walker decided, a state
 * the slot really held.
 *
 * <p>Backs {@code SnapshotNotPassed}: the walker hands {@code pud_entry} the pointer after deciding
 * on its own read. (Given the snapshot too, a callback that still read the slot again would be
 * {@code UnlockedReread}'s case.)
 */
class CallbackSeesNoneRaceTest {

  private static final long DAX = PUD_SIZE;
  private static final long DAX_PFN = 0x100000;

  /** A dev_dax GiB mapped by one huge PUD; the next walk's read of it is followed by a zap. */
  private static MmStruct zappedAfterTheWalkersRead() {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, DAX, false);
    mm.schedule().once(WALK_PUD_AFTER_READ, DAX, addr -> zap(dax));
    return mm;
  }

  private static void zap(VmArea vma) {
    Tables.withReadLock(
        vma.mm(),
        () -> {
          Zap.zapPageRange(vma, vma.start(), vma.end());
          return null;
        });
  }

  @Test
  void preRfcPudEntryReadsNoneForAPudTheWalkerSawMapped() {
    MmStruct mm = zappedAfterTheWalkersRead();

    List<String> log = Variant.PRERFC.record(mm, DAX, DAX + PUD_SIZE);

    assertEquals(List.of("pud 40000000 none", "hole 40000000-80000000 2"), log);
    assertFalse(mm.schedule().hasPending());
  }

  @Test
  void withTheSnapshotPudEntryActsOnWhatTheWalkerDecided() {
    for (Variant variant : List.of(Variant.RFC, Variant.FIXED)) {
      MmStruct mm = zappedAfterTheWalkersRead();

      List<String> log = variant.record(mm, DAX, DAX + PUD_SIZE);

      // The callback saw the huge PUD the walker read; the walker then finds it gone and, in a
      // new pass, reports the hole.
      assertEquals(List.of("pud 40000000 leaf", "hole 40000000-80000000 2"), log, variant.name());
    }
  }

  @Test
  void preRfcPtdumpAttributesTheZappedGibToTheHugePmdBeforeIt() {
    // ptdump_pud_entry() reads the PUD again, finds it none, notes nothing; the walker (no VMA)
    // then finds it not present and goes on. The run of the THP's huge PMD before it is never
    // ended, so the dump claims that huge PMDs map the zapped GiB.
    List<String> expected =
        List.of(
            "0x000000003fe00000-0x0000000080000000  1026M  pmd  RW  huge",
            "0x0000000080000000-0x00000000c0000000  1G  pud");
    assertEquals(expected, dumpWithZap(Variant.PRERFC));
  }

  @Test
  void withTheSnapshotPtdumpNotesTheHugePudTheWalkerRead() {
    List<String> expected =
        List.of(
            "0x000000003fe00000-0x0000000040000000  2M  pmd  RW  huge",
            "0x0000000040000000-0x0000000080000000  1G  pud  RW  huge devmap",
            "0x0000000080000000-0x00000000c0000000  1G  pud");
    assertEquals(expected, dumpWithZap(Variant.RFC));
    assertEquals(expected, dumpWithZap(Variant.FIXED));
  }

  private static List<String> dumpWithZap(Variant variant) {
    MixedLayout layout = MixedLayout.build();
    layout.mm().schedule().once(WALK_PUD_AFTER_READ, MixedLayout.DAX, addr -> zap(layout.dax()));
    List<String> dump = variant.ptdump(layout.mm(), MixedLayout.THP, 3 * PUD_SIZE);
    assertFalse(layout.mm().schedule().hasPending(), "the zap ran in the window");
    return dump;
  }
}

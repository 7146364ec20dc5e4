package dev.readonce.walker.races;

import static dev.readonce.walker.mm.Layout.PUD_SIZE;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_AFTER_READ;
import static dev.readonce.walker.mm.SchedulePoint.WALK_PUD_NOVMA_AFTER_LEAF_TEST;
import static dev.readonce.walker.mm.VmArea.VM_READ;
import static dev.readonce.walker.mm.VmArea.VM_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readonce.walker.mm.EntryRef;
import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.PteRef;
import dev.readonce.walker.mm.VmArea;
import dev.readonce.walker.mm.Zap;
import dev.readonce.walker.testing.Tables;
import dev.readonce.walker.testing.Variant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What a plain read of a slot risks, shown as far as a test on the JVM can show it, and no further.
 *
 * <p>The Java Memory Model promises a plain read in a data race only that it sees some write to the
 * variable (JLS §17.4): the JIT may hoist it out of a loop, so that a spin never sees the writer,
 * and reorder it with the reads after it, so that a walker sees a new table's pointer but the
 * table's old contents. For a {@code long} it does not promise a whole write either (§17.7): a
 * non-volatile {@code long} may be written and read as two 32-bit halves. HotSpot on a 64-bit
 * machine does not tear aligned longs and hoists a read only when its compiler decides to, so none
 * of this can be forced in a test, and this class does not fake it: no test here runs a plain read
 * against a writer and asserts what it must see.
 *
 * <p>The kernel code the historical variants model is C, where a compiler may also load a plain
 * {@code *pud} more than once for what the source reads once; {@code READ_ONCE} forbids that. The
 * pre-RFC walk's read per test is that hazard written out in the source, so its races (see {@link
 * PreRfcDoubleReadRaceTest}) are also what a plain read permits: {@link
 * #readingOncePerTestLetsAWriterSplitTheDecision} replays one. The other tests show the guarantees
 * of the accessor the discipline asks for, {@link EntryRef#get()} (an acquire read), which the
 * plain {@link EntryRef#deref()} lacks: it is never torn, and a spin on it sees a concurrent store.
 */
class PlainReadHazardTest {

  private static final long DAX = PUD_SIZE;
  private static final long DAX_PFN = 0x100000;

  @Test
  void readingOncePerTestLetsAWriterSplitTheDecision() {
    // v5.10 reads *pud for pud_none(), for pud_leaf() and for pud_present(); a zap and a refault
    // between them make each test see a different value, and every test passes.
    assertEquals(
        List.of("0x0000000040000000-0x0000000080000000  1G  pte  RW"), dump(Variant.PRERFC));
    // One READ_ONCE into a local: every test sees the huge PUD it read.
    assertEquals(
        List.of("0x0000000040000000-0x0000000080000000  1G  pud  RW  huge devmap"),
        dump(Variant.RFC));
  }

  private static List<String> dump(Variant variant) {
    MmStruct mm = new MmStruct();
    VmArea dax = mm.mmapDevDax(DAX, DAX + PUD_SIZE, VM_READ | VM_WRITE, DAX_PFN, PUD_SIZE);
    Tables.fault(dax, DAX, false);
    mm.schedule()
        .once(
            WALK_PUD_AFTER_READ,
            DAX,
            addr ->
                Tables.withReadLock(
                    mm,
                    () -> {
                      Zap.zapPageRange(dax, DAX, DAX + PUD_SIZE);
                      return null;
                    }));
    mm.schedule().once(WALK_PUD_NOVMA_AFTER_LEAF_TEST, DAX, addr -> Tables.fault(dax, DAX, false));
    return variant.ptdump(mm, DAX, DAX + PUD_SIZE);
  }

  /** A PTE slot of a fresh table, for the tests that race a reader with a writer directly. */
  private static PteRef slot() {
    MmStruct mm = new MmStruct();
    return PteRef.pteOffset(mm, Pmd.mkPmdTable(mm.arena().allocTable()), 0);
  }

  @Test
  void theAtomicAccessorNeverSeesHalfAWrite() throws Exception {
    // Two values whose halves differ: a torn read would show half of each (JLS §17.7 allows that
    // for a plain long; an acquire read through a VarHandle is atomic for long).
    long low = 0x0000_0000_FFFF_FFFFL;
    long high = 0xFFFF_FFFF_0000_0000L;
    PteRef slot = slot();
    AtomicBoolean done = new AtomicBoolean();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              while (!done.get()) {
                slot.set(low);
                slot.set(high);
              }
            });
    try {
      for (int i = 0; i < 1_000_000; i++) {
        long v = slot.get();
        assertTrue(v == 0 || v == low || v == high, () -> "torn: " + Long.toHexString(v));
      }
    } finally {
      done.set(true);
      writer.get();
    }
  }

  @Test
  void aSpinOnTheAtomicAccessorSeesAConcurrentStore() {
    // Acquire reads see a concurrent release store eventually; a spin on a plain read may never
    // (the JIT may hoist it, §17.4), so that spin is not run here: it could hang, or pass, and
    // prove nothing either way.
    PteRef slot = slot();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> slot.set(42));
          while (slot.get() != 42) {
            Thread.onSpinWait();
          }
          writer.get();
        });
  }
}

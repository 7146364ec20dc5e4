package dev.readonce.bench.jmh;

import dev.readonce.walker.mm.MmStruct;
import dev.readonce.walker.mm.Pmd;
import dev.readonce.walker.mm.Pte;
import dev.readonce.walker.mm.Pud;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed walk against the pre-RFC (v5.10) walk over the same large populated address space: a
 * whole-range walk whose callbacks count present PTEs and huge entries, as a page-table dump would.
 * Each variant's callbacks are written as its own clients are (the fixed ones decide on the
 * snapshot they are given; the pre-RFC ones get the handle and dereference it). Goal: the fixed
 * walk keeps at least 0.95 of the pre-RFC throughput ("the discipline is free").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class WalkerBench {

  /** MiB of small pages faulted in (256 entries of 4 KiB per MiB); THP and DAX come on top. */
  @Param({"256"})
  public int smallMiB;

  private MmStruct mm;
  private long start;
  private long end;
  private dev.readonce.walker.fixed.MmWalkOps<long[]> fixedOps;
  private dev.readonce.walker.prerfc.MmWalkOps<long[]> preRfcOps;

  @Setup(Level.Trial)
  public void populate() {
    mm = PopulatedAddressSpace.build(smallMiB, 256);
    start = PopulatedAddressSpace.BASE;
    end = PopulatedAddressSpace.end(mm);
    fixedOps = fixedOps();
    preRfcOps = preRfcOps();
    long fixed = fixedWalk();
    long preRfc = preRfcWalk();
    if (fixed != preRfc || fixed == 0) {
      throw new IllegalStateException("the walks disagree: fixed " + fixed + ", pre-RFC " + preRfc);
    }
  }

  @Benchmark
  public long fixedWalk() {
    long[] counts = new long[1];
    mm.mmapReadLock();
    try {
      dev.readonce.walker.fixed.PageWalk.walkPageRange(mm, start, end, fixedOps, counts);
    } finally {
      mm.mmapReadUnlock();
    }
    return counts[0];
  }

  @Benchmark
  public long preRfcWalk() {
    long[] counts = new long[1];
    mm.mmapReadLock();
    try {
      dev.readonce.walker.prerfc.PageWalk.walkPageRange(mm, start, end, preRfcOps, counts);
    } finally {
      mm.mmapReadUnlock();
    }
    return counts[0];
  }

  private static dev.readonce.walker.fixed.MmWalkOps<long[]> fixedOps() {
    return dev.readonce.walker.fixed.MmWalkOps.<long[]>builder()
        .pudEntry(
            (pud, pudp, addr, next, walk) -> {
              if (Pud.pudLeaf(pud)) {
                walk.priv[0] += 1 << 18;
                walk.action = dev.readonce.walker.fixed.Action.CONTINUE;
              }
              return 0;
            })
        .pmdEntry(
            (pmd, pmdp, addr, next, walk) -> {
              if (Pmd.pmdLeaf(pmd)) {
                walk.priv[0] += 1 << 9;
                walk.action = dev.readonce.walker.fixed.Action.CONTINUE;
              }
              return 0;
            })
        .pteEntry(
            (pte, ptep, addr, next, walk) -> {
              if (Pte.ptePresent(pte)) {
                walk.priv[0]++;
              }
              return 0;
            })
        .build();
  }

  private static dev.readonce.walker.prerfc.MmWalkOps<long[]> preRfcOps() {
    return dev.readonce.walker.prerfc.MmWalkOps.<long[]>builder()
        .pudEntry(
            (pud, addr, next, walk) -> {
              if (Pud.pudLeaf(pud.deref())) {
                walk.priv[0] += 1 << 18;
                walk.action = dev.readonce.walker.prerfc.Action.CONTINUE;
              }
              return 0;
            })
        .pmdEntry(
            (pmd, addr, next, walk) -> {
              if (Pmd.pmdLeaf(pmd.deref())) {
                walk.priv[0] += 1 << 9;
                walk.action = dev.readonce.walker.prerfc.Action.CONTINUE;
              }
              return 0;
            })
        .pteEntry(
            (pte, addr, next, walk) -> {
              if (Pte.ptePresent(pte.deref())) {
                walk.priv[0]++;
              }
              return 0;
            })
        .build();
  }
}

package dev.readonce.bench.jmh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One table of 512 {@code long} slots read in full, as a walker scans a table: plain reads ({@code
 * *pud}), opaque reads ({@code READ_ONCE}) and acquire reads (what the model's walker uses, for the
 * missing address dependency). Each entry is read once and tested, as the discipline asks; the test
 * keeps the reads from being folded away.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class SlotReadBench {

  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(long[].class);

  private long[] table;

  @Setup
  public void fill() {
    SplittableRandom random = new SplittableRandom(42);
    table = new long[512];
    for (int i = 0; i < table.length; i++) {
      // Mostly present entries (bit 0), some none, as a populated table holds.
      table[i] = random.nextInt(8) == 0 ? 0 : (random.nextLong() | 1);
    }
  }

  @Benchmark
  public long plain() {
    long[] t = table;
    long acc = 0;
    for (int i = 0; i < t.length; i++) {
      long e = t[i];
      if ((e & 1) != 0) {
        acc += e >>> 12;
      }
    }
    return acc;
  }

  @Benchmark
  public long opaque() {
    long[] t = table;
    long acc = 0;
    for (int i = 0; i < t.length; i++) {
      long e = (long) ENTRY.getOpaque(t, i);
      if ((e & 1) != 0) {
        acc += e >>> 12;
      }
    }
    return acc;
  }

  @Benchmark
  public long acquire() {
    long[] t = table;
    long acc = 0;
    for (int i = 0; i < t.length; i++) {
      long e = (long) ENTRY.getAcquire(t, i);
      if ((e & 1) != 0) {
        acc += e >>> 12;
      }
    }
    return acc;
  }
}

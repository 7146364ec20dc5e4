package dev.readonce.walker.mm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * A deterministic interleaving hook, one per {@link MmStruct}: code calls {@link #at} at the {@link
 * SchedulePoint}s, and a test registers one-shot actions (a concurrent writer's step) that run on
 * the calling thread at that moment.
 *
 * <p>Nothing is armed by default, and then {@link #at} is two volatile reads. An action fires once,
 * at the first hit of its point (optionally: of its point at a given address) after it was
 * registered; if several threads hit the point, exactly one runs it. Tracing records every hit, so
 * a test can check which points a run went through.
 */
public final class Schedule {

  /** One call of {@link #at}: the point, and the address the caller was at. */
  public record Hit(SchedulePoint point, long addr) {}

  private record Pending(SchedulePoint point, boolean anyAddr, long addr, LongConsumer action) {
    boolean matches(SchedulePoint p, long a) {
      return point == p && (anyAddr || addr == a);
    }
  }

  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final List<Hit> trace = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger pendingCount = new AtomicInteger();
  private volatile boolean tracing;

  /**
   * Marks that the calling thread is at {@code point}, at address {@code addr}: runs the first
   * matching pending action, if any, and records the hit if tracing.
   */
  public void at(SchedulePoint point, long addr) {
    if (pendingCount.get() == 0 && !tracing) {
      return;
    }
    if (tracing) {
      trace.add(new Hit(point, addr));
    }
    for (Pending p : pending) {
      if (p.matches(point, addr) && pending.remove(p)) {
        pendingCount.decrementAndGet();
        p.action().accept(addr);
        return;
      }
    }
  }

  /** Runs {@code action} (given the address) at the next hit of {@code point}, at any address. */
  public void once(SchedulePoint point, LongConsumer action) {
    pendingCount.incrementAndGet();
    pending.add(new Pending(point, true, 0, action));
  }

  /** Runs {@code action} at the next hit of {@code point} at exactly address {@code addr}. */
  public void once(SchedulePoint point, long addr, LongConsumer action) {
    pendingCount.incrementAndGet();
    pending.add(new Pending(point, false, addr, action));
  }

  /** Whether some registered action has not fired yet. */
  public boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Starts recording hits, discarding any earlier record. */
  public void startTracing() {
    trace.clear();
    tracing = true;
  }

  /** Stops recording and returns the hits recorded since {@link #startTracing}, in order. */
  public List<Hit> stopTracing() {
    tracing = false;
    synchronized (trace) {
      return List.copyOf(trace);
    }
  }
}

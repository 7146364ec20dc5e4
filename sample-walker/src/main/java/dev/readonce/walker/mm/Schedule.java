package dev.readonce.walker.mm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
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
 * a test can check which points a run went through. An {@link Observer} sees every hit, with the
 * value the caller read there when it passes one: stress tests use it to record what a walker
 * decided on and to perturb the timing.
 */
public final class Schedule {

  /** One call of {@link #at}: the point, and the address the caller was at. */
  public record Hit(SchedulePoint point, long addr) {}

  /**
   * Sees every hit of every point, on the thread that hits it, at that moment; {@code value} is the
   * entry the caller read there if it passed one ({@link #at(SchedulePoint, long, long)}). It runs
   * under whatever locks the caller holds (see each {@link SchedulePoint}).
   */
  @FunctionalInterface
  public interface Observer {
    void hit(SchedulePoint point, long addr, OptionalLong value);
  }

  private record Pending(SchedulePoint point, boolean anyAddr, long addr, LongConsumer action) {
    boolean matches(SchedulePoint p, long a) {
      return point == p && (anyAddr || addr == a);
    }
  }

  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final List<Hit> trace = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger pendingCount = new AtomicInteger();
  private volatile boolean tracing;
  private volatile Observer observer;

  /**
   * Marks that the calling thread is at {@code point}, at address {@code addr}: runs the first
   * matching pending action, if any, and records the hit if tracing.
   */
  public void at(SchedulePoint point, long addr) {
    if (pendingCount.get() == 0 && !tracing && observer == null) {
      return;
    }
    hit(point, addr, OptionalLong.empty());
  }

  /**
   * As {@link #at(SchedulePoint, long)}, for a caller that has just read {@code value} (the entry
   * it decides on in this pass), which an {@link Observer} is shown.
   */
  public void at(SchedulePoint point, long addr, long value) {
    if (pendingCount.get() == 0 && !tracing && observer == null) {
      return;
    }
    hit(point, addr, OptionalLong.of(value));
  }

  private void hit(SchedulePoint point, long addr, OptionalLong value) {
    Observer o = observer;
    if (o != null) {
      o.hit(point, addr, value);
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

  /** Shows every later hit to {@code o} (replacing any earlier observer); {@code null} stops. */
  public void observe(Observer o) {
    observer = o;
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

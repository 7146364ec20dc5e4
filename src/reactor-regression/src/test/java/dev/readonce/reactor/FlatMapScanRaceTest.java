package dev.readonce.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The race behind the audit finding, against the real reactor-core 3.7.1 with public API only:
 * {@code Flux.range(1, 4).hide().flatMap(Mono::just)} with a subscriber that requests nothing
 * queues the four scalars in {@code scalarQueue}; one thread scans {@code Attr.BUFFERED} while
 * another cancels, which sets {@code scalarQueue} to null between the scan's two reads.
 *
 * <p>Timing-dependent, so tagged {@code race} and run only in the sweep profile ({@code mvn -B
 * -Psweep -pl src/reactor-regression -am verify}); {@link FlatMapScanUnsafeAuditTest} asserts the
 * finding in every build. Bounded by a number of trials, not by time.
 */
@Tag("race")
class FlatMapScanRaceTest {

  private static final int MAX_TRIALS = 200_000;

  @Test
  void scanWhileAnotherThreadCancelsThrowsNullPointerException() throws Exception {
    NullPointerException seen = null;
    int trial = 0;
    while (seen == null && trial < MAX_TRIALS) {
      trial++;
      seen = oneTrial();
    }
    assertNotNull(seen, "no NullPointerException in " + MAX_TRIALS + " trials");
    StackTraceElement top = seen.getStackTrace()[0];
    assertEquals("reactor.core.publisher.FluxFlatMap$FlatMapMain", top.getClassName());
    assertEquals("scanUnsafe", top.getMethodName());
    System.out.printf(
        "FluxFlatMap.scanUnsafe: NullPointerException on trial %d: %s%n", trial, seen);
  }

  /** One subscription, scanned by this thread while a second thread cancels it. */
  private static NullPointerException oneTrial() throws InterruptedException {
    AtomicReference<Subscription> subscription = new AtomicReference<>();
    Flux.range(1, 4).hide().flatMap(Mono::just).subscribe(new RequestsNothing(subscription));
    Scannable main = Scannable.from(subscription.get());
    CountDownLatch ready = new CountDownLatch(1);
    Thread canceller =
        new Thread(
            () -> {
              ready.countDown();
              subscription.get().cancel();
            });
    canceller.start();
    ready.await();
    NullPointerException npe = null;
    try {
      while (canceller.isAlive()) {
        main.scan(Scannable.Attr.BUFFERED);
        main.scan(Scannable.Attr.LARGE_BUFFERED);
      }
    } catch (NullPointerException e) {
      npe = e;
    }
    canceller.join();
    return npe;
  }

  /** Keeps the subscription and requests nothing, so the scalars stay queued. */
  private record RequestsNothing(AtomicReference<Subscription> subscription)
      implements CoreSubscriber<Integer> {
    @Override
    public void onSubscribe(Subscription s) {
      subscription.set(s);
    }

    @Override
    public void onNext(Integer value) {}

    @Override
    public void onError(Throwable error) {}

    @Override
    public void onComplete() {}
  }
}

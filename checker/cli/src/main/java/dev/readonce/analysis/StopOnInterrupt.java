package dev.readonce.analysis;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.concurrent.CancellationException;

/**
 * Ends a compilation whose thread was interrupted at javac's next step (parsing, entering or
 * analysing a class), so an analysis the language server gave up on or superseded stops instead of
 * running to its end. javac checks no interrupts itself: a step already running (one class's
 * checks) finishes first.
 */
final class StopOnInterrupt implements TaskListener {

  @Override
  public void started(TaskEvent e) {
    check();
  }

  @Override
  public void finished(TaskEvent e) {
    check();
  }

  private static void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the analysis was cancelled");
    }
  }
}

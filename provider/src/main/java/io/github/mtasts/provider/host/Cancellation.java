package io.github.mtasts.provider.host;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's request to stop (the {@code Cancel} call, sent before it shuts the provider
 * down): long operations wait through {@link #sleep(Duration)}, or run {@link #interruptibly}
 * when their waits are someone else's, so that they stop promptly.
 */
public final class Cancellation {

  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final Set<Thread> interruptible = new HashSet<>();

  /** Signals every waiting and future operation to stop. */
  public void cancel() {
    cancelled.countDown();
    synchronized (interruptible) {
      interruptible.forEach(Thread::interrupt);
    }
  }

  /**
   * Whether cancellation was requested.
   *
   * @return true after {@link #cancel()}
   */
  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /**
   * Waits, returning early when cancelled.
   *
   * @param duration how long to wait
   * @return true when the whole duration passed, false when cancelled
   */
  public boolean sleep(Duration duration) {
    try {
      return !cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs work whose waits sleep on their own (a library's polling loop): a cancellation
   * interrupts the thread, which ends such a wait.
   *
   * @param what the work, for the message when it is cancelled
   * @param work the work
   * @param <T> the work's result
   * @return the work's result
   * @throws CancellationException when cancellation was requested before or during the work
   */
  public <T> T interruptibly(String what, Supplier<T> work) {
    Thread thread = Thread.currentThread();
    synchronized (interruptible) {
      if (isCancelled()) {
        throw new CancellationException(what + " was cancelled");
      }
      interruptible.add(thread);
    }
    try {
      // Work that finished despite a cancellation returns its result: it changed things.
      return work.get();
    } catch (ResourceInitFailedException e) {
      throw e; // it carries what the work made, which the engine must record even now
    } catch (RuntimeException e) {
      if (isCancelled()) {
        CancellationException cancelled = new CancellationException(what + " was cancelled: " + e.getMessage());
        cancelled.initCause(e);
        throw cancelled;
      }
      throw e;
    } finally {
      synchronized (interruptible) {
        interruptible.remove(thread);
        // The thread goes back to the server's pool: no interrupt may outlive the work.
        Thread.interrupted();
      }
    }
  }
}

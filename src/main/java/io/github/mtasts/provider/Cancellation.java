package io.github.mtasts.provider;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The engine's request to stop (the {@code Cancel} call, sent before it shuts the provider
 * down): long operations wait through {@link #sleep(Duration)} so that they stop promptly.
 */
public final class Cancellation {

  private final CountDownLatch cancelled = new CountDownLatch(1);

  /** Signals every waiting and future operation to stop. */
  public void cancel() {
    cancelled.countDown();
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
}

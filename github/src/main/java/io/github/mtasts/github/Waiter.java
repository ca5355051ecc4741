package io.github.mtasts.github;

import java.time.Duration;

/**
 * The clock of one operation: its deadline is shared by every pause of the call (rate limits,
 * retries after server errors) and every poll (see {@link WaitOptions}).
 */
final class Waiter {

  /** The answer of one poll: done with a value, or still pending with a status to report. */
  static final class Poll<T> {
    private final T value;
    private final String status;

    private Poll(T value, String status) {
      this.value = value;
      this.status = status;
    }

    static <T> Poll<T> done(T value) {
      return new Poll<>(value, null);
    }

    static <T> Poll<T> pending(String status) {
      return new Poll<>(null, status);
    }
  }

  /** One poll of GitHub. */
  @FunctionalInterface
  interface Probe<T> {
    Poll<T> poll();
  }

  /** Reports a pending status again after this long, even when it has not changed. */
  private static final Duration REPEAT_REPORT = Duration.ofMinutes(5);

  private final WaitOptions options;
  private final long startNanos;

  private Waiter(WaitOptions options) {
    this.options = options;
    this.startNanos = System.nanoTime();
  }

  /** Starts the clock of one operation. */
  static Waiter start(WaitOptions options) {
    return new Waiter(options);
  }

  /**
   * A new clock for a short step after this one ran out, such as asking the health check why:
   * the same progress and polling, a budget of its own.
   */
  Waiter grace(Duration budget) {
    return new Waiter(WaitOptions.builder().timeout(budget).pollInterval(options.pollInterval())
        .maxPollInterval(options.maxPollInterval()).progress(options.progress()).build());
  }

  Progress progress() {
    return options.progress();
  }

  Duration pollInterval() {
    return options.pollInterval();
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  Duration remaining() {
    return options.timeout().minus(elapsed());
  }

  /**
   * Sleeps for {@code duration} if the budget has that much left.
   *
   * @return false, without sleeping, when the pause would end after the deadline
   * @throws GitHubException when the thread is interrupted (the operation is cancelled)
   */
  boolean pause(Duration duration) {
    if (duration.compareTo(remaining()) > 0) {
      return false;
    }
    sleep(duration);
    return true;
  }

  /**
   * Polls until the probe answers done, reporting each new status, and returns its value.
   *
   * @param subject what is awaited, e.g. "the HTTPS certificate of mta-sts.example.com"
   * @param probe one poll; a thrown exception ends the wait and propagates
   * @throws WaitTimeoutException when the budget runs out first
   */
  <T> T until(String subject, Probe<T> probe) {
    Duration interval = options.pollInterval();
    String lastReported = null;
    long lastReportNanos = 0;
    while (true) {
      Poll<T> poll = probe.poll();
      if (poll.status == null) {
        if (lastReported != null) {
          progress().report(subject + ": done after " + elapsed().toSeconds() + " s");
        }
        return poll.value;
      }
      long now = System.nanoTime();
      if (!poll.status.equals(lastReported) || now - lastReportNanos >= REPEAT_REPORT.toNanos()) {
        progress().report("waiting for " + subject + ": " + poll.status + " ("
            + elapsed().toSeconds() + " s)");
        lastReported = poll.status;
        lastReportNanos = now;
      }
      Duration remaining = remaining();
      if (remaining.isNegative() || remaining.isZero()) {
        throw new WaitTimeoutException(subject, poll.status, elapsed(), "");
      }
      sleep(interval.compareTo(remaining) < 0 ? interval : remaining);
      Duration next = interval.plus(interval.dividedBy(2));
      interval = next.compareTo(options.maxPollInterval()) < 0 ? next : options.maxPollInterval();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException("cancelled while waiting; GitHub keeps any change already made:"
          + " run the operation again", 0, null, true, e);
    }
  }
}

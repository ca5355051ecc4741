package io.github.mtasts.aws;

import java.time.Duration;
import java.util.Optional;

/**
 * Polls AWS until a condition holds, within the time budget of one operation, reporting the
 * observed status as it changes.
 *
 * <p>One waiter is started per operation call: its deadline is shared by all the waits of that
 * call (see {@link WaitOptions}).
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

  /** One poll of AWS. */
  @FunctionalInterface
  interface Probe<T> {
    Poll<T> poll();
  }

  /** Reports a pending status again after this long, even when it has not changed. */
  private static final Duration REPEAT_REPORT = Duration.ofSeconds(60);

  private final WaitOptions options;
  private final long startNanos;

  private Waiter(WaitOptions options) {
    this.options = options;
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts the clock of one operation.
   *
   * @param options the operation's wait options
   * @return a waiter whose deadline is now plus the timeout
   */
  static Waiter start(WaitOptions options) {
    return new Waiter(options);
  }

  /** Returns the progress sink of this operation, for messages outside a wait. */
  Progress progress() {
    return options.progress();
  }

  /**
   * Polls until the probe answers done, and returns its value.
   *
   * @param subject what is awaited, e.g. "CloudFront distribution E2ABC to be Deployed"
   * @param probe one poll; a thrown exception ends the wait and propagates
   * @return the probe's value
   * @throws WaitTimeoutException when the operation's time budget runs out first
   * @throws AwsOperationException when the thread is interrupted (the operation is cancelled)
   */
  <T> T until(String subject, Probe<T> probe) {
    Duration interval = options.pollInterval();
    Optional<String> lastReported = Optional.empty();
    long lastReportNanos = 0;
    while (true) {
      Poll<T> poll = probe.poll();
      if (poll.status == null) {
        if (lastReported.isPresent()) {
          options.progress().report(subject + ": done after " + elapsed().toSeconds() + " s");
        }
        return poll.value;
      }
      long now = System.nanoTime();
      if (lastReported.isEmpty() || !lastReported.get().equals(poll.status)
          || now - lastReportNanos >= REPEAT_REPORT.toNanos()) {
        options.progress().report(
            "waiting for " + subject + ": " + poll.status + " (" + elapsed().toSeconds() + " s)");
        lastReported = Optional.of(poll.status);
        lastReportNanos = now;
      }
      Duration remaining = options.timeout().minus(elapsed());
      if (remaining.isNegative() || remaining.isZero()) {
        throw new WaitTimeoutException(subject, poll.status, elapsed());
      }
      sleep(interval.compareTo(remaining) < 0 ? interval : remaining);
      Duration next = interval.plus(interval.dividedBy(2));
      interval = next.compareTo(options.maxPollInterval()) < 0 ? next : options.maxPollInterval();
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsOperationException(
          "cancelled while waiting; AWS continues any change already sent: run the operation again",
          null, e);
    }
  }
}

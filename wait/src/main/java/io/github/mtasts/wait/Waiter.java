package io.github.mtasts.wait;

import java.time.Duration;

/**
 * The clock of one operation call: its deadline is shared by every pause of the call (rate
 * limits, retries after server errors) and every poll (see {@link WaitOptions}). Polls until a
 * condition holds, reporting the observed status as it changes, and again every minute while it
 * does not.
 */
public final class Waiter {

  /**
   * The answer of one poll: done with a value, or still pending with a status to report.
   *
   * @param <T> the value a done poll carries
   */
  public static final class Poll<T> {
    private final T value;
    private final String status;

    private Poll(T value, String status) {
      this.value = value;
      this.status = status;
    }

    /**
     * The awaited state is reached.
     *
     * @param value what the wait returns
     * @param <T> its type
     * @return the answer
     */
    public static <T> Poll<T> done(T value) {
      return new Poll<>(value, null);
    }

    /**
     * Not yet.
     *
     * @param status the service's status, as it names it, e.g. {@code InProgress}
     * @param <T> the value a done poll would carry
     * @return the answer
     */
    public static <T> Poll<T> pending(String status) {
      return new Poll<>(null, status);
    }
  }

  /**
   * One poll of the service.
   *
   * @param <T> the value a done poll carries
   */
  @FunctionalInterface
  public interface Probe<T> {
    /**
     * Asks the service once.
     *
     * @return done with a value, or pending with a status
     */
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
  public static Waiter start(WaitOptions options) {
    return new Waiter(options);
  }

  /**
   * A new clock for a short step after this one ran out, such as asking the service why: the
   * same progress and polling, a budget of its own.
   *
   * @param budget the step's time budget
   * @return a waiter whose deadline is now plus the budget
   */
  public Waiter grace(Duration budget) {
    Duration poll = options.pollInterval().compareTo(budget) < 0 ? options.pollInterval() : budget;
    Duration maxPoll = options.maxPollInterval().compareTo(budget) < 0
        ? options.maxPollInterval() : budget;
    return new Waiter(options.toBuilder().timeout(budget).pollInterval(poll)
        .maxPollInterval(maxPoll).build());
  }

  /**
   * Returns the progress sink of this operation, for messages outside a wait.
   *
   * @return the sink
   */
  public Progress progress() {
    return options.progress();
  }

  /**
   * Returns the first interval between two polls.
   *
   * @return the interval
   */
  public Duration pollInterval() {
    return options.pollInterval();
  }

  /**
   * Returns how long the operation has lasted.
   *
   * @return the time since {@link #start}
   */
  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * Returns what is left of the budget.
   *
   * @return the time until the deadline; zero or negative once it has passed
   */
  public Duration remaining() {
    return options.timeout().minus(elapsed());
  }

  /**
   * Sleeps for {@code duration} if the budget has that much left.
   *
   * @param duration how long to pause
   * @return false, without sleeping, when the pause would end after the deadline
   * @throws WaitCancelledException when the thread is interrupted (the operation is cancelled)
   */
  public boolean pause(Duration duration) {
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
   * @param <T> the value a done poll carries
   * @return the probe's value
   * @throws WaitTimeoutException when the budget runs out first
   * @throws WaitCancelledException when the thread is interrupted (the operation is cancelled)
   */
  public <T> T until(String subject, Probe<T> probe) {
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
      throw new WaitCancelledException(e);
    }
  }
}

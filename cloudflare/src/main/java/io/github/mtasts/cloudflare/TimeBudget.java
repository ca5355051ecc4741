package io.github.mtasts.cloudflare;

import java.time.Duration;

/**
 * The time one operation may take, retries and their waits included, started when it is made.
 *
 * <p>A caller makes one budget per operation it was asked for (for example a Pulumi create with
 * its {@code customTimeouts}) and passes it to every call that operation makes, so that the
 * calls share one deadline: a retried call uses up time the next call does not get.
 */
public final class TimeBudget {

  private final Duration total;
  private final long startNanos;

  private TimeBudget(Duration total) {
    this.total = total;
    this.startNanos = System.nanoTime();
  }

  /**
   * Starts a budget now.
   *
   * @param total how long the operation may take, positive
   * @return the budget
   * @throws InvalidSpecException when the duration is not positive
   */
  public static TimeBudget of(Duration total) {
    if (total == null || total.isNegative() || total.isZero()) {
      throw new InvalidSpecException("timeout", total, "use a positive duration");
    }
    return new TimeBudget(total);
  }

  /**
   * Returns the time left, zero when it is used up.
   *
   * @return a duration, never negative
   */
  public Duration remaining() {
    Duration left = total.minus(elapsed());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Returns the time since the budget started.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /**
   * Returns the whole budget.
   *
   * @return the duration given at start
   */
  public Duration total() {
    return total;
  }

  @Override
  public String toString() {
    return "TimeBudget{total=" + total + ", remaining=" + remaining() + "}";
  }
}

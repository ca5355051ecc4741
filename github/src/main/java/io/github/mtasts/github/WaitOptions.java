package io.github.mtasts.github;

import java.time.Duration;
import java.util.Objects;

/**
 * How one operation waits for GitHub: its total time budget, how often it polls, and where
 * progress goes.
 *
 * <p>The timeout covers every wait of one call together: pauses for a rate limit, retries after a
 * server error, and the polls of a certificate, which is how Pulumi's {@code customTimeouts} for a
 * create, update or delete are meant. Polling starts at {@link #pollInterval()} and backs off by
 * half each time up to {@link #maxPollInterval()}: a certificate issued in minutes is seen soon,
 * and one that takes hours costs few requests (conditional ones, which do not count against the
 * primary rate limit when nothing changed).
 */
public final class WaitOptions {

  private final Duration timeout;
  private final Duration pollInterval;
  private final Duration maxPollInterval;
  private final Progress progress;

  private WaitOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.pollInterval = builder.pollInterval;
    this.maxPollInterval = builder.maxPollInterval;
    this.progress = builder.progress;
  }

  /**
   * Returns options with the defaults (timeout 30 min, poll 5 s backing off to 60 s) and the
   * given progress sink.
   *
   * @param progress where progress messages go
   * @return the options
   */
  public static WaitOptions defaults(Progress progress) {
    return builder().progress(progress).build();
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the total time budget of one call.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Returns the first interval between two polls.
   *
   * @return the initial interval
   */
  public Duration pollInterval() {
    return pollInterval;
  }

  /**
   * Returns the longest interval between two polls.
   *
   * @return the maximum interval
   */
  public Duration maxPollInterval() {
    return maxPollInterval;
  }

  /**
   * Returns where progress messages go.
   *
   * @return the progress sink
   */
  public Progress progress() {
    return progress;
  }

  @Override
  public String toString() {
    return "WaitOptions{timeout=" + timeout + ", pollInterval=" + pollInterval
        + ", maxPollInterval=" + maxPollInterval + "}";
  }

  /** Builds {@link WaitOptions}. */
  public static final class Builder {
    private Duration timeout = Duration.ofMinutes(30);
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration maxPollInterval = Duration.ofSeconds(60);
    private Progress progress = Progress.NONE;

    private Builder() {}

    /**
     * Sets the total time budget of one call.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /**
     * Sets the first interval between two polls.
     *
     * @param pollInterval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = positive("pollInterval", pollInterval);
      return this;
    }

    /**
     * Sets the longest interval between two polls.
     *
     * @param maxPollInterval a positive duration
     * @return this builder
     */
    public Builder maxPollInterval(Duration maxPollInterval) {
      this.maxPollInterval = positive("maxPollInterval", maxPollInterval);
      return this;
    }

    /**
     * Sets where progress messages go.
     *
     * @param progress the sink
     * @return this builder
     */
    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws InvalidSpecException when maxPollInterval is shorter than pollInterval
     */
    public WaitOptions build() {
      if (maxPollInterval.compareTo(pollInterval) < 0) {
        throw new InvalidSpecException("maxPollInterval", maxPollInterval,
            "must be at least pollInterval (" + pollInterval + ")");
      }
      return new WaitOptions(this);
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new InvalidSpecException(field, value, "use a positive duration");
      }
      return value;
    }
  }
}

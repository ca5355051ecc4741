package io.github.mtasts.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * How one operation waits for a service: its total time budget, how often it polls, and where
 * progress goes.
 *
 * <p>The timeout covers every wait of one call together (a policy-site update may wait for an
 * invalidation and then for a deployment; a GitHub operation may pause for a rate limit and then
 * poll a certificate), which is how Pulumi's {@code customTimeouts} for a create, update or delete
 * are meant. Polling starts at {@link #pollInterval()} and backs off by half each time up to
 * {@link #maxPollInterval()}, so that a quick change is seen quickly and a change that takes an
 * hour does not cost hundreds of calls.
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
   * Returns options with the defaults (timeout 30 min, poll 2 s backing off to 20 s) and the
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

  /**
   * Returns a builder holding these options, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().timeout(timeout).pollInterval(pollInterval).maxPollInterval(maxPollInterval)
        .progress(progress);
  }

  @Override
  public String toString() {
    return "WaitOptions{timeout=" + timeout + ", pollInterval=" + pollInterval
        + ", maxPollInterval=" + maxPollInterval + "}";
  }

  /** Builds {@link WaitOptions}. */
  public static final class Builder {
    private Duration timeout = Duration.ofMinutes(30);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration maxPollInterval = Duration.ofSeconds(20);
    private Progress progress = Progress.NONE;

    private Builder() {}

    /**
     * Sets the total time budget of one call.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException naming the field when it is not positive
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
     * @throws IllegalArgumentException naming the field when it is not positive
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
     * @throws IllegalArgumentException naming the field when it is not positive
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
     * @throws IllegalArgumentException when maxPollInterval is shorter than pollInterval
     */
    public WaitOptions build() {
      if (maxPollInterval.compareTo(pollInterval) < 0) {
        throw new IllegalArgumentException("maxPollInterval: " + maxPollInterval
            + " is shorter than pollInterval (" + pollInterval + "): make it at least as long");
      }
      return new WaitOptions(this);
    }

    private static Duration positive(String field, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(field + ": " + (value == null ? "missing" : value)
            + ": use a positive duration");
      }
      return value;
    }
  }
}

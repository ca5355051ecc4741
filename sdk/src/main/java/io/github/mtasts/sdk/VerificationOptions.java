package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.enums.VerificationScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How the {@link Verification}s of an {@link MtaSts} component run: how long they retry, which
 * severity fails the update, and which checks the final one runs. The DNS resolver and extra trust anchors are provider settings
 * ({@code mtasts:verifyResolver}, {@code mtasts:verifyCaFile}), shared with the component's MX
 * preflight.
 *
 * <p>Immutable; {@link #defaults()} leaves every choice to the provider (600 s, fail on errors).
 */
public final class VerificationOptions {
  private static final Set<String> FAIL_ON = Set.of("error", "warning", "never");
  private static final VerificationOptions DEFAULTS = builder().build();

  private final Optional<Duration> timeout;
  private final Optional<String> failOn;
  private final Optional<VerificationScope> scope;
  private final OptionalInt httpsPort;
  private final OptionalInt smtpPort;

  private VerificationOptions(Builder builder) {
    this.timeout = Optional.ofNullable(builder.timeout);
    this.failOn = Optional.ofNullable(builder.failOn);
    this.scope = Optional.ofNullable(builder.scope);
    this.httpsPort = builder.httpsPort == null ? OptionalInt.empty()
        : OptionalInt.of(builder.httpsPort);
    this.smtpPort = builder.smtpPort == null ? OptionalInt.empty()
        : OptionalInt.of(builder.smtpPort);
  }

  /**
   * Returns the provider's defaults: retry for 600 s, fail the update on errors.
   *
   * @return options with nothing set
   */
  public static VerificationOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with nothing set.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how long failing checks are retried, DNS and CDN changes needing time to show.
   *
   * @return whole seconds, or empty for the provider's default (600 s)
   */
  public Optional<Duration> timeout() {
    return timeout;
  }

  /**
   * Returns the severity that fails the update.
   *
   * @return {@code error}, {@code warning} or {@code never}; empty for {@code error}
   */
  public Optional<String> failOn() {
    return failOn;
  }

  /**
   * Returns which checks the final verification runs. The verification of the policy host alone,
   * which gates the {@code _mta-sts} record, runs whatever the scope.
   *
   * @return the scope, or empty for {@code all}
   */
  public Optional<VerificationScope> scope() {
    return scope;
  }

  /**
   * Returns the port the policy host is reached on instead of 443; for test laboratories only.
   *
   * @return the port, or empty for 443
   */
  public OptionalInt httpsPort() {
    return httpsPort;
  }

  /**
   * Returns the port the MX hosts are probed on instead of 25; for test laboratories only.
   *
   * @return the port, or empty for 25
   */
  public OptionalInt smtpPort() {
    return smtpPort;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerificationOptions other && timeout.equals(other.timeout)
        && failOn.equals(other.failOn) && scope.equals(other.scope) && httpsPort.equals(other.httpsPort)
        && smtpPort.equals(other.smtpPort);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, failOn, scope, httpsPort, smtpPort);
  }

  @Override
  public String toString() {
    return "VerificationOptions{timeout=" + timeout + ", failOn=" + failOn + ", scope="
        + scope.map(VerificationScope::getValue) + ", httpsPort="
        + httpsPort + ", smtpPort=" + smtpPort + "}";
  }

  /** Builds {@link VerificationOptions}; {@link #build()} reports every invalid value at once. */
  public static final class Builder {
    private Duration timeout;
    private String failOn;
    private VerificationScope scope;
    private Integer httpsPort;
    private Integer smtpPort;

    private Builder() {}

    /**
     * Sets how long failing checks are retried.
     *
     * @param timeout a positive whole number of seconds
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the severity that fails the update.
     *
     * @param failOn {@code error}, {@code warning} or {@code never}
     * @return this builder
     */
    public Builder failOn(String failOn) {
      this.failOn = Objects.requireNonNull(failOn, "failOn");
      return this;
    }

    /**
     * Sets which checks the final verification runs: {@link VerificationScope#POLICY_AND_RECORDS}
     * leaves out the STARTTLS probes of the MX hosts, for networks that block outgoing port 25.
     *
     * @param scope the scope
     * @return this builder
     */
    public Builder scope(VerificationScope scope) {
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets the port of the policy host's HTTPS server; for test laboratories only.
     *
     * @param httpsPort 1 to 65535
     * @return this builder
     */
    public Builder httpsPort(int httpsPort) {
      this.httpsPort = httpsPort;
      return this;
    }

    /**
     * Sets the port of the MX hosts' SMTP servers; for test laboratories only.
     *
     * @param smtpPort 1 to 65535
     * @return this builder
     */
    public Builder smtpPort(int smtpPort) {
      this.smtpPort = smtpPort;
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the options
     * @throws InvalidInputException naming every invalid value
     */
    public VerificationOptions build() {
      List<Problem> problems = new ArrayList<>();
      if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.getNano() != 0)) {
        problems.add(Problem.error("timeout", 0, timeout.toString(),
            "VerificationOptions.timeout: " + timeout + " is not a positive whole number of"
                + " seconds: give for example Duration.ofMinutes(10)."));
      }
      if (failOn != null && !FAIL_ON.contains(failOn)) {
        problems.add(Problem.error("failOn", 0, failOn,
            "VerificationOptions.failOn: '" + failOn + "' is not one of error, warning or never."));
      }
      port("httpsPort", httpsPort, problems);
      port("smtpPort", smtpPort, problems);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
      return new VerificationOptions(this);
    }

    private static void port(String field, Integer port, List<Problem> problems) {
      if (port != null && (port < 1 || port > 65535)) {
        problems.add(Problem.error(field, 0, port.toString(),
            "VerificationOptions." + field + ": " + port + " is not a port: give 1 to 65535."));
      }
    }
  }
}

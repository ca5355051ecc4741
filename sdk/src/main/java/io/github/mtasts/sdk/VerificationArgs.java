package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The inputs of a {@link Verification}: the mail domain and what its live MTA-STS and TLS-RPT setup
 * must look like.
 */
public final class VerificationArgs extends ResourceArgs {

  /** The mail domain to verify, for example {@code example.com}. */
  @Import(name = "domain", required = true)
  private Output<String> domain;

  /** The policy body that must be served; usually {@link Policy#body()}. */
  @Import(name = "expectedPolicy")
  private @Nullable Output<String> expectedPolicy;

  /** The id the {@code _mta-sts} TXT record must carry; usually {@link Policy#policyId()}. */
  @Import(name = "expectedId")
  private @Nullable Output<String> expectedId;

  /**
   * Which checks run: {@code policy-host} (the HTTPS policy only) or {@code all} (the default).
   */
  @Import(name = "scope")
  private @Nullable Output<String> scope;

  /**
   * The severity that fails the update: {@code error} (the default), {@code warning} or
   * {@code never}.
   */
  @Import(name = "failOn")
  private @Nullable Output<String> failOn;

  /**
   * Seconds to retry failing checks with backoff before giving up (default 600), so a verification
   * can wait for DNS and hosting changes to become visible.
   */
  @Import(name = "timeout")
  private @Nullable Output<Integer> timeout;

  /**
   * DNS resolver as {@code host[:port]}, or {@code system}; overrides the provider setting
   * {@code verifyResolver}. By default the domain's authoritative name servers are asked.
   */
  @Import(name = "resolver")
  private @Nullable Output<String> resolver;

  /** PEM file of extra trust anchors for the HTTPS and STARTTLS checks. */
  @Import(name = "caFile")
  private @Nullable Output<String> caFile;

  /** Port of the policy host's HTTPS server instead of 443; for test labs only. */
  @Import(name = "httpsPort")
  private @Nullable Output<Integer> httpsPort;

  /** Port of the MX hosts' SMTP servers instead of 25; for test labs only. */
  @Import(name = "smtpPort")
  private @Nullable Output<Integer> smtpPort;

  /**
   * Any value; a change re-runs the verification, for example the id of the hosting that serves the
   * policy.
   */
  @Import(name = "triggers")
  private @Nullable Output<Object> triggers;

  private VerificationArgs() {}

  private VerificationArgs(VerificationArgs defaults) {
    this.domain = defaults.domain;
    this.expectedPolicy = defaults.expectedPolicy;
    this.expectedId = defaults.expectedId;
    this.scope = defaults.scope;
    this.failOn = defaults.failOn;
    this.timeout = defaults.timeout;
    this.resolver = defaults.resolver;
    this.caFile = defaults.caFile;
    this.httpsPort = defaults.httpsPort;
    this.smtpPort = defaults.smtpPort;
    this.triggers = defaults.triggers;
  }

  /**
   * Returns {@code domain}: the mail domain to verify, for example {@code example.com}.
   *
   * @return the value
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns {@code expectedPolicy}: the policy body that must be served; usually
   * {@link Policy#body()}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> expectedPolicy() {
    return Optional.ofNullable(expectedPolicy);
  }

  /**
   * Returns {@code expectedId}: the id the {@code _mta-sts} TXT record must carry; usually
   * {@link Policy#policyId()}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> expectedId() {
    return Optional.ofNullable(expectedId);
  }

  /**
   * Returns {@code scope}: which checks run: {@code policy-host} (the HTTPS policy only) or
   * {@code all} (the default).
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> scope() {
    return Optional.ofNullable(scope);
  }

  /**
   * Returns {@code failOn}: the severity that fails the update: {@code error} (the default),
   * {@code warning} or {@code never}.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> failOn() {
    return Optional.ofNullable(failOn);
  }

  /**
   * Returns {@code timeout}: seconds to retry failing checks with backoff before giving up (default
   * 600), so a verification can wait for DNS and hosting changes to become visible.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Integer>> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns {@code resolver}: DNS resolver as {@code host[:port]}, or {@code system}; overrides the
   * provider setting {@code verifyResolver}. By default the domain's authoritative name servers are
   * asked.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> resolver() {
    return Optional.ofNullable(resolver);
  }

  /**
   * Returns {@code caFile}: PEM file of extra trust anchors for the HTTPS and STARTTLS checks.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> caFile() {
    return Optional.ofNullable(caFile);
  }

  /**
   * Returns {@code httpsPort}: port of the policy host's HTTPS server instead of 443; for test labs
   * only.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Integer>> httpsPort() {
    return Optional.ofNullable(httpsPort);
  }

  /**
   * Returns {@code smtpPort}: port of the MX hosts' SMTP servers instead of 25; for test labs only.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Integer>> smtpPort() {
    return Optional.ofNullable(smtpPort);
  }

  /**
   * Returns {@code triggers}: any value; a change re-runs the verification, for example the id of
   * the hosting that serves the policy.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Object>> triggers() {
    return Optional.ofNullable(triggers);
  }

  /**
   * Starts a builder for the inputs.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder from existing inputs, to change some of them.
   *
   * @param defaults the inputs to start from
   * @return a builder holding {@code defaults}
   */
  public static Builder builder(VerificationArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link VerificationArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final VerificationArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new VerificationArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(VerificationArgs defaults) {
      args = new VerificationArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code domain}: the mail domain to verify, for example {@code example.com}.
     *
     * @param domain the value
     * @return this builder
     */
    public Builder domain(Output<String> domain) {
      args.domain = domain;
      return this;
    }

    /**
     * Sets {@code domain}: the mail domain to verify, for example {@code example.com}.
     *
     * @param domain the value
     * @return this builder
     */
    public Builder domain(String domain) {
      return domain(Output.of(domain));
    }

    /**
     * Sets {@code expectedPolicy}: the policy body that must be served; usually
     * {@link Policy#body()}.
     *
     * @param expectedPolicy the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder expectedPolicy(@Nullable Output<String> expectedPolicy) {
      args.expectedPolicy = expectedPolicy;
      return this;
    }

    /**
     * Sets {@code expectedPolicy}: the policy body that must be served; usually
     * {@link Policy#body()}.
     *
     * @param expectedPolicy the value
     * @return this builder
     */
    public Builder expectedPolicy(String expectedPolicy) {
      return expectedPolicy(Output.of(expectedPolicy));
    }

    /**
     * Sets {@code expectedId}: the id the {@code _mta-sts} TXT record must carry; usually
     * {@link Policy#policyId()}.
     *
     * @param expectedId the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder expectedId(@Nullable Output<String> expectedId) {
      args.expectedId = expectedId;
      return this;
    }

    /**
     * Sets {@code expectedId}: the id the {@code _mta-sts} TXT record must carry; usually
     * {@link Policy#policyId()}.
     *
     * @param expectedId the value
     * @return this builder
     */
    public Builder expectedId(String expectedId) {
      return expectedId(Output.of(expectedId));
    }

    /**
     * Sets {@code scope}: which checks run: {@code policy-host} (the HTTPS policy only) or
     * {@code all} (the default).
     *
     * @param scope the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder scope(@Nullable Output<String> scope) {
      args.scope = scope;
      return this;
    }

    /**
     * Sets {@code scope}: which checks run: {@code policy-host} (the HTTPS policy only) or
     * {@code all} (the default).
     *
     * @param scope the value
     * @return this builder
     */
    public Builder scope(String scope) {
      return scope(Output.of(scope));
    }

    /**
     * Sets {@code failOn}: the severity that fails the update: {@code error} (the default),
     * {@code warning} or {@code never}.
     *
     * @param failOn the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder failOn(@Nullable Output<String> failOn) {
      args.failOn = failOn;
      return this;
    }

    /**
     * Sets {@code failOn}: the severity that fails the update: {@code error} (the default),
     * {@code warning} or {@code never}.
     *
     * @param failOn the value
     * @return this builder
     */
    public Builder failOn(String failOn) {
      return failOn(Output.of(failOn));
    }

    /**
     * Sets {@code timeout}: seconds to retry failing checks with backoff before giving up (default
     * 600), so a verification can wait for DNS and hosting changes to become visible.
     *
     * @param timeout the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder timeout(@Nullable Output<Integer> timeout) {
      args.timeout = timeout;
      return this;
    }

    /**
     * Sets {@code timeout}: seconds to retry failing checks with backoff before giving up (default
     * 600), so a verification can wait for DNS and hosting changes to become visible.
     *
     * @param timeout the value
     * @return this builder
     */
    public Builder timeout(Integer timeout) {
      return timeout(Output.of(timeout));
    }

    /**
     * Sets {@code resolver}: DNS resolver as {@code host[:port]}, or {@code system}; overrides the
     * provider setting {@code verifyResolver}. By default the domain's authoritative name servers
     * are asked.
     *
     * @param resolver the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder resolver(@Nullable Output<String> resolver) {
      args.resolver = resolver;
      return this;
    }

    /**
     * Sets {@code resolver}: DNS resolver as {@code host[:port]}, or {@code system}; overrides the
     * provider setting {@code verifyResolver}. By default the domain's authoritative name servers
     * are asked.
     *
     * @param resolver the value
     * @return this builder
     */
    public Builder resolver(String resolver) {
      return resolver(Output.of(resolver));
    }

    /**
     * Sets {@code caFile}: PEM file of extra trust anchors for the HTTPS and STARTTLS checks.
     *
     * @param caFile the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder caFile(@Nullable Output<String> caFile) {
      args.caFile = caFile;
      return this;
    }

    /**
     * Sets {@code caFile}: PEM file of extra trust anchors for the HTTPS and STARTTLS checks.
     *
     * @param caFile the value
     * @return this builder
     */
    public Builder caFile(String caFile) {
      return caFile(Output.of(caFile));
    }

    /**
     * Sets {@code httpsPort}: port of the policy host's HTTPS server instead of 443; for test labs
     * only.
     *
     * @param httpsPort the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder httpsPort(@Nullable Output<Integer> httpsPort) {
      args.httpsPort = httpsPort;
      return this;
    }

    /**
     * Sets {@code httpsPort}: port of the policy host's HTTPS server instead of 443; for test labs
     * only.
     *
     * @param httpsPort the value
     * @return this builder
     */
    public Builder httpsPort(Integer httpsPort) {
      return httpsPort(Output.of(httpsPort));
    }

    /**
     * Sets {@code smtpPort}: port of the MX hosts' SMTP servers instead of 25; for test labs only.
     *
     * @param smtpPort the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder smtpPort(@Nullable Output<Integer> smtpPort) {
      args.smtpPort = smtpPort;
      return this;
    }

    /**
     * Sets {@code smtpPort}: port of the MX hosts' SMTP servers instead of 25; for test labs only.
     *
     * @param smtpPort the value
     * @return this builder
     */
    public Builder smtpPort(Integer smtpPort) {
      return smtpPort(Output.of(smtpPort));
    }

    /**
     * Sets {@code triggers}: any value; a change re-runs the verification, for example the id of
     * the hosting that serves the policy.
     *
     * @param triggers the value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder triggers(@Nullable Output<Object> triggers) {
      args.triggers = triggers;
      return this;
    }

    /**
     * Sets {@code triggers}: any value; a change re-runs the verification, for example the id of
     * the hosting that serves the policy.
     *
     * @param triggers the value
     * @return this builder
     */
    public Builder triggers(Object triggers) {
      return triggers(Output.of(triggers));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when domain is not set
     */
    public VerificationArgs build() {
      if (args.domain == null) {
        throw new MissingRequiredPropertyException("VerificationArgs", "domain");
      }
      return new VerificationArgs(args);
    }
  }
}

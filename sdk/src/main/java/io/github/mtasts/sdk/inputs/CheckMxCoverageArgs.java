package io.github.mtasts.sdk.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.InvokeArgs;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The arguments of {@link io.github.mtasts.sdk.MtastsFunctions#checkMxCoverage}: a mail domain and
 * the MX patterns of its policy.
 */
public final class CheckMxCoverageArgs extends InvokeArgs {

  /**
   * The mail domain whose MX hosts are looked up, for example {@code example.com}.
   */
  @Import(name = "domain", required = true)
  private Output<String> domain;

  /**
   * The policy mode, {@code enforce}, {@code testing} or {@code none}; it shapes the message.
   */
  @Import(name = "mode", required = true)
  private Output<String> mode;

  /**
   * The mx patterns of the policy (RFC 8461 §4.1).
   */
  @Import(name = "mx", required = true)
  private Output<List<String>> mx;

  private CheckMxCoverageArgs() {}

  private CheckMxCoverageArgs(CheckMxCoverageArgs defaults) {
    this.domain = defaults.domain;
    this.mode = defaults.mode;
    this.mx = defaults.mx;
  }

  /**
   * Returns {@code domain}: the mail domain whose MX hosts are looked up, for example {@code
   * example.com}.
   *
   * @return the value
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns {@code mode}: the policy mode, {@code enforce}, {@code testing} or {@code none}; it
   * shapes the message.
   *
   * @return the value
   */
  public Output<String> mode() {
    return mode;
  }

  /**
   * Returns {@code mx}: the mx patterns of the policy (RFC 8461 §4.1).
   *
   * @return the value
   */
  public Output<List<String>> mx() {
    return mx;
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
  public static Builder builder(CheckMxCoverageArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link CheckMxCoverageArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final CheckMxCoverageArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new CheckMxCoverageArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(CheckMxCoverageArgs defaults) {
      args = new CheckMxCoverageArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code domain}: the mail domain whose MX hosts are looked up, for example {@code
     * example.com}.
     *
     * @param domain the domain
     * @return this builder
     */
    public Builder domain(Output<String> domain) {
      args.domain = domain;
      return this;
    }

    /**
     * Sets {@code domain}: the mail domain whose MX hosts are looked up, for example {@code
     * example.com}.
     *
     * @param domain the domain
     * @return this builder
     */
    public Builder domain(String domain) {
      return domain(Output.of(domain));
    }

    /**
     * Sets {@code mode}: the policy mode, {@code enforce}, {@code testing} or {@code none}; it
     * shapes the message.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Output<String> mode) {
      args.mode = mode;
      return this;
    }

    /**
     * Sets {@code mode}: the policy mode, {@code enforce}, {@code testing} or {@code none}; it
     * shapes the message.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(String mode) {
      return mode(Output.of(mode));
    }

    /**
     * Sets {@code mx}: the mx patterns of the policy (RFC 8461 §4.1).
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(Output<List<String>> mx) {
      args.mx = mx;
      return this;
    }

    /**
     * Sets {@code mx}: the mx patterns of the policy (RFC 8461 §4.1).
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(List<String> mx) {
      return mx(Output.of(mx));
    }

    /**
     * Sets {@code mx}: the mx patterns of the policy (RFC 8461 §4.1).
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(String... mx) {
      return mx(List.of(mx));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when domain, mode or mx is not set
     */
    public CheckMxCoverageArgs build() {
      if (args.domain == null) {
        throw new MissingRequiredPropertyException("CheckMxCoverageArgs", "domain");
      }
      if (args.mode == null) {
        throw new MissingRequiredPropertyException("CheckMxCoverageArgs", "mode");
      }
      if (args.mx == null) {
        throw new MissingRequiredPropertyException("CheckMxCoverageArgs", "mx");
      }
      return new CheckMxCoverageArgs(args);
    }
  }
}

package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/** The inputs of a {@link Policy}: an MTA-STS policy (RFC 8461 §3.2) and its TLS-RPT addresses. */
public final class PolicyArgs extends ResourceArgs {

  /** Policy mode: {@code enforce}, {@code testing} or {@code none} (RFC 8461 §5). */
  @Import(name = "mode", required = true)
  private Output<String> mode;

  /** MX host patterns the policy allows: {@code mx1.example.com} or {@code *.example.net}. */
  @Import(name = "mx", required = true)
  private Output<List<String>> mx;

  /** How long, in seconds, a sending server may cache the policy (at most 31557600). */
  @Import(name = "maxAge", required = true)
  private Output<Integer> maxAge;

  /** TLS-RPT report destinations ({@code mailto:} or {@code https:} URIs, RFC 8460 §3). */
  @Import(name = "rua")
  private @Nullable Output<List<String>> rua;

  private PolicyArgs() {}

  private PolicyArgs(PolicyArgs defaults) {
    this.mode = defaults.mode;
    this.mx = defaults.mx;
    this.maxAge = defaults.maxAge;
    this.rua = defaults.rua;
  }

  /**
   * Returns the policy mode.
   *
   * @return {@code enforce}, {@code testing} or {@code none}
   */
  public Output<String> mode() {
    return mode;
  }

  /**
   * Returns the allowed MX host patterns.
   *
   * @return the patterns, as given
   */
  public Output<List<String>> mx() {
    return mx;
  }

  /**
   * Returns the policy lifetime.
   *
   * @return seconds a sender may cache the policy
   */
  public Output<Integer> maxAge() {
    return maxAge;
  }

  /**
   * Returns the TLS-RPT report destinations.
   *
   * @return the URIs, or empty when no TLS-RPT record is wanted
   */
  public Optional<Output<List<String>>> rua() {
    return Optional.ofNullable(rua);
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
  public static Builder builder(PolicyArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link PolicyArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final PolicyArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new PolicyArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(PolicyArgs defaults) {
      args = new PolicyArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets the policy mode.
     *
     * @param mode {@code enforce}, {@code testing} or {@code none}
     * @return this builder
     */
    public Builder mode(Output<String> mode) {
      args.mode = mode;
      return this;
    }

    /**
     * Sets the policy mode.
     *
     * @param mode {@code enforce}, {@code testing} or {@code none}
     * @return this builder
     */
    public Builder mode(String mode) {
      return mode(Output.of(mode));
    }

    /**
     * Sets the allowed MX host patterns.
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(Output<List<String>> mx) {
      args.mx = mx;
      return this;
    }

    /**
     * Sets the allowed MX host patterns.
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(List<String> mx) {
      return mx(Output.of(mx));
    }

    /**
     * Sets the allowed MX host patterns.
     *
     * @param mx the patterns
     * @return this builder
     */
    public Builder mx(String... mx) {
      return mx(List.of(mx));
    }

    /**
     * Sets how long a sending server may cache the policy.
     *
     * @param maxAge seconds, at most 31557600
     * @return this builder
     */
    public Builder maxAge(Output<Integer> maxAge) {
      args.maxAge = maxAge;
      return this;
    }

    /**
     * Sets how long a sending server may cache the policy.
     *
     * @param maxAge seconds, at most 31557600
     * @return this builder
     */
    public Builder maxAge(Integer maxAge) {
      return maxAge(Output.of(maxAge));
    }

    /**
     * Sets the TLS-RPT report destinations.
     *
     * @param rua the URIs, or {@code null} for none
     * @return this builder
     */
    public Builder rua(@Nullable Output<List<String>> rua) {
      args.rua = rua;
      return this;
    }

    /**
     * Sets the TLS-RPT report destinations.
     *
     * @param rua the URIs
     * @return this builder
     */
    public Builder rua(List<String> rua) {
      return rua(Output.of(rua));
    }

    /**
     * Sets the TLS-RPT report destinations.
     *
     * @param rua the URIs
     * @return this builder
     */
    public Builder rua(String... rua) {
      return rua(List.of(rua));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when mode, mx or maxAge is not set
     */
    public PolicyArgs build() {
      if (args.mode == null) {
        throw new MissingRequiredPropertyException("PolicyArgs", "mode");
      }
      if (args.mx == null) {
        throw new MissingRequiredPropertyException("PolicyArgs", "mx");
      }
      if (args.maxAge == null) {
        throw new MissingRequiredPropertyException("PolicyArgs", "maxAge");
      }
      return new PolicyArgs(args);
    }
  }
}

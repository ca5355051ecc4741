package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The inputs of a {@link CertificateValidation}: the certificate to wait for.
 */
public final class CertificateValidationArgs extends ResourceArgs {

  /**
   * The ARN of the ACM certificate in us-east-1 to wait for; usually {@link Certificate#arn()}.
   */
  @Import(name = "certificateArn", required = true)
  private Output<String> certificateArn;

  /**
   * The names of the published validation records ({@link Record#fqdn()}), only to start the wait
   * after they exist.
   */
  @Import(name = "validationRecordFqdns")
  private @Nullable Output<List<String>> validationRecordFqdns;

  /**
   * How long to wait for the certificate to be issued, in seconds (default 2700, at most 259200).
   */
  @Import(name = "timeout")
  private @Nullable Output<Integer> timeout;

  private CertificateValidationArgs() {}

  private CertificateValidationArgs(CertificateValidationArgs defaults) {
    this.certificateArn = defaults.certificateArn;
    this.validationRecordFqdns = defaults.validationRecordFqdns;
    this.timeout = defaults.timeout;
  }

  /**
   * Returns {@code certificateArn}: the ARN of the ACM certificate in us-east-1 to wait for;
   * usually {@link Certificate#arn()}.
   *
   * @return the value
   */
  public Output<String> certificateArn() {
    return certificateArn;
  }

  /**
   * Returns {@code validationRecordFqdns}: the names of the published validation records ({@link
   * Record#fqdn()}), only to start the wait after they exist.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<List<String>>> validationRecordFqdns() {
    return Optional.ofNullable(validationRecordFqdns);
  }

  /**
   * Returns {@code timeout}: how long to wait for the certificate to be issued, in seconds (default
   * 2700, at most 259200).
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<Integer>> timeout() {
    return Optional.ofNullable(timeout);
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
  public static Builder builder(CertificateValidationArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link CertificateValidationArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final CertificateValidationArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new CertificateValidationArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(CertificateValidationArgs defaults) {
      args = new CertificateValidationArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code certificateArn}: the ARN of the ACM certificate in us-east-1 to wait for; usually
     * {@link Certificate#arn()}.
     *
     * @param certificateArn the ARN
     * @return this builder
     */
    public Builder certificateArn(Output<String> certificateArn) {
      args.certificateArn = certificateArn;
      return this;
    }

    /**
     * Sets {@code certificateArn}: the ARN of the ACM certificate in us-east-1 to wait for; usually
     * {@link Certificate#arn()}.
     *
     * @param certificateArn the ARN
     * @return this builder
     */
    public Builder certificateArn(String certificateArn) {
      return certificateArn(Output.of(certificateArn));
    }

    /**
     * Sets {@code validationRecordFqdns}: the names of the published validation records ({@link
     * Record#fqdn()}), only to start the wait after they exist.
     *
     * @param validationRecordFqdns the names, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder validationRecordFqdns(@Nullable Output<List<String>> validationRecordFqdns) {
      args.validationRecordFqdns = validationRecordFqdns;
      return this;
    }

    /**
     * Sets {@code validationRecordFqdns}: the names of the published validation records ({@link
     * Record#fqdn()}), only to start the wait after they exist.
     *
     * @param validationRecordFqdns the names
     * @return this builder
     */
    public Builder validationRecordFqdns(List<String> validationRecordFqdns) {
      return validationRecordFqdns(Output.of(validationRecordFqdns));
    }

    /**
     * Sets {@code validationRecordFqdns}: the names of the published validation records ({@link
     * Record#fqdn()}), only to start the wait after they exist.
     *
     * @param validationRecordFqdns the names
     * @return this builder
     */
    public Builder validationRecordFqdns(String... validationRecordFqdns) {
      return validationRecordFqdns(List.of(validationRecordFqdns));
    }

    /**
     * Sets {@code timeout}: how long to wait for the certificate to be issued, in seconds (default
     * 2700, at most 259200).
     *
     * @param timeout seconds, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder timeout(@Nullable Output<Integer> timeout) {
      args.timeout = timeout;
      return this;
    }

    /**
     * Sets {@code timeout}: how long to wait for the certificate to be issued, in seconds (default
     * 2700, at most 259200).
     *
     * @param timeout seconds
     * @return this builder
     */
    public Builder timeout(Integer timeout) {
      return timeout(Output.of(timeout));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when certificateArn is not set
     */
    public CertificateValidationArgs build() {
      if (args.certificateArn == null) {
        throw new MissingRequiredPropertyException("CertificateValidationArgs", "certificateArn");
      }
      return new CertificateValidationArgs(args);
    }
  }
}

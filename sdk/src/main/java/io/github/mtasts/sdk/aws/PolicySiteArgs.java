package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The inputs of a {@link PolicySite}: what to serve, for which domain, with which certificate.
 */
public final class PolicySiteArgs extends ResourceArgs {

  /**
   * The mail domain, for example {@code example.com}; the site answers for {@code
   * mta-sts.<domain>}. A change replaces the site.
   */
  @Import(name = "domain", required = true)
  private Output<String> domain;

  /**
   * The ARN of an issued ACM certificate in us-east-1 for {@code mta-sts.<domain>}; usually {@link
   * CertificateValidation#certificateArn()}.
   */
  @Import(name = "certificateArn", required = true)
  private Output<String> certificateArn;

  /**
   * The policy body to serve; usually {@link io.github.mtasts.sdk.Policy#body()}.
   */
  @Import(name = "policy", required = true)
  private Output<String> policy;

  /**
   * The S3 bucket for the policy (default {@code mta-sts-<domain with dashes>}); bucket names are
   * global across AWS accounts. A change replaces the site.
   */
  @Import(name = "bucketName")
  private @Nullable Output<String> bucketName;

  /**
   * The Cache-Control header of the policy object (default {@code max-age=300}).
   */
  @Import(name = "cacheControl")
  private @Nullable Output<String> cacheControl;

  private PolicySiteArgs() {}

  private PolicySiteArgs(PolicySiteArgs defaults) {
    this.domain = defaults.domain;
    this.certificateArn = defaults.certificateArn;
    this.policy = defaults.policy;
    this.bucketName = defaults.bucketName;
    this.cacheControl = defaults.cacheControl;
  }

  /**
   * Returns {@code domain}: the mail domain, for example {@code example.com}; the site answers for
   * {@code mta-sts.<domain>}. A change replaces the site.
   *
   * @return the value
   */
  public Output<String> domain() {
    return domain;
  }

  /**
   * Returns {@code certificateArn}: the ARN of an issued ACM certificate in us-east-1 for {@code
   * mta-sts.<domain>}; usually {@link CertificateValidation#certificateArn()}.
   *
   * @return the value
   */
  public Output<String> certificateArn() {
    return certificateArn;
  }

  /**
   * Returns {@code policy}: the policy body to serve; usually {@link
   * io.github.mtasts.sdk.Policy#body()}.
   *
   * @return the value
   */
  public Output<String> policy() {
    return policy;
  }

  /**
   * Returns {@code bucketName}: the S3 bucket for the policy (default {@code mta-sts-<domain with
   * dashes>}); bucket names are global across AWS accounts. A change replaces the site.
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> bucketName() {
    return Optional.ofNullable(bucketName);
  }

  /**
   * Returns {@code cacheControl}: the Cache-Control header of the policy object (default {@code
   * max-age=300}).
   *
   * @return the value, or empty when not set
   */
  public Optional<Output<String>> cacheControl() {
    return Optional.ofNullable(cacheControl);
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
  public static Builder builder(PolicySiteArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link PolicySiteArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final PolicySiteArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new PolicySiteArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(PolicySiteArgs defaults) {
      args = new PolicySiteArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code domain}: the mail domain, for example {@code example.com}; the site answers for
     * {@code mta-sts.<domain>}. A change replaces the site.
     *
     * @param domain the mail domain
     * @return this builder
     */
    public Builder domain(Output<String> domain) {
      args.domain = domain;
      return this;
    }

    /**
     * Sets {@code domain}: the mail domain, for example {@code example.com}; the site answers for
     * {@code mta-sts.<domain>}. A change replaces the site.
     *
     * @param domain the mail domain
     * @return this builder
     */
    public Builder domain(String domain) {
      return domain(Output.of(domain));
    }

    /**
     * Sets {@code certificateArn}: the ARN of an issued ACM certificate in us-east-1 for {@code
     * mta-sts.<domain>}; usually {@link CertificateValidation#certificateArn()}.
     *
     * @param certificateArn the ARN
     * @return this builder
     */
    public Builder certificateArn(Output<String> certificateArn) {
      args.certificateArn = certificateArn;
      return this;
    }

    /**
     * Sets {@code certificateArn}: the ARN of an issued ACM certificate in us-east-1 for {@code
     * mta-sts.<domain>}; usually {@link CertificateValidation#certificateArn()}.
     *
     * @param certificateArn the ARN
     * @return this builder
     */
    public Builder certificateArn(String certificateArn) {
      return certificateArn(Output.of(certificateArn));
    }

    /**
     * Sets {@code policy}: the policy body to serve; usually {@link
     * io.github.mtasts.sdk.Policy#body()}.
     *
     * @param policy the body
     * @return this builder
     */
    public Builder policy(Output<String> policy) {
      args.policy = policy;
      return this;
    }

    /**
     * Sets {@code policy}: the policy body to serve; usually {@link
     * io.github.mtasts.sdk.Policy#body()}.
     *
     * @param policy the body
     * @return this builder
     */
    public Builder policy(String policy) {
      return policy(Output.of(policy));
    }

    /**
     * Sets {@code bucketName}: the S3 bucket for the policy (default {@code mta-sts-<domain with
     * dashes>}); bucket names are global across AWS accounts. A change replaces the site.
     *
     * @param bucketName the bucket name, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder bucketName(@Nullable Output<String> bucketName) {
      args.bucketName = bucketName;
      return this;
    }

    /**
     * Sets {@code bucketName}: the S3 bucket for the policy (default {@code mta-sts-<domain with
     * dashes>}); bucket names are global across AWS accounts. A change replaces the site.
     *
     * @param bucketName the bucket name
     * @return this builder
     */
    public Builder bucketName(String bucketName) {
      return bucketName(Output.of(bucketName));
    }

    /**
     * Sets {@code cacheControl}: the Cache-Control header of the policy object (default {@code
     * max-age=300}).
     *
     * @param cacheControl the header value, or {@code null} to leave it unset
     * @return this builder
     */
    public Builder cacheControl(@Nullable Output<String> cacheControl) {
      args.cacheControl = cacheControl;
      return this;
    }

    /**
     * Sets {@code cacheControl}: the Cache-Control header of the policy object (default {@code
     * max-age=300}).
     *
     * @param cacheControl the header value
     * @return this builder
     */
    public Builder cacheControl(String cacheControl) {
      return cacheControl(Output.of(cacheControl));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when domain, certificateArn or policy is not set
     */
    public PolicySiteArgs build() {
      if (args.domain == null) {
        throw new MissingRequiredPropertyException("PolicySiteArgs", "domain");
      }
      if (args.certificateArn == null) {
        throw new MissingRequiredPropertyException("PolicySiteArgs", "certificateArn");
      }
      if (args.policy == null) {
        throw new MissingRequiredPropertyException("PolicySiteArgs", "policy");
      }
      return new PolicySiteArgs(args);
    }
  }
}

package io.github.mtasts.sdk.aws;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.ResourceArgs;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The inputs of a {@link Certificate}: the host name to certify.
 */
public final class CertificateArgs extends ResourceArgs {

  /**
   * The host name to certify, for example {@code mta-sts.example.com}; a change replaces the
   * certificate.
   */
  @Import(name = "domain", required = true)
  private Output<String> domain;

  private CertificateArgs() {}

  private CertificateArgs(CertificateArgs defaults) {
    this.domain = defaults.domain;
  }

  /**
   * Returns {@code domain}: the host name to certify, for example {@code mta-sts.example.com}; a
   * change replaces the certificate.
   *
   * @return the value
   */
  public Output<String> domain() {
    return domain;
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
  public static Builder builder(CertificateArgs defaults) {
    return new Builder(defaults);
  }

  /** Builds {@link CertificateArgs}; each input takes a plain value or an {@link Output}. */
  public static final class Builder {
    private final CertificateArgs args;

    /** Starts with no inputs set. */
    public Builder() {
      args = new CertificateArgs();
    }

    /**
     * Starts with the given inputs.
     *
     * @param defaults the inputs to start from
     */
    public Builder(CertificateArgs defaults) {
      args = new CertificateArgs(Objects.requireNonNull(defaults));
    }

    /**
     * Sets {@code domain}: the host name to certify, for example {@code mta-sts.example.com}; a
     * change replaces the certificate.
     *
     * @param domain the host name
     * @return this builder
     */
    public Builder domain(Output<String> domain) {
      args.domain = domain;
      return this;
    }

    /**
     * Sets {@code domain}: the host name to certify, for example {@code mta-sts.example.com}; a
     * change replaces the certificate.
     *
     * @param domain the host name
     * @return this builder
     */
    public Builder domain(String domain) {
      return domain(Output.of(domain));
    }

    /**
     * Returns the inputs.
     *
     * @return the inputs
     * @throws MissingRequiredPropertyException when domain is not set
     */
    public CertificateArgs build() {
      if (args.domain == null) {
        throw new MissingRequiredPropertyException("CertificateArgs", "domain");
      }
      return new CertificateArgs(args);
    }
  }
}

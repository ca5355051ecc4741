package io.github.mtasts.aws;

import io.github.mtasts.policy.S3BucketName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a policy site should serve, and where: the inputs of {@code mtasts:aws:PolicySite}.
 *
 * <p>RFC 8461 §3.3: the policy of {@code DOMAIN} is fetched with HTTPS GET from
 * {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt}, whose server must present a
 * certificate valid for {@code mta-sts.DOMAIN}, and is served as {@code text/plain}. The site
 * is a private S3 bucket holding that one object behind a CloudFront distribution answering for
 * {@code mta-sts.DOMAIN} with an ACM certificate.
 */
public final class PolicySiteSpec {

  /** RFC 8461 §3.3: the path of the policy below the policy host. */
  public static final String OBJECT_KEY = ".well-known/mta-sts.txt";

  /** RFC 8461 §3.3: the policy is served as text/plain; the body is UTF-8. */
  public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

  /** Short, so that a changed policy reaches senders within minutes even without invalidation. */
  public static final String DEFAULT_CACHE_CONTROL = "max-age=300";

  /** RFC 8461 §3.3: the policy host is the label "mta-sts" under the policy domain. */
  public static final String HOST_LABEL = "mta-sts.";

  private final String domain;
  private final String bucketName;
  private final String certificateArn;
  private final String policyBody;
  private final String cacheControl;

  private PolicySiteSpec(Builder builder) {
    this.domain = builder.domain;
    this.bucketName = builder.bucketName;
    this.certificateArn = builder.certificateArn;
    this.policyBody = builder.policyBody;
    this.cacheControl = builder.cacheControl;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a bucket name derived from the mail domain, e.g. {@code mta-sts-example-com} for
   * {@code example.com}; names longer than S3 allows are cut and end in a hash of the domain.
   * Bucket names are global across all AWS accounts, so the name may be taken: then choose
   * another.
   *
   * @param domain the mail domain
   * @return a valid bucket name
   */
  public static String defaultBucketName(String domain) {
    return S3BucketName.forDomain(RecordSet.normalizeName("domain", domain));
  }

  /**
   * Returns the mail domain whose policy this site serves.
   *
   * @return e.g. {@code example.com}
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the policy host, the distribution's alternate domain name.
   *
   * @return e.g. {@code mta-sts.example.com}
   */
  public String host() {
    return HOST_LABEL + domain;
  }

  /**
   * Returns the S3 bucket name.
   *
   * @return the name
   */
  public String bucketName() {
    return bucketName;
  }

  /**
   * Returns the ARN of the ACM certificate (us-east-1) for the policy host.
   *
   * @return the ARN
   */
  public String certificateArn() {
    return certificateArn;
  }

  /**
   * Returns the policy body to serve.
   *
   * @return the body, as rendered by the policy package
   */
  public String policyBody() {
    return policyBody;
  }

  /**
   * Returns the SHA-256 of the policy body's UTF-8 bytes, hex.
   *
   * @return 64 hex digits
   */
  public String policyBodySha256() {
    return sha256(policyBody);
  }

  /**
   * Returns the Cache-Control header of the policy object.
   *
   * @return e.g. {@code max-age=300}
   */
  public String cacheControl() {
    return cacheControl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicySiteSpec other && domain.equals(other.domain)
        && bucketName.equals(other.bucketName) && certificateArn.equals(other.certificateArn)
        && policyBody.equals(other.policyBody) && cacheControl.equals(other.cacheControl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(domain, bucketName, certificateArn, policyBody, cacheControl);
  }

  @Override
  public String toString() {
    return "PolicySiteSpec{domain=" + domain + ", bucketName=" + bucketName + ", certificateArn="
        + certificateArn + ", policyBody=" + policyBody.length() + " chars, cacheControl="
        + cacheControl + "}";
  }

  /**
   * Returns the SHA-256 of a text's UTF-8 bytes, as the state of a site records its body.
   *
   * @param text the text
   * @return 64 lower-case hex digits
   */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * Checks an S3 bucket name with the rule the SDK applies too ({@link S3BucketName}).
   *
   * @param name the bucket name
   * @return the name
   * @throws InvalidSpecException naming the field {@code bucketName}, the value and the fix
   */
  public static String checkBucketName(String name) {
    S3BucketName.problem(name).ifPresent(fix -> {
      throw new InvalidSpecException("bucketName", name, fix);
    });
    return name;
  }

  /** Builds a {@link PolicySiteSpec}. */
  public static final class Builder {
    private String domain;
    private String bucketName;
    private String certificateArn;
    private String policyBody;
    private String cacheControl = DEFAULT_CACHE_CONTROL;

    private Builder() {}

    /**
     * Sets the mail domain (not the policy host).
     *
     * @param domain e.g. {@code example.com}
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets the S3 bucket name; default {@link #defaultBucketName(String)} of the domain.
     *
     * @param bucketName the name
     * @return this builder
     */
    public Builder bucketName(String bucketName) {
      this.bucketName = bucketName;
      return this;
    }

    /**
     * Sets the ACM certificate for the policy host.
     *
     * @param certificateArn an ACM certificate ARN in us-east-1
     * @return this builder
     */
    public Builder certificateArn(String certificateArn) {
      this.certificateArn = certificateArn;
      return this;
    }

    /**
     * Sets the policy body to serve.
     *
     * @param policyBody the body, e.g. {@code Policy.render()} of the policy package
     * @return this builder
     */
    public Builder policyBody(String policyBody) {
      this.policyBody = policyBody;
      return this;
    }

    /**
     * Sets the Cache-Control header of the policy object; default {@value #DEFAULT_CACHE_CONTROL}.
     *
     * @param cacheControl the header value
     * @return this builder
     */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws InvalidSpecException naming the first invalid field
     */
    public PolicySiteSpec build() {
      domain = RecordSet.normalizeName("domain", domain);
      if (domain.startsWith(HOST_LABEL)) {
        throw new InvalidSpecException("domain", domain, "give the mail domain (e.g. example.com),"
            + " not the policy host: mta-sts. is added");
      }
      if (domain.startsWith("*.")) {
        throw new InvalidSpecException("domain", domain, "give one mail domain, not a wildcard");
      }
      RecordSet.normalizeName("domain", HOST_LABEL + domain); // the host must fit too
      bucketName = checkBucketName(bucketName == null ? defaultBucketName(domain) : bucketName);
      AcmCertificates.checkArn("certificateArn", certificateArn);
      if (policyBody == null || policyBody.isBlank()) {
        throw new InvalidSpecException("policyBody", policyBody,
            "give the rendered MTA-STS policy (RFC 8461 §3.2)");
      }
      if (cacheControl == null || cacheControl.isBlank()
          || !cacheControl.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
        throw new InvalidSpecException("cacheControl", cacheControl,
            "use a Cache-Control header value in printable ASCII, e.g. " + DEFAULT_CACHE_CONTROL);
      }
      return new PolicySiteSpec(this);
    }
  }
}

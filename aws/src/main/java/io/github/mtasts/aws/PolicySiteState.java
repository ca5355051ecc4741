package io.github.mtasts.aws;

import java.util.Objects;
import java.util.Optional;

/**
 * What exists of a policy site: the outputs and saved state of {@code mtasts:aws:PolicySite}.
 *
 * <p>The id of a site is its bucket name (unique across AWS): everything else is found from
 * it. After a partial failure only some parts are present (see
 * {@link PolicySiteIncompleteException}); {@link #complete()} tells whether all are.
 */
public final class PolicySiteState {

  private final String bucketName;
  private final String bucketRegion;
  private final String domain;
  private final String oacId;
  private final String distributionId;
  private final String distributionArn;
  private final String distributionDomainName;
  private final String certificateArn;
  private final String policyBody;
  private final String policyBodySha256;
  private final String cacheControl;

  private PolicySiteState(Builder builder) {
    this.bucketName = PolicySiteSpec.checkBucketName(builder.bucketName);
    this.bucketRegion = Objects.requireNonNull(builder.bucketRegion, "bucketRegion");
    this.domain = builder.domain;
    this.oacId = builder.oacId;
    this.distributionId = builder.distributionId;
    this.distributionArn = builder.distributionArn;
    this.distributionDomainName = builder.distributionDomainName;
    this.certificateArn = builder.certificateArn;
    this.policyBody = builder.policyBody;
    this.policyBodySha256 = builder.policyBody != null
        ? PolicySiteSpec.sha256(builder.policyBody) : builder.policyBodySha256;
    this.cacheControl = builder.cacheControl;
  }

  /**
   * Returns a builder.
   *
   * @param bucketName the bucket, the site's id
   * @param bucketRegion the bucket's region
   * @return a new builder
   */
  public static Builder builder(String bucketName, String bucketRegion) {
    return new Builder(bucketName, bucketRegion);
  }

  /**
   * Returns a builder preset with this state.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(bucketName, bucketRegion);
    builder.domain = domain;
    builder.oacId = oacId;
    builder.distributionId = distributionId;
    builder.distributionArn = distributionArn;
    builder.distributionDomainName = distributionDomainName;
    builder.certificateArn = certificateArn;
    builder.policyBody = policyBody;
    builder.policyBodySha256 = policyBodySha256;
    builder.cacheControl = cacheControl;
    return builder;
  }

  /**
   * Returns the site's id (the bucket name), also its import id.
   *
   * @return the id
   */
  public String id() {
    return bucketName;
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
   * Returns the region of the bucket.
   *
   * @return e.g. {@code us-east-1}
   */
  public String bucketRegion() {
    return bucketRegion;
  }

  /**
   * Returns the mail domain, once known.
   *
   * @return e.g. {@code example.com}
   */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /**
   * Returns the CloudFront origin access control id, once created.
   *
   * @return the id
   */
  public Optional<String> oacId() {
    return Optional.ofNullable(oacId);
  }

  /**
   * Returns the CloudFront distribution id, once created.
   *
   * @return e.g. {@code E2ABCDEF123456}
   */
  public Optional<String> distributionId() {
    return Optional.ofNullable(distributionId);
  }

  /**
   * Returns the CloudFront distribution ARN, once created.
   *
   * @return the ARN
   */
  public Optional<String> distributionArn() {
    return Optional.ofNullable(distributionArn);
  }

  /**
   * Returns the distribution's domain name, the target of the policy host's alias records.
   *
   * @return e.g. {@code d111abcdef8.cloudfront.net}
   */
  public Optional<String> distributionDomainName() {
    return Optional.ofNullable(distributionDomainName);
  }

  /**
   * Returns the ACM certificate the distribution presents.
   *
   * @return the ARN
   */
  public Optional<String> certificateArn() {
    return Optional.ofNullable(certificateArn);
  }

  /**
   * Returns the policy body served, when known (after a read, or a create or update).
   *
   * @return the body
   */
  public Optional<String> policyBody() {
    return Optional.ofNullable(policyBody);
  }

  /**
   * Returns the SHA-256 of the body that is uploaded and visible through the distribution
   * (invalidated where needed); absent while a change of the body is not finished.
   *
   * @return 64 hex digits
   */
  public Optional<String> policyBodySha256() {
    return Optional.ofNullable(policyBodySha256);
  }

  /**
   * Returns the Cache-Control header of the policy object, when known.
   *
   * @return e.g. {@code max-age=300}
   */
  public Optional<String> cacheControl() {
    return Optional.ofNullable(cacheControl);
  }

  /**
   * Returns whether every part of the site exists and the body is published.
   *
   * @return whether nothing remains to be done for the current body
   */
  public boolean complete() {
    return domain != null && oacId != null && distributionId != null && distributionArn != null
        && distributionDomainName != null && certificateArn != null && policyBodySha256 != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicySiteState other && bucketName.equals(other.bucketName)
        && bucketRegion.equals(other.bucketRegion) && Objects.equals(domain, other.domain)
        && Objects.equals(oacId, other.oacId)
        && Objects.equals(distributionId, other.distributionId)
        && Objects.equals(distributionArn, other.distributionArn)
        && Objects.equals(distributionDomainName, other.distributionDomainName)
        && Objects.equals(certificateArn, other.certificateArn)
        && Objects.equals(policyBody, other.policyBody)
        && Objects.equals(policyBodySha256, other.policyBodySha256)
        && Objects.equals(cacheControl, other.cacheControl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucketName, bucketRegion, domain, oacId, distributionId, distributionArn,
        distributionDomainName, certificateArn, policyBody, policyBodySha256, cacheControl);
  }

  @Override
  public String toString() {
    return "PolicySiteState{bucket=" + bucketName + " (" + bucketRegion + "), domain=" + domain
        + ", oac=" + oacId + ", distribution=" + distributionId + " " + distributionDomainName
        + ", certificate=" + certificateArn + ", bodySha256=" + policyBodySha256
        + ", cacheControl=" + cacheControl + ", complete=" + complete() + "}";
  }

  /** Builds a {@link PolicySiteState}. */
  public static final class Builder {
    private final String bucketName;
    private final String bucketRegion;
    private String domain;
    private String oacId;
    private String distributionId;
    private String distributionArn;
    private String distributionDomainName;
    private String certificateArn;
    private String policyBody;
    private String policyBodySha256;
    private String cacheControl;

    private Builder(String bucketName, String bucketRegion) {
      this.bucketName = bucketName;
      this.bucketRegion = bucketRegion;
    }

    /**
     * Sets the mail domain.
     *
     * @param domain e.g. {@code example.com}, or null when unknown
     * @return this builder
     */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /**
     * Sets the origin access control id.
     *
     * @param oacId the id, or null
     * @return this builder
     */
    public Builder oacId(String oacId) {
      this.oacId = oacId;
      return this;
    }

    /**
     * Sets the distribution's id, ARN and domain name.
     *
     * @param id the id, or null
     * @param arn the ARN, or null
     * @param domainName the domain name, or null
     * @return this builder
     */
    public Builder distribution(String id, String arn, String domainName) {
      this.distributionId = id;
      this.distributionArn = arn;
      this.distributionDomainName = domainName;
      return this;
    }

    /**
     * Sets the certificate ARN.
     *
     * @param certificateArn the ARN, or null
     * @return this builder
     */
    public Builder certificateArn(String certificateArn) {
      this.certificateArn = certificateArn;
      return this;
    }

    /**
     * Sets the published body; its SHA-256 is derived.
     *
     * @param policyBody the body, or null when not (yet) published
     * @return this builder
     */
    public Builder policyBody(String policyBody) {
      this.policyBody = policyBody;
      this.policyBodySha256 = policyBody == null ? null : PolicySiteSpec.sha256(policyBody);
      return this;
    }

    /**
     * Sets the SHA-256 of the published body when the body itself is not kept.
     *
     * @param policyBodySha256 64 hex digits, or null
     * @return this builder
     */
    public Builder policyBodySha256(String policyBodySha256) {
      this.policyBody = null;
      this.policyBodySha256 = policyBodySha256;
      return this;
    }

    /**
     * Sets the Cache-Control header of the policy object.
     *
     * @param cacheControl the header value, or null
     * @return this builder
     */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /**
     * Builds the state.
     *
     * @return the state
     * @throws InvalidSpecException when the bucket name is invalid
     */
    public PolicySiteState build() {
      return new PolicySiteState(this);
    }
  }
}

package io.github.mtasts.aws;

import java.util.Locale;
import java.util.Objects;

/**
 * The target of a Route 53 alias record: an AWS resource that Route 53 resolves itself,
 * answering with that resource's current addresses.
 *
 * @param hostedZoneId the hosted zone of the target service (for CloudFront always
 *     {@value #CLOUDFRONT_HOSTED_ZONE_ID})
 * @param dnsName the target's DNS name, lower case, without trailing dot
 */
public record AliasTarget(String hostedZoneId, String dnsName) {

  /** The fixed hosted zone id that every CloudFront distribution is aliased through. */
  public static final String CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

  /**
   * Validates and normalises the target.
   *
   * @throws InvalidSpecException when a part is empty or malformed
   */
  public AliasTarget {
    if (hostedZoneId == null || !hostedZoneId.matches("[A-Z0-9]{1,32}")) {
      throw new InvalidSpecException("alias.hostedZoneId", hostedZoneId,
          "use the target service's hosted zone id, e.g. " + CLOUDFRONT_HOSTED_ZONE_ID
              + " for CloudFront");
    }
    dnsName = RecordSet.normalizeName("alias.dnsName", Objects.requireNonNullElse(dnsName, ""));
  }

  /**
   * Returns an alias to a CloudFront distribution.
   *
   * @param distributionDomainName the distribution's domain, e.g. {@code d111abcdef8.cloudfront.net}
   * @return the target
   */
  public static AliasTarget cloudFront(String distributionDomainName) {
    return new AliasTarget(CLOUDFRONT_HOSTED_ZONE_ID,
        distributionDomainName == null ? null : distributionDomainName.toLowerCase(Locale.ROOT));
  }
}

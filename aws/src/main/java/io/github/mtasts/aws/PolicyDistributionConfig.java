package io.github.mtasts.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.HttpVersion;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.MinimumProtocolVersion;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.SSLSupportMethod;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/**
 * The CloudFront distribution configuration of a policy site, and how an existing one differs
 * from it. Pure: no calls.
 */
final class PolicyDistributionConfig {

  /**
   * CloudFront's managed cache policy "CachingOptimized": it honours the origin's
   * Cache-Control (the short max-age of the policy object) between its minimum of 1 s and
   * maximum of one year, and forwards no cookies, headers or query strings.
   */
  static final String CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";

  /** The id of the one origin, the policy bucket. */
  static final String ORIGIN_ID = "mtasts-policy-bucket";

  private PolicyDistributionConfig() {}

  /** Returns the configuration a new distribution is created with. */
  static DistributionConfig desired(PolicySiteSpec spec, String originDomain, String oacId,
      String callerReference) {
    return DistributionConfig.builder()
        .callerReference(callerReference)
        .comment(comment(spec))
        .enabled(true)
        .aliases(a -> a.quantity(1).items(spec.host()))
        .origins(o -> o.quantity(1).items(origin(originDomain, oacId)))
        .defaultCacheBehavior(defaultCacheBehavior())
        .viewerCertificate(viewerCertificate(spec.certificateArn()))
        .isIPV6Enabled(true)
        .httpVersion(HttpVersion.HTTP2)
        .defaultRootObject("")
        .build();
  }

  /**
   * Returns which managed settings of an existing configuration differ from the desired ones,
   * by name, for progress messages; empty when none does.
   */
  static List<String> differences(DistributionConfig existing, DistributionConfig desired) {
    List<String> differences = new ArrayList<>();
    if (!Boolean.TRUE.equals(existing.enabled())) {
      differences.add("enabled");
    }
    if (existing.aliases() == null
        || !Set.copyOf(existing.aliases().items()).equals(Set.copyOf(desired.aliases().items()))) {
      differences.add("aliases");
    }
    Origin want = desired.origins().items().get(0);
    boolean originMatches = existing.origins() != null && existing.origins().items().size() == 1
        && existing.origins().items().stream().anyMatch(o -> o.id().equals(want.id())
            && o.domainName().equals(want.domainName())
            && want.originAccessControlId().equals(o.originAccessControlId()));
    if (!originMatches) {
      differences.add("origin");
    }
    DefaultCacheBehavior have = existing.defaultCacheBehavior();
    if (have == null || have.viewerProtocolPolicy() != ViewerProtocolPolicy.REDIRECT_TO_HTTPS
        || !CACHING_OPTIMIZED_POLICY_ID.equals(have.cachePolicyId())
        || !ORIGIN_ID.equals(have.targetOriginId())) {
      differences.add("default cache behavior");
    }
    ViewerCertificate certificate = existing.viewerCertificate();
    ViewerCertificate wanted = desired.viewerCertificate();
    if (certificate == null
        || !wanted.acmCertificateArn().equals(certificate.acmCertificateArn())
        || certificate.sslSupportMethod() != wanted.sslSupportMethod()
        || certificate.minimumProtocolVersion() != wanted.minimumProtocolVersion()) {
      differences.add("viewer certificate");
    }
    if (!Boolean.TRUE.equals(existing.isIPV6Enabled())) {
      differences.add("IPv6");
    }
    return differences;
  }

  /**
   * Returns the existing configuration with the managed settings set as desired; everything
   * else (caller reference, logging, price class, ...) stays as it is.
   */
  static DistributionConfig merged(DistributionConfig existing, DistributionConfig desired) {
    return existing.toBuilder()
        .enabled(true)
        .comment(desired.comment())
        .aliases(desired.aliases())
        .origins(desired.origins())
        .defaultCacheBehavior(desired.defaultCacheBehavior())
        .viewerCertificate(desired.viewerCertificate())
        .isIPV6Enabled(true)
        .build();
  }

  /** Returns the configuration with the distribution disabled, the first step of deleting it. */
  static DistributionConfig disabled(DistributionConfig existing) {
    return existing.toBuilder().enabled(false).build();
  }

  private static String comment(PolicySiteSpec spec) {
    // CloudFront limits comments to 128 characters.
    String comment = "MTA-STS policy of " + spec.domain() + " (mtasts)";
    return comment.length() <= 128 ? comment : comment.substring(0, 128);
  }

  private static Origin origin(String originDomain, String oacId) {
    return Origin.builder()
        .id(ORIGIN_ID)
        .domainName(originDomain)
        // Origin access control signs every request to S3 with SigV4; the legacy origin access
        // identity field must be present and empty.
        .originAccessControlId(oacId)
        .s3OriginConfig(s -> s.originAccessIdentity(""))
        .build();
  }

  private static DefaultCacheBehavior defaultCacheBehavior() {
    return DefaultCacheBehavior.builder()
        .targetOriginId(ORIGIN_ID)
        // RFC 8461 §3.3 has senders fetch with HTTPS; plain HTTP visitors are sent there.
        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
        .cachePolicyId(CACHING_OPTIMIZED_POLICY_ID)
        .compress(true)
        .allowedMethods(m -> m.quantity(2).items(Method.GET, Method.HEAD)
            .cachedMethods(c -> c.quantity(2).items(Method.GET, Method.HEAD)))
        .build();
  }

  private static ViewerCertificate viewerCertificate(String certificateArn) {
    return ViewerCertificate.builder()
        .acmCertificateArn(certificateArn)
        .cloudFrontDefaultCertificate(false)
        // SNI only: a dedicated-IP certificate costs money and every MTA sends SNI.
        .sslSupportMethod(SSLSupportMethod.SNI_ONLY)
        .minimumProtocolVersion(MinimumProtocolVersion.TLS_V1_2_2021)
        .build();
  }
}

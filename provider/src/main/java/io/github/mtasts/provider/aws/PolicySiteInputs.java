package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.PolicySiteSpec;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;

/**
 * The checked inputs of a {@code mtasts:aws:PolicySite}, decoded once.
 *
 * @param domain the mail domain, normalised
 * @param certificateArn the ACM certificate for mta-sts.DOMAIN
 * @param policy the policy body to serve (RFC 8461 §3.3)
 * @param bucketName the S3 bucket, defaulted from the domain by Check
 * @param cacheControl the Cache-Control header of the policy object
 */
public record PolicySiteInputs(String domain, String certificateArn, String policy, String bucketName, String cacheControl) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static PolicySiteInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, PolicySiteInputs.class);
  }

  /**
   * The site these inputs declare.
   *
   * @return the site's specification
   * @throws io.github.mtasts.aws.InvalidSpecException when a rule of the site as a whole fails
   */
  PolicySiteSpec spec() {
    return PolicySiteSpec.builder()
        .domain(domain)
        .certificateArn(certificateArn)
        .policyBody(policy)
        .bucketName(bucketName)
        .cacheControl(cacheControl)
        .build();
  }
}

package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.MinimumProtocolVersion;
import software.amazon.awssdk.services.cloudfront.model.PriceClass;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

class PolicyDistributionConfigTest {

  private static final PolicySiteSpec SPEC = PolicySiteSpec.builder().domain("example.com")
      .certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/abc")
      .policyBody("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n").build();
  private static final DistributionConfig DESIRED = PolicyDistributionConfig.desired(SPEC,
      "mta-sts-example-com.s3.us-east-1.amazonaws.com", "E1OAC", "ref-1");

  @Test
  void theDesiredConfigurationIsTheSameAsItself() {
    assertEquals(List.of(), PolicyDistributionConfig.differences(DESIRED, DESIRED));
    assertEquals("E1OAC", DESIRED.origins().items().get(0).originAccessControlId());
    assertEquals("", DESIRED.origins().items().get(0).s3OriginConfig().originAccessIdentity());
  }

  @Test
  void eachManagedSettingThatDriftedIsNamed() {
    DistributionConfig drifted = DESIRED.toBuilder()
        .enabled(false)
        .aliases(a -> a.quantity(1).items("other.example.com"))
        .origins(o -> o.quantity(1).items(DESIRED.origins().items().get(0).toBuilder()
            .originAccessControlId("E2OTHER").build()))
        .defaultCacheBehavior(DESIRED.defaultCacheBehavior().toBuilder()
            .viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL).build())
        .viewerCertificate(DESIRED.viewerCertificate().toBuilder()
            .minimumProtocolVersion(MinimumProtocolVersion.TLS_V1_2016).build())
        .isIPV6Enabled(false)
        .build();

    assertEquals(List.of("enabled", "aliases", "origin", "default cache behavior",
        "viewer certificate", "IPv6"), PolicyDistributionConfig.differences(drifted, DESIRED));
  }

  @Test
  void mergingKeepsWhatThisPackageDoesNotManage() {
    DistributionConfig existing = DESIRED.toBuilder().callerReference("theirs")
        .priceClass(PriceClass.PRICE_CLASS_100).isIPV6Enabled(false).build();

    DistributionConfig merged = PolicyDistributionConfig.merged(existing, DESIRED);

    assertEquals("theirs", merged.callerReference());
    assertEquals(PriceClass.PRICE_CLASS_100, merged.priceClass());
    assertEquals(List.of(), PolicyDistributionConfig.differences(merged, DESIRED));
    assertFalse(PolicyDistributionConfig.disabled(merged).enabled());
  }
}

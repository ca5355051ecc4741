package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PolicySiteSpecTest {

  private static final String CERTIFICATE =
      "arn:aws:acm:us-east-1:123456789012:certificate/1f9c2d3e-4a5b";

  private static PolicySiteSpec.Builder spec() {
    return PolicySiteSpec.builder().domain("Example.COM").certificateArn(CERTIFICATE)
        .policyBody("version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n");
  }

  @Test
  void derivesHostBucketAndDefaults() {
    PolicySiteSpec spec = spec().build();
    assertEquals("example.com", spec.domain());
    assertEquals("mta-sts.example.com", spec.host());
    assertEquals("mta-sts-example-com", spec.bucketName());
    assertEquals("max-age=300", spec.cacheControl());
    assertEquals(64, spec.policyBodySha256().length());
    assertFalse(spec.toString().contains("STSv1"), "the body is not logged: " + spec);
  }

  @Test
  void longDomainsGetAShortenedBucketNameWithAHash() {
    String domain = "a-very-long-subdomain-name-for-mail.department.example.co.uk";
    String name = PolicySiteSpec.defaultBucketName(domain);
    assertTrue(name.length() <= 63, name);
    assertEquals(name, PolicySiteSpec.checkBucketName(name));
    // Same first 50 characters, different domain: the hash keeps the names apart.
    assertNotEquals(name, PolicySiteSpec.defaultBucketName(domain.replace(".uk", ".nz")));
  }

  @Test
  void badInputNamesTheField() {
    assertField("domain", () -> spec().domain("mta-sts.example.com").build());
    assertField("domain", () -> spec().domain("*.example.com").build());
    assertField("domain", () -> spec().domain(null).build());
    assertField("bucketName", () -> spec().bucketName("My_Bucket").build());
    assertField("bucketName", () -> spec().bucketName("mta-sts.example.com").build());
    assertField("bucketName", () -> spec().bucketName("xn--bucket").build());
    assertField("bucketName", () -> spec().bucketName("ab").build());
    assertField("certificateArn", () -> spec().certificateArn(
        "arn:aws:acm:eu-west-1:123456789012:certificate/abc").build());
    assertField("policyBody", () -> spec().policyBody(" ").build());
    assertField("cacheControl", () -> spec().cacheControl("max-age=300\n").build());
  }

  private static void assertField(String field, Executable executable) {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, executable);
    assertEquals(field, e.field(), e.getMessage());
  }
}

package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RecordSetTest {

  private static RecordSet.Builder txt() {
    return RecordSet.builder().zoneId("Z0123456789ABC").name("_mta-sts.Example.COM.")
        .type(RecordType.TXT).values("v=STSv1; id=1");
  }

  @Test
  void normalisesZoneIdAndName() {
    RecordSet set = txt().zoneId("/hostedzone/Z0123456789ABC").build();
    assertEquals("Z0123456789ABC", set.zoneId());
    assertEquals("_mta-sts.example.com", set.name());
    assertEquals(300, set.ttl());
    assertEquals("Z0123456789ABC/_mta-sts.example.com/TXT", set.id().toString());
  }

  @Test
  void importIdRoundTrips() {
    RecordSetId id = RecordSetId.parse("Z0123456789ABC/mta-sts.example.com/aaaa");
    assertEquals(new RecordSetId("Z0123456789ABC", "mta-sts.example.com", RecordType.AAAA), id);
    assertEquals(id, RecordSetId.parse(id.toString()));
    assertField("id", () -> RecordSetId.parse("Z0123456789ABC/example.com"));
    assertField("id", () -> RecordSetId.parse("Z0123456789ABC/example.com/MX"));
  }

  @Test
  void badInputNamesTheField() {
    assertField("zoneId", () -> txt().zoneId("z-lower").build());
    assertField("name", () -> txt().name("bücher.example").build());
    assertField("name", () -> txt().name("a".repeat(64) + ".example.com").build());
    assertField("name", () -> txt().name("-bad.example.com").build());
    assertField("ttl", () -> txt().ttl(-1).build());
    assertField("values", () -> txt().values().build());
    assertField("values", () -> txt().values("x".repeat(4000)).build());
    assertField("values", () -> txt().type(RecordType.CNAME).values("a.example", "b.example").build());
    assertField("type", () -> txt().type(RecordType.A).values("192.0.2.1").build());
    assertField("type", () -> txt().values().alias(AliasTarget.cloudFront("d1.cloudfront.net"))
        .build());
    assertField("values", () -> txt().type(RecordType.A)
        .alias(AliasTarget.cloudFront("d1.cloudfront.net")).build());
    assertField("alias.hostedZoneId", () -> new AliasTarget("z", "d1.cloudfront.net"));
  }

  @Test
  void aWildcardLabelIsAllowedOnlyFirst() {
    assertEquals("*.example.com", txt().name("*.example.com").build().name());
    assertField("name", () -> txt().name("a.*.example.com").build());
  }

  @Test
  void anAliasHasNoTtlAndACnameTargetIsANormalisedName() {
    RecordSet alias = RecordSet.builder().zoneId("Z1").name("mta-sts.example.com")
        .type(RecordType.A).alias(AliasTarget.cloudFront("D1.CloudFront.net.")).build();
    assertEquals(0, alias.ttl());
    assertEquals("d1.cloudfront.net", alias.alias().orElseThrow().dnsName());
    RecordSet cname = RecordSet.builder().zoneId("Z1").name("mta-sts.example.com")
        .type(RecordType.CNAME).values("Example.GitHub.io.").build();
    assertEquals(java.util.List.of("example.github.io"), cname.values());
    assertEquals(cname, cname.toBuilder().build());
  }

  private static void assertField(String field, Executable executable) {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, executable);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
  }
}

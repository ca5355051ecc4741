package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeCloudflareApi;
import org.junit.jupiter.api.Test;

/** Zone lookups against the fake API. */
class ZonesTest extends FakeCloudflareTest {


  @Test
  void aZoneIsFoundByNameOrById() {
    // zones-get with name (operator equal) and account.id; zones-0-get by id.
    assertEquals(new Zone(zone, "example.com"), client.zones().find("Example.COM", waiter()));
    assertEquals(new Zone(zone, "example.com"), client.zones().find(zone, waiter()));
    assertTrue(api.requests().get(0).contains("account.id=" + FakeCloudflareTest.ACCOUNT));
  }

  @Test
  void anUnknownZoneNameOrIdSaysToCheckItAndTheTokensZoneResources() {
    ZoneNotFoundException byName = assertThrows(ZoneNotFoundException.class,
        () -> client.zones().find("example.net", waiter()));
    assertTrue(byName.getMessage().contains("'example.net'") && byName.getMessage().contains("Zone Resources"),
        byName.getMessage());
    // A well-formed id the token cannot reach: 9109 "Unauthorized to access requested resource".
    ZoneNotFoundException byId = assertThrows(ZoneNotFoundException.class,
        () -> client.zones().find("ffffffffffffffffffffffffffffffff", waiter()));
    assertEquals(403, byId.status());
  }

  @Test
  void aTokenWithoutZoneReadIsToldSo() {
    api.deny(FakeCloudflareApi.Permission.ZONE_READ);

    CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
        () -> client.zones().find("example.com", waiter()));

    assertEquals("Zone / Zone / Read", e.permission());
  }

  @Test
  void aZoneIsGivenByItsIdOrByADomainNameAndNothingElse() {
    assertEquals("023e105f4ecef8ad9ca31a8372d0c353", Zones.checkIdOrName("zone", " 023E105F4ECEF8AD9CA31A8372D0C353 "));
    assertEquals("xn--strae-oqa.de", Zones.checkIdOrName("zone", "Straße.DE"));
    for (String bad : new String[] {"exa mple..com.", "127.0.0.1", "-x-.", "com", "h".repeat(100_000)}) {
      InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Zones.checkIdOrName("zone", bad));
      assertEquals("zone", e.field());
      assertTrue(e.getMessage().startsWith("zone '") && e.getMessage().length() < 1_000, e.getMessage());
    }
  }
}

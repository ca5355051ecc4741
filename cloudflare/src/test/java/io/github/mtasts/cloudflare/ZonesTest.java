package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeCloudflareApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Zone lookups against the fake API. */
class ZonesTest {

  private FakeCloudflare cloudflare;
  private CloudflareClient client;
  private String zone;

  @BeforeEach
  void start() throws Exception {
    cloudflare = FakeCloudflare.start();
    zone = cloudflare.api.addZone("example.com");
    cloudflare.api.addZone("example.org");
    client = cloudflare.client();
  }

  @AfterEach
  void stop() {
    client.close();
    cloudflare.close();
  }

  @Test
  void aZoneIsFoundByNameOrById() {
    // zones-get with name (operator equal) and account.id; zones-0-get by id.
    assertEquals(new Zone(zone, "example.com"), client.zones().find("Example.COM", FakeCloudflare.budget()));
    assertEquals(new Zone(zone, "example.com"), client.zones().find(zone, FakeCloudflare.budget()));
    assertTrue(cloudflare.api.requests().get(0).contains("account.id=" + FakeCloudflare.ACCOUNT));
  }

  @Test
  void anUnknownZoneNameOrIdSaysToCheckItAndTheTokensZoneResources() {
    ZoneNotFoundException byName = assertThrows(ZoneNotFoundException.class,
        () -> client.zones().find("example.net", FakeCloudflare.budget()));
    assertTrue(byName.getMessage().contains("'example.net'") && byName.getMessage().contains("Zone Resources"),
        byName.getMessage());
    // A well-formed id the token cannot reach: 9109 "Unauthorized to access requested resource".
    ZoneNotFoundException byId = assertThrows(ZoneNotFoundException.class,
        () -> client.zones().find("ffffffffffffffffffffffffffffffff", FakeCloudflare.budget()));
    assertEquals(403, byId.status());
  }

  @Test
  void aTokenWithoutZoneReadIsToldSo() {
    cloudflare.api.deny(FakeCloudflareApi.Permission.ZONE_READ);

    CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
        () -> client.zones().find("example.com", FakeCloudflare.budget()));

    assertEquals("Zone / Zone / Read", e.permission());
  }
}

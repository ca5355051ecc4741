package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudflareZonesTest {

  @Test
  void aZoneIsItsIdOrADomainNameInTheFormTheApiTakes() {
    assertEquals("023e105f4ecef8ad9ca31a8372d0c353",
        CloudflareZones.canonical(" 023E105F4ECEF8AD9CA31A8372D0C353 "));
    assertEquals("example.com", CloudflareZones.canonical("Example.COM"));
    assertEquals("xn--strae-oqa.de", CloudflareZones.canonical("Straße.DE"));
    assertEquals(Optional.empty(), CloudflareZones.problem("mail.example.co.uk"));
  }

  @Test
  void onlyThe32LowerCaseHexDigitsOfTheApiAreAnId() {
    assertTrue(CloudflareZones.isId("023e105f4ecef8ad9ca31a8372d0c353"));
    assertFalse(CloudflareZones.isId("023E105F4ECEF8AD9CA31A8372D0C353"));
    assertFalse(CloudflareZones.isId("023e105f4ecef8ad9ca31a8372d0c35"));
    assertFalse(CloudflareZones.isId(null));
  }

  @Test
  void neitherAnIdNorANameIsRefusedWithTheReasonInABoundedMessage() {
    for (String bad : new String[] {null, "", "exa mple..com.", "127.0.0.1", "-x-.", "com",
        "ｅｘａｍｐｌｅ.com", "h".repeat(100_000)}) {
      String fix = CloudflareZones.problem(bad).orElseThrow();
      assertTrue(fix.startsWith("give the zone's id (32 hexadecimal digits) or its name"), fix);
      assertTrue(fix.length() < 1_000, fix);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CloudflareZones.canonical(bad));
      assertTrue(e.getMessage().length() < 1_000, e.getMessage());
    }
  }
}

package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The API token appears in no message, no {@code toString()} and nothing the client returns, in
 * any form a text could derive from it: as given (with the white space a paste leaves), trimmed,
 * lower-cased, upper-cased.
 */
class TokenSecrecyTest extends FakeCloudflareTest {

  private static final String GIVEN = "  " + FakeCloudflareTest.TOKEN + "\n";


  @Test
  void aPastedTokenWorksAndTheSettingsAndClientNeverShowIt() {
    CloudflareSettings settings = settings().apiToken(GIVEN).build();
    try (CloudflareClient client = CloudflareClient.create(settings)) {
      assertEquals(new Zone(zone, "example.com"), client.zones().find("example.com", waiter()));
      assertHidden(settings.toString());
      assertHidden(client.toString());
      assertHidden(settings.toBuilder().build().toString());
    }
  }

  @Test
  void anErrorThatEchoesTheTokenInAnyCaseReachesNoExceptionMessage() {
    try (CloudflareClient client = CloudflareClient.create(settings().apiToken(GIVEN).build())) {
      for (String echoed : forms()) {
        api.failNext(400, 1004, "DNS Validation Error: token " + echoed + " in the wrong place");
        CloudflareException e = assertThrows(CloudflareException.class, () -> client.dnsRecords()
            .list(zone, "example.com", Optional.empty(), waiter()));
        assertHidden(e.getMessage());
        assertHidden(e.toString());
        e.errors().forEach(error -> assertHidden(error.toString()));
      }
    }
  }

  @Test
  void aRefusedTokenIsNotNamedInTheRefusal() {
    String wrong = "ZzYyXxWwVvUuTtSsRrQqPpOoNnMmLlKkJjIiHh99";
    try (CloudflareClient client = CloudflareClient.create(settings().apiToken(wrong).build())) {
      CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
          () -> client.zones().find("example.com", waiter()));
      for (String form : List.of(wrong, wrong.toLowerCase(Locale.ROOT))) {
        assertFalse(e.getMessage().contains(form), e.getMessage());
      }
    }
  }

  @Test
  void aMalformedTokenIsRefusedWithoutRepeatingIt() {
    String malformed = "secret token with spaces";
    InvalidSpecException e = assertThrows(InvalidSpecException.class,
        () -> CloudflareSettings.builder().apiToken(malformed));
    assertEquals("apiToken", e.field());
    assertFalse(e.getMessage().contains(malformed) || e.getMessage().contains("secret"), e.getMessage());
  }

  private static List<String> forms() {
    return List.of(GIVEN, GIVEN.strip(), GIVEN.toLowerCase(Locale.ROOT), GIVEN.strip().toUpperCase(Locale.ROOT));
  }

  private static void assertHidden(String text) {
    for (String form : forms()) {
      assertFalse(text.contains(form.strip()), () -> "the token (as " + form + ") shows in: " + text);
    }
    assertFalse(text.toLowerCase(Locale.ROOT).contains(FakeCloudflareTest.TOKEN.toLowerCase(Locale.ROOT)), text);
  }
}

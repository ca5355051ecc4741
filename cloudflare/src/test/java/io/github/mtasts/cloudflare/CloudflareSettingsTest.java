package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad settings are refused naming the field, the value and the fix. */
class CloudflareSettingsTest {

  @Test
  void settingsWithoutATokenAreRefused() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> CloudflareSettings.builder().build());
    assertEquals("apiToken", e.field());
    assertTrue(e.getMessage().contains("API Tokens"), e.getMessage());
  }

  @Test
  void anAccountIdIsThirtyTwoHexDigits() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class,
        () -> CloudflareSettings.builder().accountId("my-account"));
    assertEquals("accountId 'my-account' is invalid: use the 32 hexadecimal digits of the account id,"
        + " shown in the Cloudflare dashboard's account overview", e.getMessage());
    assertEquals("0123456789abcdef0123456789abcdef", CloudflareSettings.builder().apiToken(FakeCloudflareTest.TOKEN)
        .accountId(" 0123456789ABCDEF0123456789ABCDEF ").build().accountId().orElseThrow());
  }

  @Test
  void theBaseUrlIsAnAbsoluteHttpUrl() {
    InvalidSpecException e = assertThrows(InvalidSpecException.class,
        () -> CloudflareSettings.builder().baseUrl("api.cloudflare.example"));
    assertEquals("baseUrl", e.field());
  }

  @Test
  void aCommentFitsTheFreePlansHundredCharactersOnOneLine() {
    assertThrows(InvalidSpecException.class, () -> CloudflareSettings.builder().recordComment("x".repeat(101)));
    assertThrows(InvalidSpecException.class, () -> CloudflareSettings.builder().recordComment("two\nlines"));
    assertThrows(InvalidSpecException.class, () -> CloudflareSettings.builder().recordTag("no colon"));
  }

  @Test
  void defaultsMarkRecordsByCommentOnlyBecauseTagsNeedAPaidPlan() {
    CloudflareSettings settings = CloudflareSettings.builder().apiToken(FakeCloudflareTest.TOKEN).build();
    assertEquals(CloudflareSettings.DEFAULT_RECORD_COMMENT, settings.recordComment());
    assertEquals(List.of(), settings.recordTags());
    assertEquals(Duration.ofSeconds(1), settings.firstBackoff());
    assertEquals(CloudflareSettings.DEFAULT_BASE_URL, settings.baseUrl().toString());
  }
}

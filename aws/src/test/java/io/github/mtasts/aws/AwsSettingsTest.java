package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsSettingsTest {

  @Test
  void defaultsUseTheSdkChains() {
    AwsSettings settings = AwsSettings.defaults();
    assertEquals(Optional.empty(), settings.endpointOverride());
    assertEquals(Optional.empty(), settings.region());
    assertEquals(AwsSettings.DEFAULT_MAX_ATTEMPTS, settings.maxAttempts());
  }

  @Test
  void theEndpointMustBeAnAbsoluteHttpUrl() {
    assertEquals(Optional.of(URI.create("http://127.0.0.1:5000")),
        AwsSettings.builder().endpointOverride("http://127.0.0.1:5000").build().endpointOverride());
    assertEquals("endpoint", assertThrows(InvalidSpecException.class,
        () -> AwsSettings.builder().endpointOverride("127.0.0.1:5000")).field());
    assertEquals("endpoint", assertThrows(InvalidSpecException.class,
        () -> AwsSettings.builder().endpointOverride("ftp://127.0.0.1")).field());
    assertEquals("region", assertThrows(InvalidSpecException.class,
        () -> AwsSettings.builder().region("Europe")).field());
    assertEquals("maxAttempts", assertThrows(InvalidSpecException.class,
        () -> AwsSettings.builder().maxAttempts(0)).field());
  }

  @Test
  void toStringNeverShowsCredentials() {
    AwsSettings settings = AwsSettings.builder().credentials(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAEXAMPLEKEYID", "wJalrXUtnFEMIsecretKEY"))).build();
    assertFalse(settings.toString().contains("AKIAEXAMPLEKEYID"), settings.toString());
    assertFalse(settings.toString().contains("wJalrXUtnFEMIsecretKEY"), settings.toString());
  }
}

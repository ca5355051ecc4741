package io.github.mtasts.provider.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configuration: environment fallbacks, checks and masking. */
class ProviderConfigTest {

  @Test
  void theStackConfigurationWinsOverTheEnvironmentInTheDocumentedOrder() {
    ProviderConfig config = new ConfigHandler(Map.of(
        "AWS_DEFAULT_REGION", "eu-west-1",
        "AWS_REGION", "eu-central-1",
        "GITHUB_TOKEN", "ghp_env",
        "CLOUDFLARE_API_TOKEN", "cf_env",
        "MTASTS_VERIFY_RESOLVER", ""))
        .configure(PropertyMap.builder().put("cloudflareApiToken", "cf_stack").build());
    assertEquals(Optional.of("eu-central-1"), config.get(ConfigKey.AWS_REGION), "AWS_REGION before AWS_DEFAULT_REGION");
    assertEquals(Optional.of("ghp_env"), config.get(ConfigKey.GITHUB_TOKEN));
    assertEquals(Optional.of("cf_stack"), config.get(ConfigKey.CLOUDFLARE_API_TOKEN));
    assertEquals(Optional.empty(), config.get(ConfigKey.VERIFY_RESOLVER), "an empty variable is unset");
  }

  @Test
  void secretsAreMaskedInTextAndRedactedFromMessages() {
    ProviderConfig config = ProviderConfig.resolve(PropertyMap.builder().put("githubToken", "ghp_secret").put("awsRegion", "us-east-1").build(), Map.of());
    assertFalse(config.toString().contains("ghp_secret"), config.toString());
    assertTrue(config.toString().contains("us-east-1"));
    assertEquals("token [secret]", config.secrets().redact("token ghp_secret"));
  }

  @Test
  void checkDoesNotTakeFallbacksFromTheEnvironment() {
    CheckResult checked = new ConfigHandler(Map.of("GITHUB_TOKEN", "ghp_env")).check(PropertyMap.empty());
    assertEquals(List.of(), checked.failures());
    assertEquals(PropertyMap.empty(), checked.inputs(), "checked configuration is stored in the state");
  }

  @Test
  void legacyVariablesAreRead() {
    PropertyMap args = ConfigHandler.fromVariables(Map.of("mtasts:config:awsRegion", "us-east-1", "mtasts:githubToken", "t",
        "other:config:x", "ignored"));
    assertEquals(PropertyMap.builder().put("awsRegion", "us-east-1").put("githubToken", "t").build().asMap(), args.asMap());
  }

  @Test
  void anEmptyValueIsAFailure() {
    CheckResult checked = new ConfigHandler(Map.of()).check(PropertyMap.builder().put("awsRegion", " ").build());
    assertEquals("awsRegion", checked.failures().get(0).property());
  }
}

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
        "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
        "MTASTS_VERIFY_RESOLVER", ""))
        .configure(PropertyMap.builder().put("awsEndpoint", "http://127.0.0.1:5000").build());
    assertEquals(Optional.of("eu-central-1"), config.get(ConfigKey.AWS_REGION), "AWS_REGION before AWS_DEFAULT_REGION");
    assertEquals(Optional.of("http://127.0.0.1:5000"), config.get(ConfigKey.AWS_ENDPOINT), "the stack before the environment");
    assertEquals(Optional.empty(), config.get(ConfigKey.VERIFY_RESOLVER), "an empty variable is unset");
    assertEquals("mtasts:awsRegion or AWS_REGION, AWS_DEFAULT_REGION", config.source(ConfigKey.AWS_REGION));
  }

  @Test
  void settingsTheSchemaMarksSecretAreMaskedInTextAndRedactedFromMessages() {
    InputSchema settings = PackageSchema.parse("""
        {"config": {"variables": {
          "apiToken": {"type": "string", "secret": true, "defaultInfo": {"environment": ["API_TOKEN"]}},
          "awsRegion": {"type": "string"}}}}
        """).config();
    ProviderConfig config = ProviderConfig.resolve(settings,
        PropertyMap.builder().put("awsRegion", "us-east-1").build(), Map.of("API_TOKEN", "tok_secret"));
    assertFalse(config.toString().contains("tok_secret"), config.toString());
    assertTrue(config.toString().contains("us-east-1"));
    assertEquals("token [secret]", config.secrets().redact("token tok_secret"));
    assertEquals("region us-east-1", config.secrets().redact("region us-east-1"));
  }

  @Test
  void checkConfigMasksAPlainValueOfASettingTheSchemaMarksSecret() {
    InputSchema settings = PackageSchema.parse("""
        {"config": {"variables": {
          "apiToken": {"type": "string", "secret": true},
          "awsRegion": {"type": "string"}}}}
        """).config();
    // Set without --secret, the token reaches CheckConfig as a plain string.
    Secrets secrets = new ConfigHandler(Map.of(), () -> settings).secrets(PropertyMap.builder()
        .put("apiToken", "tok_plain_0123").put("awsRegion", "us-east-1").build());
    assertEquals("apiToken [secret] is refused in us-east-1",
        secrets.redact("apiToken tok_plain_0123 is refused in us-east-1"));
    assertEquals("apiToken [secret]", secrets.redact("apiToken TOK_PLAIN_0123"));
  }

  @Test
  void aSecretSettingIsMaskedAsGivenStrippedAndInAnyLetterCase() {
    // A pasted token keeps its white space in the stack; a service takes it stripped and may
    // echo it in another case.
    String given = "  Tok_Secret_0123456789\n";
    ProviderConfig config = new ConfigHandler(Map.of()).configure(
        PropertyMap.builder().put("cloudflareApiToken", given).build());
    String message = "as given [" + given + "], stripped [Tok_Secret_0123456789], lower [tok_secret_0123456789],"
        + " upper [TOK_SECRET_0123456789]";
    assertEquals("as given [[secret]], stripped [[secret]], lower [[secret]], upper [[secret]]",
        config.secrets().redact(message));
    assertFalse(config.toString().toLowerCase().contains("tok_secret"), config.toString());
  }

  @Test
  void checkDoesNotTakeFallbacksFromTheEnvironment() {
    CheckResult checked = new ConfigHandler(Map.of("AWS_REGION", "eu-central-1")).check(PropertyMap.empty());
    assertEquals(List.of(), checked.failures());
    assertEquals(PropertyMap.empty(), checked.inputs(), "checked configuration is stored in the state");
  }

  @Test
  void legacyVariablesAreRead() {
    PropertyMap args = new ConfigHandler(Map.of()).fromVariables(Map.of("mtasts:config:awsRegion", "us-east-1",
        "mtasts:verifyResolver", "system", "other:config:x", "ignored"));
    assertEquals(PropertyMap.builder().put("awsRegion", "us-east-1").put("verifyResolver", "system").build().asMap(), args.asMap());
  }

  @Test
  void anEmptyValueIsAFailure() {
    CheckResult checked = new ConfigHandler(Map.of()).check(PropertyMap.builder().put("awsRegion", " ").build());
    assertEquals("awsRegion", checked.failures().get(0).property());
  }

  @Test
  void settingsNothingReadsAreNotSettings() {
    CheckResult checked = new ConfigHandler(Map.of()).check(PropertyMap.builder().put("gitlabToken", "glpat_x").build());
    assertEquals("gitlabToken", checked.failures().get(0).property());
    assertTrue(checked.failures().get(0).reason().contains("not a property"), checked.failures().get(0).reason());
  }

  @Test
  void theGitHubTokenIsASecretEvenWhenTheStackHoldsItInClear() {
    ConfigHandler handler = new ConfigHandler(Map.of());
    PropertyMap marked = handler.markSecrets(PropertyMap.builder().put("githubToken", "ghp_Clear")
        .put("githubOwner", "octo").put("githubApiBaseUrl", "http://127.0.0.1:1").build());
    assertTrue(marked.get("githubToken").orElseThrow() instanceof PropertyValue.Secret, marked.toString());
    assertEquals(PropertyValue.of("octo"), marked.get("githubOwner").orElseThrow());
    assertEquals(List.of(), handler.check(marked.reveal()).failures());
    ProviderConfig config = handler.configure(PropertyMap.empty());
    assertEquals(Optional.empty(), config.get(ConfigKey.GITHUB_TOKEN));
    ProviderConfig fromEnvironment = new ConfigHandler(Map.of("GITHUB_TOKEN", " ghp_FromEnv\n",
        "GITHUB_OWNER", "octo", "GITHUB_API_URL", "http://127.0.0.1:2")).configure(PropertyMap.empty());
    assertEquals(Optional.of("octo"), fromEnvironment.get(ConfigKey.GITHUB_OWNER));
    assertEquals(Optional.of("http://127.0.0.1:2"), fromEnvironment.get(ConfigKey.GITHUB_API_BASE_URL));
    assertFalse(fromEnvironment.toString().toLowerCase(java.util.Locale.ROOT).contains("ghp_fromenv"),
        fromEnvironment.toString());
    assertEquals("[secret] [secret] [secret]",
        fromEnvironment.secrets().redact(" ghp_FromEnv\n ghp_FromEnv ghp_fromenv"));
  }
}

package io.github.mtasts.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Configuration: environment fallbacks and checks. */
class ProviderConfigTest {

  @Test
  void theStackConfigurationWinsOverTheEnvironmentInTheDocumentedOrder() {
    ProviderConfig config = new ConfigHandler(Map.of(
        "AWS_DEFAULT_REGION", "eu-west-1",
        "AWS_REGION", "eu-central-1",
        "AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
        "MTASTS_VERIFY_CA_FILE", "/env/ca.pem",
        "MTASTS_VERIFY_RESOLVER", ""))
        .configure(PropertyMap.builder().put("verifyCaFile", "/stack/ca.pem").build());
    assertEquals(Optional.of("eu-central-1"), config.get(ConfigKey.AWS_REGION), "AWS_REGION before AWS_DEFAULT_REGION");
    assertEquals(Optional.of("http://127.0.0.1:5000"), config.get(ConfigKey.AWS_ENDPOINT));
    assertEquals(Optional.of("/stack/ca.pem"), config.get(ConfigKey.VERIFY_CA_FILE));
    assertEquals(Optional.empty(), config.get(ConfigKey.VERIFY_RESOLVER), "an empty variable is unset");
  }

  @Test
  void checkDoesNotTakeFallbacksFromTheEnvironment() {
    CheckResult checked = new ConfigHandler(Map.of("AWS_REGION", "eu-west-1")).check(PropertyMap.empty());
    assertEquals(List.of(), checked.failures());
    assertEquals(PropertyMap.empty(), checked.inputs(), "checked configuration is stored in the state");
  }

  @Test
  void legacyVariablesAreRead() {
    PropertyMap args = ConfigHandler.fromVariables(Map.of("mtasts:config:awsRegion", "us-east-1", "mtasts:verifyResolver", "system",
        "other:config:x", "ignored"));
    assertEquals(PropertyMap.builder().put("awsRegion", "us-east-1").put("verifyResolver", "system").build().asMap(), args.asMap());
  }

  @Test
  void anEmptyValueIsAFailure() {
    CheckResult checked = new ConfigHandler(Map.of()).check(PropertyMap.builder().put("awsRegion", " ").build());
    assertEquals("awsRegion", checked.failures().get(0).property());
  }
}

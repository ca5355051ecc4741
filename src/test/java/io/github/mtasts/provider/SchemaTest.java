package io.github.mtasts.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The schema against the code that serves it: every configuration key, input and output the
 * handlers use is declared, with the same secrets, defaults and environment fallbacks, and
 * everything has a description.
 */
class SchemaTest {

  private static final JsonObject SCHEMA = JsonParser.parseString(Schema.json("1.2.3")).getAsJsonObject();

  private static JsonObject resource(String token) {
    return SCHEMA.getAsJsonObject("resources").getAsJsonObject(token);
  }

  private static Set<String> keys(JsonObject object) {
    return object.keySet();
  }

  @Test
  void namesThePackageAndVersion() {
    assertEquals("mtasts", SCHEMA.get("name").getAsString());
    assertEquals("1.2.3", SCHEMA.get("version").getAsString());
    assertEquals(Set.of(PolicyResource.TOKEN, VerificationResource.TOKEN), keys(SCHEMA.getAsJsonObject("resources")));
  }

  @Test
  void configurationMatchesTheConfigKeys() {
    JsonObject variables = SCHEMA.getAsJsonObject("config").getAsJsonObject("variables");
    assertEquals(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toSet()), keys(variables));
    for (ConfigKey key : ConfigKey.values()) {
      JsonObject variable = variables.getAsJsonObject(key.key());
      assertEquals(key.secret(), variable.has("secret") && variable.get("secret").getAsBoolean(), key.key());
      List<String> environment = StreamSupport.stream(
          variable.getAsJsonObject("defaultInfo").getAsJsonArray("environment").spliterator(), false)
          .map(JsonElement::getAsString).toList();
      assertEquals(key.environment(), environment, key.key());
    }
    assertEquals(variables, SCHEMA.getAsJsonObject("provider").getAsJsonObject("inputProperties"));
  }

  @Test
  void inputsMatchTheHandlers() {
    assertEquals(Set.copyOf(PolicyResource.INPUTS), keys(resource(PolicyResource.TOKEN).getAsJsonObject("inputProperties")));
    assertEquals(Set.copyOf(VerificationResource.INPUTS), keys(resource(VerificationResource.TOKEN).getAsJsonObject("inputProperties")));
    JsonObject verification = resource(VerificationResource.TOKEN).getAsJsonObject("inputProperties");
    assertEquals(VerificationResource.DEFAULT_SCOPE, verification.getAsJsonObject("scope").get("default").getAsString());
    assertEquals(VerificationResource.DEFAULT_FAIL_ON, verification.getAsJsonObject("failOn").get("default").getAsString());
    assertEquals(VerificationResource.DEFAULT_TIMEOUT_SECONDS, verification.getAsJsonObject("timeout").get("default").getAsLong());
  }

  @Test
  void outputsMatchWhatTheHandlersReturn() {
    PropertyMap policyInputs = PropertyMap.builder().put("mode", "testing").put("mx", PropertyValue.ofTexts(List.of("mx.example.com")))
        .put("maxAge", PropertyValue.of(604800)).put("rua", PropertyValue.ofTexts(List.of("mailto:r@example.com"))).build();
    PropertyMap policyOutputs = new PolicyResource().create(new RecordingLog().context("urn:pulumi:d::p::t::n", false), policyInputs).outputs();
    assertEquals(keys(resource(PolicyResource.TOKEN).getAsJsonObject("properties")), policyOutputs.keys());

    Report report = new Report("example.com", Scope.ALL,
        List.of(Check.builder("sts-txt", Check.Severity.PASS).message("ok").build()), Duration.ZERO, Optional.empty());
    PropertyMap all = PropertyMap.builder().put("domain", "example.com").put("expectedPolicy", "version: STSv1\r\nmode: none\r\nmax_age: 1\r\n")
        .put("expectedId", "a1").put("resolver", "system").put("httpsPort", PropertyValue.of(443)).put("smtpPort", PropertyValue.of(25))
        .put("triggers", "t").build();
    PropertyMap checked = new VerificationResource().check(PropertyMap.empty(), all).inputs();
    PropertyMap verificationOutputs = new VerificationResource((in, config) -> report, Duration.ZERO)
        .create(new RecordingLog().context("urn:pulumi:d::p::t::n", false), checked).outputs();
    Set<String> declared = keys(resource(VerificationResource.TOKEN).getAsJsonObject("properties"));
    assertEquals(declared.stream().filter(k -> !k.equals("caFile")).collect(Collectors.toSet()), verificationOutputs.keys());
    PropertyMap check = (PropertyMap) ((PropertyValue.Array) verificationOutputs.get("checks").orElseThrow()).elements().get(0);
    assertEquals(keys(SCHEMA.getAsJsonObject("types").getAsJsonObject("mtasts:index:VerificationCheck").getAsJsonObject("properties")),
        check.keys());
    assertEquals(keys(SCHEMA.getAsJsonObject("types").getAsJsonObject("mtasts:index:VerificationSummary").getAsJsonObject("properties")),
        ((PropertyMap) verificationOutputs.get("summary").orElseThrow()).keys());
  }

  @Test
  void everythingIsDescribed() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed("", SCHEMA, undescribed);
    assertEquals(List.of(), undescribed);
  }

  /** Every object that declares a type or a $ref, and every resource and type, needs a description. */
  private static void collectUndescribed(String path, JsonObject object, List<String> into) {
    boolean declaresSomething = object.has("type") || object.has("$ref") || object.has("inputProperties");
    boolean isItems = path.endsWith(".items");
    if (declaresSomething && !isItems && !(object.has("description") && !object.get("description").getAsString().isBlank())) {
      into.add(path);
    }
    for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
      if (entry.getValue().isJsonObject()) {
        collectUndescribed(path + "." + entry.getKey(), entry.getValue().getAsJsonObject(), into);
      }
    }
  }
}

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
    ResourceRegistry registry = Resources.registry();
    assertEquals(registry.tokens(), keys(SCHEMA.getAsJsonObject("resources")));
    assertEquals(registry.functionTokens(), keys(SCHEMA.getAsJsonObject("functions")));
  }

  @Test
  void carriesThePackageIdentityForEveryLanguageAndTheBuildsDownloadUrl() {
    assertEquals("https://github.com/mtasts/pulumi-mtasts", SCHEMA.get("repository").getAsString());
    assertEquals("mtasts", SCHEMA.get("publisher").getAsString());
    assertEquals("https://", SCHEMA.get("logoUrl").getAsString().substring(0, 8));
    JsonObject language = SCHEMA.getAsJsonObject("language");
    assertEquals(Set.of("csharp", "go", "java", "nodejs", "python"), keys(language));
    assertEquals("@mtasts/pulumi-mtasts", language.getAsJsonObject("nodejs").get("packageName").getAsString());
    assertEquals("pulumi_mtasts", language.getAsJsonObject("python").get("packageName").getAsString());
    assertEquals("github.com/mtasts/pulumi-mtasts/sdks/go/mtasts",
        language.getAsJsonObject("go").get("importBasePath").getAsString());
    for (String generated : List.of("csharp", "go", "nodejs", "python")) {
      assertEquals(true, language.getAsJsonObject(generated).get("respectSchemaVersion").getAsBoolean(), generated);
    }
    // The build passes its mtasts.pluginDownloadURL to the tests as well; empty means none.
    String expected = System.getProperty("mtasts.pluginDownloadURL", "");
    assertEquals(expected, Schema.pluginDownloadUrl());
    assertEquals(expected.isEmpty() ? null : expected,
        SCHEMA.has("pluginDownloadURL") ? SCHEMA.get("pluginDownloadURL").getAsString() : null);
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

    JsonObject record = resource(AwsRecordResource.TOKEN).getAsJsonObject("inputProperties");
    assertEquals(Set.copyOf(AwsRecordResource.INPUTS), keys(record));
    assertEquals(AwsRecordResource.DEFAULT_TTL, record.getAsJsonObject("ttl").get("default").getAsLong());
    assertEquals(Set.copyOf(AwsCertificateResource.INPUTS), keys(resource(AwsCertificateResource.TOKEN).getAsJsonObject("inputProperties")));
    JsonObject validation = resource(AwsCertificateValidationResource.TOKEN).getAsJsonObject("inputProperties");
    assertEquals(Set.copyOf(AwsCertificateValidationResource.INPUTS), keys(validation));
    assertEquals(AwsCertificateValidationResource.DEFAULT_TIMEOUT_SECONDS, validation.getAsJsonObject("timeout").get("default").getAsLong());
    JsonObject site = resource(AwsPolicySiteResource.TOKEN).getAsJsonObject("inputProperties");
    assertEquals(Set.copyOf(AwsPolicySiteResource.INPUTS), keys(site));
    assertEquals(io.github.mtasts.aws.PolicySiteSpec.DEFAULT_CACHE_CONTROL, site.getAsJsonObject("cacheControl").get("default").getAsString());
    JsonObject function = SCHEMA.getAsJsonObject("functions").getAsJsonObject(CheckMxCoverageFunction.TOKEN);
    assertEquals(Set.copyOf(CheckMxCoverageFunction.INPUTS), keys(function.getAsJsonObject("inputs").getAsJsonObject("properties")));
    assertEquals(Set.of(CheckMxCoverageFunction.MX_HOSTS, CheckMxCoverageFunction.UNCOVERED, CheckMxCoverageFunction.MESSAGE),
        keys(function.getAsJsonObject("outputs").getAsJsonObject("properties")));
  }

  @Test
  void awsOutputsMatchWhatTheHandlersPreview() {
    // A preview computes every output, unknown where AWS decides it: the keys are the outputs.
    OperationContext preview = new RecordingLog().context("urn:pulumi:d::p::t::n", true);
    AwsAccess aws = new AwsAccess();
    Map<String, ResourceHandler> handlers = Map.of(
        AwsRecordResource.TOKEN, new AwsRecordResource(aws),
        AwsCertificateResource.TOKEN, new AwsCertificateResource(aws),
        AwsCertificateValidationResource.TOKEN, new AwsCertificateValidationResource(aws),
        AwsPolicySiteResource.TOKEN, new AwsPolicySiteResource(aws));
    Map<String, PropertyMap> inputs = Map.of(
        AwsRecordResource.TOKEN, PropertyMap.builder().put("zoneId", "Z1").put("name", "_mta-sts.example.com")
            .put("type", "TXT").put("values", PropertyValue.ofTexts(List.of("v=STSv1; id=1"))).build(),
        AwsCertificateResource.TOKEN, PropertyMap.builder().put("domain", "mta-sts.example.com").build(),
        AwsCertificateValidationResource.TOKEN, PropertyMap.builder()
            .put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/c1")
            .put("validationRecordFqdns", PropertyValue.ofTexts(List.of("_x.mta-sts.example.com"))).build(),
        AwsPolicySiteResource.TOKEN, PropertyMap.builder().put("domain", "example.com")
            .put("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/c1")
            .put("policy", "version: STSv1\r\nmode: none\r\nmax_age: 86400\r\n").build());
    handlers.forEach((token, handler) -> {
      CheckResult checked = handler.check(PropertyMap.empty(), inputs.get(token));
      assertEquals(List.of(), checked.failures(), token);
      PropertyMap outputs = handler.create(preview, checked.inputs()).outputs();
      assertEquals(keys(resource(token).getAsJsonObject("properties")), outputs.keys(), token);
    });
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
    // A "type" that is an object is a property named type, not a declaration.
    boolean declaresSomething = (object.has("type") && object.get("type").isJsonPrimitive()) || object.has("$ref")
        || object.has("inputProperties");
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

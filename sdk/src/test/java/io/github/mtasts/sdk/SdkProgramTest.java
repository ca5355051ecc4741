package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.mtasts.sdk.enums.FailOn;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.sdk.enums.VerificationScope;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs small Pulumi programs against Pulumi's mock engine and checks what the SDK registers
 * (type tokens, input names and values) and how it decodes what a provider returns.
 */
class SdkProgramTest {

  /** Records every registration; answers like the provider would, with made-up outputs. */
  private static final class RecordingMocks implements Mocks {
    final List<ResourceArgs> registered = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
      registered.add(args);
      Map<String, Object> state = new HashMap<>(args.inputs);
      switch (args.type) {
        case "mtasts:index:Policy" -> {
          state.put("body", "version: STSv1\r\nmode: testing\r\n");
          state.put("policyId", "abc123");
          state.put("stsRecord", "v=STSv1; id=abc123");
        }
        case "mtasts:index:Verification" -> {
          state.put("ok", false);
          state.put("summary", Map.of("errors", 1, "warnings", 0, "infos", 2, "passes", 5));
          state.put(
              "checks",
              List.of(Map.of("id", "policy-fetch", "severity", "error", "message", "HTTP 404")));
          state.put("verifiedAt", "2026-01-02T03:04:05Z");
        }
        default -> {}
      }
      return CompletableFuture.completedFuture(
          ResourceResult.of(Optional.of(args.name + "-id"), state));
    }

    ResourceArgs only(String type) {
      var matches = registered.stream().filter(r -> r.type.equals(type)).toList();
      assertEquals(1, matches.size(), () -> "registrations of " + type + ": " + registered);
      return matches.get(0);
    }
  }

  private final RecordingMocks mocks = new RecordingMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private static void declarePolicyAndVerification(com.pulumi.Context ctx) {
    var policy =
        new Policy(
            "example-com",
            PolicyArgs.builder()
                .mode(Mode.TESTING)
                .mx("mx1.example.com", "*.mail.example.net")
                .maxAge(604800)
                .rua("mailto:tlsrpt@example.com")
                .build());
    var verification =
        new Verification(
            "example-com",
            VerificationArgs.builder()
                .domain("example.com")
                .expectedPolicy(policy.body())
                .expectedId(policy.policyId())
                .scope(VerificationScope.POLICY_HOST)
                .failOn(FailOn.WARNING)
                .timeout(30)
                .httpsPort(8443)
                .build(),
            CustomResourceOptions.builder().dependsOn(policy).build());
    ctx.export("stsRecord", policy.stsRecord());
    ctx.export("tlsRptRecord", policy.tlsRptRecord());
    ctx.export("ok", verification.ok());
    // Java cannot serialize an output object type back into a stack output (the serializer
    // takes input types only), so the program exports plain values derived from them.
    ctx.export(
        "summary",
        verification
            .summary()
            .applyValue(s -> List.of(s.errors(), s.warnings(), s.infos(), s.passes())));
    ctx.export(
        "checks",
        verification
            .checks()
            .applyValue(
                checks ->
                    checks.stream()
                        .map(c -> String.join("|", c.id(), c.severity(), c.message()))
                        .toList()));
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void registersPolicyAndVerificationWithTheirInputs(boolean preview) {
    TestResult result =
        PulumiTest.withMocks(mocks)
            .withOptions(TestOptions.builder().preview(preview).build())
            .runTest(SdkProgramTest::declarePolicyAndVerification);

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    var policy = mocks.only("mtasts:index:Policy");
    assertEquals("example-com", policy.name);
    assertEquals(
        Map.of(
            "mode", "testing",
            "mx", List.of("mx1.example.com", "*.mail.example.net"),
            "maxAge", 604800,
            "rua", List.of("mailto:tlsrpt@example.com")),
        normalizeNumbers(policy.inputs));

    var verification = mocks.only("mtasts:index:Verification");
    assertEquals(
        Map.of(
            "domain", "example.com",
            "expectedPolicy", "version: STSv1\r\nmode: testing\r\n",
            "expectedId", "abc123",
            "scope", "policy-host",
            "failOn", "warning",
            "timeout", 30,
            "httpsPort", 8443),
        normalizeNumbers(verification.inputs));
  }

  @Test
  void decodesTheOutputsTheProviderReturns() {
    TestResult result =
        PulumiTest.withMocks(mocks).runTest(SdkProgramTest::declarePolicyAndVerification);

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals("v=STSv1; id=abc123", PulumiTest.extractValue(result.output("stsRecord")));
    // The mock returned no tlsRptRecord: an optional output is empty, not an error.
    assertEquals(Optional.empty(), PulumiTest.extractValue(result.output("tlsRptRecord")));
    assertEquals(false, PulumiTest.extractValue(result.output("ok")));
    assertEquals(List.of(1, 0, 2, 5), PulumiTest.extractValue(result.output("summary")));
    assertEquals(
        List.of("policy-fetch|error|HTTP 404"), PulumiTest.extractValue(result.output("checks")));
  }

  @Test
  void explicitProviderRegistersItsSettingsAndServesTheResources() {
    TestResult result =
        PulumiTest.withMocks(mocks)
            .runTest(
                ctx -> {
                  var provider =
                      new Provider(
                          "lab",
                          ProviderArgs.builder()
                              .awsRegion("eu-west-1")
                              .verifyResolver("127.0.0.1:5353")
                              .build());
                  new Policy(
                      "p",
                      PolicyArgs.builder().mode(Mode.NONE).mx("mx.example.com").maxAge(86400).build(),
                      CustomResourceOptions.builder().provider(provider).build());
                });

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    var provider = mocks.only("pulumi:providers:mtasts");
    assertEquals("eu-west-1", provider.inputs.get("awsRegion"));
    assertEquals("127.0.0.1:5353", provider.inputs.get("verifyResolver"));
    var policy = mocks.only("mtasts:index:Policy");
    assertEquals("none", policy.inputs.get("mode"), "an enum travels as its value");
    assertTrue(
        policy.provider != null && policy.provider.contains("pulumi:providers:mtasts::lab"),
        () -> "provider reference of the policy: " + policy.provider);
  }

  @Test
  void defaultsOfTheSchemaAreSentWhenTheProgramLeavesThemUnset() {
    TestResult result =
        PulumiTest.withMocks(mocks)
            .runTest(ctx -> new Verification("v", VerificationArgs.builder().domain("example.com").build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(
        Map.of("domain", "example.com", "scope", "all", "failOn", "error", "timeout", 600),
        normalizeNumbers(mocks.only("mtasts:index:Verification").inputs));
  }

  @Test
  void missingRequiredInputIsNamed() {
    var error =
        assertThrows(
            MissingRequiredPropertyException.class,
            () -> PolicyArgs.builder().mode(Mode.ENFORCE).mx("mx1.example.com").build());
    assertTrue(error.getMessage().contains("maxAge"), error.getMessage());
    // RFC 8461 §3.2: a policy in mode none may list no mx; the provider's Check decides.
    PolicyArgs.builder().mode(Mode.NONE).maxAge(86400).build();
    assertThrows(MissingRequiredPropertyException.class, () -> VerificationArgs.builder().build());
  }

  @Test
  void everyResourceAsksForThePluginAtTheProjectVersion() throws IOException {
    // version.txt is filtered from the pom; the generated classes register every resource and
    // call every function with it, and the plugin reports the project version.
    assertEquals(projectVersion(), Utilities.getVersion());
  }

  @Test
  void theJavaLanguageHostFindsThePluginAtTheProjectVersion() throws IOException {
    // The host learns which plugins a program needs by running this over the program's class
    // path; it reads com/<namespace>/<name>/plugin.json only, hence com/github/mtasts.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    CommandResult packages = CommandResult.run(Path.of("").toAbsolutePath(),
        List.of(java, "-cp", System.getProperty("java.class.path"),
            "com.pulumi.bootstrap.internal.Main", "packages"),
        Map.of(), Duration.ofMinutes(2));

    assertEquals(0, packages.exitCode(), packages::output);
    JsonArray plugins = JsonParser.parseString(packages.stdout()).getAsJsonArray();
    JsonObject expected = new JsonObject();
    expected.addProperty("resource", true);
    expected.addProperty("name", "mtasts");
    expected.addProperty("version", projectVersion());
    assertTrue(plugins.contains(expected), () -> "plugins found: " + plugins);
  }

  private static String projectVersion() throws IOException {
    String pom = Files.readString(Repository.resolve("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>mtasts-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertTrue(version.find(), "project version in pom.xml");
    return version.group(1);
  }

  /** The mock engine decodes protobuf numbers as doubles; compare integers as integers. */
  private static Map<String, Object> normalizeNumbers(Map<String, Object> inputs) {
    var normalized = new HashMap<String, Object>();
    inputs.forEach(
        (k, v) -> normalized.put(k, v instanceof Double d && d == Math.rint(d) ? d.intValue() : v));
    return normalized;
  }
}

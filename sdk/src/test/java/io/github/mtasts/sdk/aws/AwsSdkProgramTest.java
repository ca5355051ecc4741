package io.github.mtasts.sdk.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.mtasts.sdk.MtastsFunctions;
import io.github.mtasts.sdk.Utilities;
import io.github.mtasts.sdk.aws.enums.RecordType;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.sdk.inputs.CheckMxCoverageArgs;
import io.github.mtasts.sdk.outputs.CheckMxCoverageResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs Pulumi programs with the AWS resources and the checkMxCoverage function against Pulumi's
 * mock engine: what the SDK registers and calls (tokens, inputs, arguments, the plugin version)
 * and how it decodes what a provider returns.
 */
class AwsSdkProgramTest {

  private static final String ARN = "arn:aws:acm:us-east-1:123456789012:certificate/c0ffee";
  private static final String VALIDATION_NAME = "_3f1c.mta-sts.example.com";
  private static final String VALIDATION_VALUE = "_9b2e.abcdefghij.acm-validations.aws";
  private static final String CERTIFICATE = "mtasts:aws:Certificate";
  private static final String RECORD = "mtasts:aws:Record";
  private static final String CERTIFICATE_VALIDATION = "mtasts:aws:CertificateValidation";
  private static final String POLICY_SITE = "mtasts:aws:PolicySite";

  /** Records registrations and calls; answers like the provider would, with made-up outputs. */
  private static final class RecordingMocks implements Mocks {
    final List<ResourceArgs> registered = new CopyOnWriteArrayList<>();
    final List<CallArgs> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
      registered.add(args);
      Map<String, Object> state = new HashMap<>(args.inputs);
      String id = args.name + "-id";
      switch (args.type) {
        case CERTIFICATE -> {
          id = ARN;
          state.put("arn", ARN);
          state.put("status", "PENDING_VALIDATION");
          state.put("validationRecords",
              List.of(Map.of("name", VALIDATION_NAME, "type", "CNAME", "value", VALIDATION_VALUE)));
        }
        case RECORD -> {
          id = args.inputs.get("zoneId") + "/" + args.inputs.get("name") + "/" + args.inputs.get("type");
          state.putIfAbsent("ttl", 300);
          state.put("fqdn", args.inputs.get("name"));
        }
        case CERTIFICATE_VALIDATION -> {
          id = ARN;
          state.putIfAbsent("timeout", 2700);
          state.put("status", "ISSUED");
        }
        case POLICY_SITE -> {
          id = "mta-sts-example-com";
          state.putIfAbsent("bucketName", "mta-sts-example-com");
          state.putIfAbsent("cacheControl", "max-age=300");
          state.put("bucketRegion", "eu-west-1");
          state.put("distributionId", "E2ABCDEF123456");
          state.put("distributionArn", "arn:aws:cloudfront::123456789012:distribution/E2ABCDEF123456");
          state.put("distributionDomainName", "d111abcdef8.cloudfront.net");
          state.put("oacId", "E3OAC");
          state.put("policyUrl", "https://mta-sts.example.com/.well-known/mta-sts.txt");
          state.put("policySha256", "0".repeat(64));
        }
        default -> { }
      }
      return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
      calls.add(args);
      return CompletableFuture.completedFuture(Map.of(
          "mxHosts", List.of("mx1.example.com", "mx2.example.com"),
          "uncovered", List.of("mx2.example.com"),
          "message", "no mx pattern matches mx2.example.com"));
    }

    ResourceArgs only(String type, String name) {
      var matches = registered.stream().filter(r -> r.type.equals(type) && r.name.equals(name)).toList();
      assertEquals(1, matches.size(), () -> "registrations of " + type + " " + name + ": " + registered);
      return matches.get(0);
    }
  }

  private final RecordingMocks mocks = new RecordingMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  /** The chain the MtaSts component builds on AWS, written out. */
  private static void declareSite(Context ctx) {
    var certificate = new Certificate("policy-host",
        CertificateArgs.builder().domain("mta-sts.example.com").build());
    var validationRecord = new Record("policy-host-validation", RecordArgs.builder()
        .zoneId("Z0123456789ABC")
        .name(certificate.validationRecords().applyValue(records -> records.get(0).name()))
        .type(RecordType.CNAME)
        .values(certificate.validationRecords().applyValue(records -> List.of(records.get(0).value())))
        .build());
    var validation = new CertificateValidation("policy-host", CertificateValidationArgs.builder()
        .certificateArn(certificate.arn())
        .validationRecordFqdns(validationRecord.fqdn().applyValue(List::of))
        .build());
    var site = new PolicySite("example-com", PolicySiteArgs.builder()
        .domain("example.com")
        .certificateArn(validation.certificateArn())
        .policy("version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n")
        .build());
    new Record("policy-host-cname", RecordArgs.builder()
        .zoneId("Z0123456789ABC")
        .name("mta-sts.example.com")
        .type(RecordType.CNAME)
        .ttl(3600)
        .values(site.distributionDomainName().applyValue(List::of))
        .build());
    new Record("sts", RecordArgs.builder()
        .zoneId("Z0123456789ABC")
        .name("_mta-sts.example.com")
        .type(RecordType.TXT)
        .values("v=STSv1; id=abc123")
        .build(), CustomResourceOptions.builder().dependsOn(site).build());
    ctx.export("validationRecord", certificate.validationRecords()
        .applyValue(records -> records.get(0).name() + " " + records.get(0).type() + " " + records.get(0).value()));
    ctx.export("status", validation.status());
    ctx.export("policyUrl", site.policyUrl());
    ctx.export("distributionId", site.distributionId());
    ctx.export("ttl", validationRecord.ttl());
    ctx.export("fqdns", validation.validationRecordFqdns());
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void registersTheAwsResourcesWithTheirInputs(boolean preview) {
    TestResult result = PulumiTest.withMocks(mocks)
        .withOptions(TestOptions.builder().preview(preview).build())
        .runTest(AwsSdkProgramTest::declareSite);

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(Map.of("domain", "mta-sts.example.com"), mocks.only(CERTIFICATE, "policy-host").inputs);
    // Unset inputs with a default in the schema (ttl, timeout, cacheControl) are sent with it.
    assertEquals(Map.of("zoneId", "Z0123456789ABC", "name", VALIDATION_NAME, "type", "CNAME", "ttl", 300,
        "values", List.of(VALIDATION_VALUE)), normalizeNumbers(mocks.only(RECORD, "policy-host-validation").inputs));
    assertEquals(Map.of("certificateArn", ARN, "validationRecordFqdns", List.of(VALIDATION_NAME), "timeout", 2700),
        normalizeNumbers(mocks.only(CERTIFICATE_VALIDATION, "policy-host").inputs));
    Map<String, Object> site = mocks.only(POLICY_SITE, "example-com").inputs;
    assertEquals(Map.of("domain", "example.com", "certificateArn", ARN, "cacheControl", "max-age=300",
        "policy", "version: STSv1\r\nmode: testing\r\nmx: mx1.example.com\r\nmax_age: 604800\r\n"), site);
    assertEquals(Map.of("zoneId", "Z0123456789ABC", "name", "mta-sts.example.com", "type", "CNAME", "ttl", 3600,
        "values", List.of("d111abcdef8.cloudfront.net")), normalizeNumbers(mocks.only(RECORD, "policy-host-cname").inputs));
    assertEquals(List.of("v=STSv1; id=abc123"), mocks.only(RECORD, "sts").inputs.get("values"));
  }

  @Test
  void decodesTheOutputsTheProviderReturns() {
    TestResult result = PulumiTest.withMocks(mocks).runTest(AwsSdkProgramTest::declareSite);

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(VALIDATION_NAME + " CNAME " + VALIDATION_VALUE, PulumiTest.extractValue(result.output("validationRecord")));
    assertEquals("ISSUED", PulumiTest.extractValue(result.output("status")));
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt", PulumiTest.extractValue(result.output("policyUrl")));
    assertEquals("E2ABCDEF123456", PulumiTest.extractValue(result.output("distributionId")));
    assertEquals(300, ((Number) PulumiTest.extractValue(result.output("ttl"))).intValue());
    assertEquals(Optional.of(List.of(VALIDATION_NAME)), PulumiTest.extractValue(result.output("fqdns")));
  }

  @Test
  void checkMxCoverageInvokesTheProviderFunctionAtThePackageVersion() {
    TestResult result = PulumiTest.withMocks(mocks).runTest(ctx -> {
      Output<CheckMxCoverageResult> coverage = MtastsFunctions.checkMxCoverage(CheckMxCoverageArgs.builder()
          .domain("example.com")
          .mode(Mode.ENFORCE)
          .mx("mx1.example.com", "*.mail.example.net")
          .build());
      ctx.export("uncovered", coverage.applyValue(CheckMxCoverageResult::uncovered));
      ctx.export("mxHosts", coverage.applyValue(CheckMxCoverageResult::mxHosts));
      ctx.export("message", coverage.applyValue(CheckMxCoverageResult::message));
    });

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(1, mocks.calls.size(), mocks.calls.toString());
    Mocks.CallArgs call = mocks.calls.get(0);
    assertEquals("mtasts:index:checkMxCoverage", call.token);
    assertEquals(Map.of("domain", "example.com", "mode", "enforce", "mx", List.of("mx1.example.com", "*.mail.example.net")),
        call.args);
    assertEquals(List.of("mx2.example.com"), PulumiTest.extractValue(result.output("uncovered")));
    assertEquals(List.of("mx1.example.com", "mx2.example.com"), PulumiTest.extractValue(result.output("mxHosts")));
    assertTrue(((String) PulumiTest.extractValue(result.output("message"))).contains("mx2.example.com"));
    assertTrue(Utilities.getVersion().matches("\\d+\\.\\d+\\.\\d+.*"), Utilities.getVersion());
  }

  @Test
  void missingRequiredInputsAreNamed() {
    assertTrue(assertThrows(MissingRequiredPropertyException.class,
        () -> RecordArgs.builder().zoneId("Z1").name("x.example.com").type(RecordType.TXT).build()).getMessage().contains("values"));
    assertThrows(MissingRequiredPropertyException.class, () -> CertificateArgs.builder().build());
    assertTrue(assertThrows(MissingRequiredPropertyException.class,
        () -> CertificateValidationArgs.builder().timeout(60).build()).getMessage().contains("certificateArn"));
    assertTrue(assertThrows(MissingRequiredPropertyException.class,
        () -> PolicySiteArgs.builder().domain("example.com").certificateArn(ARN).build()).getMessage().contains("policy"));
    assertTrue(assertThrows(MissingRequiredPropertyException.class,
        () -> CheckMxCoverageArgs.builder().domain("example.com").mode(Mode.ENFORCE).build()).getMessage().contains("mx"));
  }

  /** The mock engine decodes protobuf numbers as doubles; compare integers as integers. */
  private static Map<String, Object> normalizeNumbers(Map<String, Object> inputs) {
    var normalized = new HashMap<String, Object>();
    inputs.forEach((k, v) -> normalized.put(k, v instanceof Double d && d == Math.rint(d) ? d.intValue() : v));
    return normalized;
  }
}

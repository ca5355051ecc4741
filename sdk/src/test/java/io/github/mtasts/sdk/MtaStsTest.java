package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.sdk.enums.VerificationScope;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.sdk.aws.PolicySite;
import io.github.mtasts.sdk.aws.PolicySiteArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link MtaSts} component against Pulumi's mock engine: the resource graph it declares
 * (types, names, parents), the inputs it computes from the policy, the order of registrations
 * that its dependencies impose, and the MX preflight in both modes.
 */
class MtaStsTest {
  private static final String ZONE = "Z0123456789ABCDEFGHIJ";
  private static final String ARN = ProviderMocks.ARN;
  private static final String VALIDATION_NAME = ProviderMocks.VALIDATION_NAME;
  private static final String VALIDATION_VALUE = ProviderMocks.VALIDATION_VALUE;
  private static final String DISTRIBUTION = ProviderMocks.DISTRIBUTION;
  private static final String URL = "https://mta-sts.example.com/.well-known/mta-sts.txt";

  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private static MtaStsArgs.Builder args(Mode mode) {
    return MtaStsArgs.builder()
        .domain("example.com")
        .mode(mode)
        .mx("mx1.example.com", "*.mail.example.net")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(Dns.route53(ZONE))
        .hosting(Hosting.s3CloudFront())
        .verification(VerificationOptions.builder().timeout(Duration.ofMinutes(5)).build());
  }

  private TestResult run(boolean preview, java.util.function.Consumer<Context> program) {
    return PulumiTest.withMocks(mocks)
        .withOptions(TestOptions.builder().preview(preview).build())
        .runTest(program);
  }

  private static void declare(Context ctx, MtaStsArgs args) {
    var sts = new MtaSts("example-com", args);
    ctx.export("policyUrl", sts.policyUrl());
    ctx.export("policyId", sts.policyId());
    ctx.export("policyBody", sts.policyBody());
    ctx.export("stsRecord", sts.stsRecord());
    ctx.export("tlsRptRecord", sts.tlsRptRecord());
    ctx.export("verification", sts.verificationCounts());
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void declaresTheGraphOfTheContractUnderTheComponent(boolean preview) {
    TestResult result = run(preview, ctx -> declare(ctx, args(Mode.TESTING).build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(Set.of(
        "mtasts:index:MtaSts::example-com",
        "mtasts:index:Policy::example-com-policy",
        "mtasts:aws:Certificate::example-com-certificate",
        "mtasts:aws:Record::example-com-validation-record",
        "mtasts:aws:CertificateValidation::example-com-certificate-validation",
        "mtasts:aws:PolicySite::example-com-site",
        "mtasts:aws:Record::example-com-policy-host",
        "mtasts:aws:Record::example-com-tlsrpt",
        "mtasts:index:Verification::example-com-verify-policy-host",
        "mtasts:aws:Record::example-com-sts",
        "mtasts:index:Verification::example-com-verify-all"), Set.copyOf(mocks.names()));
    assertEquals(11, mocks.registered.size(), "each once: " + mocks.names());
    // Every child is parented to the component: its URN carries the component's type.
    for (Resource resource : result.resources()) {
      String urn = PulumiTest.extractValue(resource.urn());
      if (!urn.endsWith("::example-com") && !urn.contains("pulumi:pulumi:Stack")) {
        assertTrue(urn.contains("::mtasts:index:MtaSts$"), urn);
      }
    }
  }

  @Test
  void computesEveryInputFromThePolicyAndTheOtherResources() {
    TestResult result = run(false, ctx -> declare(ctx, args(Mode.TESTING).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    Policy policy = args(Mode.TESTING).build().policy();
    String body = policy.render();

    assertEquals(Map.of("mode", "testing", "mx", List.of("mx1.example.com", "*.mail.example.net"),
        "maxAge", 604800, "rua", List.of("mailto:tlsrpt@example.com")),
        ProviderMocks.numbers(mocks.named("example-com-policy").inputs));
    assertEquals(Map.of("domain", "mta-sts.example.com"),
        mocks.named("example-com-certificate").inputs);
    // Inputs the component leaves unset go with their schema default (ttl, timeout, cacheControl,
    // failOn).
    assertEquals(Map.of("zoneId", ZONE, "name", VALIDATION_NAME, "type", "CNAME", "ttl", 300,
        "values", List.of(VALIDATION_VALUE)),
        ProviderMocks.numbers(mocks.named("example-com-validation-record").inputs));
    assertEquals(Map.of("certificateArn", ARN, "validationRecordFqdns", List.of(VALIDATION_NAME),
        "timeout", 2700), ProviderMocks.numbers(mocks.named("example-com-certificate-validation").inputs));
    assertEquals(Map.of("domain", "example.com", "certificateArn", ARN, "policy", body,
        "cacheControl", "max-age=300"), mocks.named("example-com-site").inputs);
    assertEquals(Map.of("zoneId", ZONE, "name", "mta-sts.example.com", "type", "CNAME",
        "ttl", 300, "values", List.of(DISTRIBUTION)),
        ProviderMocks.numbers(mocks.named("example-com-policy-host").inputs));
    assertEquals(Map.of("zoneId", ZONE, "name", "_smtp._tls.example.com", "type", "TXT",
        "ttl", 300, "values", List.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com")),
        ProviderMocks.numbers(mocks.named("example-com-tlsrpt").inputs));
    assertEquals(Map.of("zoneId", ZONE, "name", "_mta-sts.example.com", "type", "TXT",
        "ttl", 300, "values", List.of("v=STSv1; id=" + policy.id().value())),
        ProviderMocks.numbers(mocks.named("example-com-sts").inputs));
    assertEquals(Map.of("domain", "example.com", "scope", "policy-host", "expectedPolicy", body,
        "failOn", "error", "timeout", 300),
        ProviderMocks.numbers(mocks.named("example-com-verify-policy-host").inputs));
    assertEquals(Map.of("domain", "example.com", "scope", "all", "expectedPolicy", body,
        "expectedId", policy.id().value(), "failOn", "error", "timeout", 300),
        ProviderMocks.numbers(mocks.named("example-com-verify-all").inputs));

    assertEquals(URL, PulumiTest.extractValue(result.output("policyUrl")));
    assertEquals(policy.id().value(), PulumiTest.extractValue(result.output("policyId")));
    assertEquals(body, PulumiTest.extractValue(result.output("policyBody")));
    assertEquals("v=STSv1; id=" + policy.id().value(),
        PulumiTest.extractValue(result.output("stsRecord")));
    assertEquals(Optional.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"),
        PulumiTest.extractValue(result.output("tlsRptRecord")));
    assertEquals(Map.of("errors", 0, "warnings", 1, "infos", 2, "passes", 9),
        PulumiTest.extractValue(result.output("verification")));
  }

  @Test
  void theStsRecordWaitsForThePolicyHostVerificationAndTheFinalOneForEveryRecord() {
    TestResult result = run(false, ctx -> declare(ctx, args(Mode.TESTING).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    // RFC 8461 §3.1: the id is announced only once the new body is verified live.
    assertTrue(mocks.index("start example-com-sts")
        > mocks.index("done example-com-verify-policy-host"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-site"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-policy-host"), mocks.events.toString());
    for (String record : List.of("example-com-validation-record", "example-com-policy-host",
        "example-com-tlsrpt", "example-com-sts")) {
      assertTrue(mocks.index("start example-com-verify-all") > mocks.index("done " + record),
          record + " before the final verification: " + mocks.events);
    }
  }

  @Test
  void aHostingThatManagesThePolicyHostItselfKeepsTheOrderAndAsksForNoRecord() {
    // Dns and Hosting are strategies: this hosting declares its site alone and asks the DNS for
    // no record (as a hosting with its own custom domain does); this DNS records what it is asked
    // to publish. The component, unchanged, keeps its order around them.
    List<String> published = new CopyOnWriteArrayList<>();
    Dns recording = new Dns() {
      @Override
      public PublishedRecord publish(DnsRecord record) {
        published.add(record.resourceName() + " " + record.type());
        return Dns.route53(ZONE).publish(record);
      }

      @Override
      public String describe() {
        return "recording";
      }
    };
    Hosting selfNamed = new Hosting() {
      @Override
      public HostedSite declare(SiteRequest request) {
        var site = new PolicySite(request.resourceName("site"), PolicySiteArgs.builder()
            .domain(request.domain())
            .certificateArn(ARN)
            .policy(request.policyBody())
            .build(), request.options(request.policy()));
        return new HostedSite(site.policyUrl(), List.of(site));
      }

      @Override
      public String describe() {
        return "selfNamed";
      }
    };
    TestResult result = run(false, ctx -> declare(ctx,
        args(Mode.TESTING).dns(recording).hosting(selfNamed).build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(List.of("example-com-tlsrpt TXT", "example-com-sts TXT"), published);
    assertEquals(Set.of("mtasts:index:MtaSts::example-com",
        "mtasts:index:Policy::example-com-policy",
        "mtasts:aws:PolicySite::example-com-site",
        "mtasts:aws:Record::example-com-tlsrpt",
        "mtasts:index:Verification::example-com-verify-policy-host",
        "mtasts:aws:Record::example-com-sts",
        "mtasts:index:Verification::example-com-verify-all"), Set.copyOf(mocks.names()));
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-site"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-sts")
        > mocks.index("done example-com-verify-policy-host"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-verify-all") > mocks.index("done example-com-sts"),
        mocks.events.toString());
    assertEquals(URL, PulumiTest.extractValue(result.output("policyUrl")));
  }

  @Test
  void withoutReportUrisNoTlsRptRecordIsDeclared() {
    TestResult result = run(false,
        ctx -> declare(ctx, args(Mode.TESTING).tlsRptRua(List.of()).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertTrue(mocks.names().stream().noneMatch(n -> n.endsWith("-tlsrpt")), mocks.names()
        .toString());
    assertEquals(Optional.empty(), PulumiTest.extractValue(result.output("tlsRptRecord")));
  }

  @Test
  void badInputStopsTheProgramBeforeAnythingRegisters() {
    TestResult result = run(true, ctx -> declare(ctx, args(Mode.TESTING).maxAge(40_000_000)
        .build()));

    assertNotEquals(0, result.exitCode());
    assertEquals(List.of(), mocks.registered);
    assertTrue(result.exceptions().stream().anyMatch(e -> e instanceof InvalidInputException
        && e.getMessage().contains("MtaStsArgs.maxAge: max_age 40000000 is above the RFC 8461"
            + " limit")), result.exceptions().toString());
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void enforceModeFailsOnAnUncoveredMxHostAndChangesNothing(boolean preview) {
    mocks.uncovered = List.of("backup.example.org");
    TestResult result = run(preview, ctx -> declare(ctx, args(Mode.ENFORCE).build()));

    assertNotEquals(0, result.exitCode());
    String errors = String.join("\n", result.errors());
    assertTrue(errors.contains("MX preflight of example.com: the MX host backup.example.org is"
        + " matched by no mx pattern") && errors.contains("RFC 8461 §4.1"), errors);
    assertEquals(List.of("mtasts:index:MtaSts::example-com"), mocks.names(),
        "nothing but the component is registered");
    var call = mocks.calls.get(0);
    assertEquals(Map.of("domain", "example.com", "mode", "enforce",
        "mx", List.of("mx1.example.com", "*.mail.example.net")), call.args);
  }

  @Test
  void underFailOnNeverThePolicyHostGateStillFailsOnErrorsAndTheScopeChoosesTheFinalChecks() {
    TestResult result = run(true, ctx -> declare(ctx, args(Mode.TESTING)
        .verification(VerificationOptions.builder().failOn("never")
            .scope(VerificationScope.POLICY_AND_RECORDS).build()).build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    // RFC 8461 §3.1: the _mta-sts record waits for this one; it must hold whatever never says.
    Map<String, Object> gate = mocks.named("example-com-verify-policy-host").inputs;
    assertEquals("error", gate.get("failOn"), gate.toString());
    assertEquals("policy-host", gate.get("scope"), gate.toString());
    Map<String, Object> last = mocks.named("example-com-verify-all").inputs;
    assertEquals("never", last.get("failOn"), last.toString());
    assertEquals("policy-and-records", last.get("scope"), last.toString());
  }

  @Test
  void aDomainThatDoesNotExistFailsTheMxPreflightInEnforceMode() {
    mocks.domainExists = false;
    TestResult result = run(true, ctx -> declare(ctx, args(Mode.ENFORCE).build()));

    assertNotEquals(0, result.exitCode());
    String errors = String.join("\n", result.errors());
    assertTrue(errors.contains("MX preflight of example.com: example.com does not exist (NXDOMAIN)"), errors);
    assertEquals(List.of("mtasts:index:MtaSts::example-com"), mocks.names(), "nothing but the component");
  }

  @Test
  void aLookupThatFailsStopsTheProgramWithTheProvidersMessageAndNoStackTrace() {
    mocks.lookupFailure = "no answer from 127.0.60.1:53 for example.com MX: try again";
    TestResult result = run(true, ctx -> declare(ctx, args(Mode.TESTING).build()));

    assertNotEquals(0, result.exitCode());
    String errors = String.join("\n", result.errors());
    assertTrue(errors.contains("MX preflight of example.com: no answer from 127.0.60.1:53"), errors);
    assertFalse(errors.contains("\tat "), "no stack trace: " + errors);
    assertEquals(List.of("mtasts:index:MtaSts::example-com"), mocks.names(), "nothing but the component");
  }

  @Test
  void testingModeWarnsAboutAnUncoveredMxHostAndDeploys() {
    mocks.uncovered = List.of("backup.example.org", "old.example.org");
    List<String> warnings = preflightWarnings(args(Mode.TESTING).build());
    assertEquals(11, mocks.registered.size(), mocks.names().toString());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("hosts backup.example.org, old.example.org are matched"
        + " by no mx pattern") && warnings.get(0).contains("testing mode"), warnings.get(0));
  }

  @Test
  void testingModeWarnsAboutADomainThatDoesNotExistAndDeploys() {
    mocks.domainExists = false;
    List<String> warnings = preflightWarnings(args(Mode.TESTING).build());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("example.com does not exist (NXDOMAIN)"), warnings.get(0));
  }

  /** Deploys in preview, which must succeed, and returns the MX preflight's warnings. */
  private List<String> preflightWarnings(MtaStsArgs args) {
    List<String> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel() == Level.WARNING && record.getMessage().contains("MX preflight")) {
          warnings.add(record.getMessage());
        }
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    // The warning goes to the engine; the mock engine passes it on to Java logging only.
    Logger logger = Logger.getLogger("");
    logger.addHandler(capture);
    try {
      TestResult result = run(true, ctx -> declare(ctx, args));
      assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    } finally {
      logger.removeHandler(capture);
    }
    return warnings;
  }

  @Test
  void modeNoneSkipsThePreflight() {
    TestResult result = run(true, ctx -> declare(ctx, args(Mode.NONE).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(List.of(), mocks.calls);
    assertEquals("none", mocks.named("example-com-policy").inputs.get("mode"));
  }

  @Test
  void childrenAndThePreflightUseTheComponentsProvider() {
    TestResult result = run(false, ctx -> {
      var provider = new Provider("aws-lab", ProviderArgs.builder()
          .awsEndpoint("http://127.0.0.1:5000").build());
      new MtaSts("example-com", args(Mode.TESTING).build(),
          ComponentResourceOptions.builder().providers(provider).build());
    });
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    List<String> providers = new ArrayList<>();
    mocks.registered.stream().filter(r -> r.type.startsWith("mtasts:") && !r.type.equals(
        MtaSts.TYPE)).forEach(r -> providers.add(r.provider));
    assertEquals(10, providers.size());
    assertTrue(providers.stream().allMatch(p -> p != null && p.contains(
        "pulumi:providers:mtasts::aws-lab")), providers.toString());
    assertTrue(mocks.calls.get(0).provider.contains("pulumi:providers:mtasts::aws-lab"),
        mocks.calls.get(0).provider);
  }
}

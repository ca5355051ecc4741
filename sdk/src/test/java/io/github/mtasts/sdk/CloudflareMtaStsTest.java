package io.github.mtasts.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.sdk.enums.Mode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link MtaSts} component with Cloudflare DNS, against Pulumi's mock engine: with the
 * policy served by a Cloudflare Worker (which makes its own DNS record, so the component asks
 * for none) and by S3 with CloudFront (whose records go into Cloudflare, unproxied), in the
 * order of RFC 8461 §3.1 for both.
 */
class CloudflareMtaStsTest {
  private static final String ZONE_ID = ProviderMocks.CLOUDFLARE_ZONE_ID;
  private static final String OTHER_ZONE_ID = "0123456789abcdef0123456789abcdef";

  private final ProviderMocks mocks = new ProviderMocks();

  @AfterEach
  void cleanup() {
    PulumiTest.cleanup();
  }

  private static MtaStsArgs.Builder args(Mode mode, Dns dns, Hosting hosting) {
    return MtaStsArgs.builder()
        .domain("example.com")
        .mode(mode)
        .mx("mx1.example.com", "*.mail.example.net")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(dns)
        .hosting(hosting);
  }

  private TestResult run(boolean preview, Consumer<Context> program) {
    return PulumiTest.withMocks(mocks)
        .withOptions(TestOptions.builder().preview(preview).build())
        .runTest(program);
  }

  private static void declare(Context ctx, MtaStsArgs args) {
    var sts = new MtaSts("example-com", args);
    ctx.export("policyUrl", sts.policyUrl());
  }

  @ParameterizedTest(name = "preview={0}")
  @ValueSource(booleans = {true, false})
  void aWorkerServesThePolicyAndOnlyTheTxtRecordsGoIntoTheZone(boolean preview) {
    TestResult result = run(preview, ctx -> declare(ctx, args(Mode.TESTING,
        Dns.cloudflare("Example.COM"), Hosting.cloudflareWorker()).build()));

    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(Set.of(
        "mtasts:index:MtaSts::example-com",
        "mtasts:index:Policy::example-com-policy",
        "mtasts:cloudflare:PolicyWorker::example-com-worker",
        "mtasts:cloudflare:Record::example-com-tlsrpt",
        "mtasts:index:Verification::example-com-verify-policy-host",
        "mtasts:cloudflare:Record::example-com-sts",
        "mtasts:index:Verification::example-com-verify-all"), Set.copyOf(mocks.names()));
    assertEquals(7, mocks.registered.size(), mocks.names().toString());
    assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt",
        PulumiTest.extractValue(result.output("policyUrl")));
  }

  @Test
  void theWorkerTakesTheBodyTheZoneLookedUpByNameAndTheSharedScript() {
    TestResult result = run(false, ctx -> declare(ctx, args(Mode.TESTING,
        Dns.cloudflare("example.com"), Hosting.cloudflareWorker()).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    Policy policy = args(Mode.TESTING, Dns.cloudflare("example.com"), Hosting.cloudflareWorker())
        .build().policy();

    assertEquals(Map.of("scriptName", "mtasts-policy", "zoneId", ZONE_ID, "domain", "example.com",
        "policy", policy.render()), mocks.named("example-com-worker").inputs);
    assertEquals(Map.of("zoneId", ZONE_ID, "name", "_mta-sts.example.com", "type", "TXT",
        "ttl", 300, "values", List.of("v=STSv1; id=" + policy.id().value()), "proxied", false),
        numbers(mocks.named("example-com-sts").inputs));
    assertEquals(Map.of("zoneId", ZONE_ID, "name", "_smtp._tls.example.com", "type", "TXT",
        "ttl", 300, "values", List.of("v=TLSRPTv1; rua=mailto:tlsrpt@example.com"), "proxied", false),
        numbers(mocks.named("example-com-tlsrpt").inputs));
    // One lookup of the zone name for the component, besides the MX preflight.
    assertEquals(List.of(Map.of("zone", "example.com")), mocks.calls.stream()
        .filter(c -> c.token.equals("mtasts:cloudflare:getZone")).map(c -> c.args).toList());
  }

  @Test
  void theNewBodyIsServedAndVerifiedBeforeTheStsRecordChanges() {
    TestResult result = run(false, ctx -> declare(ctx, args(Mode.ENFORCE,
        Dns.cloudflare(ZONE_ID), Hosting.cloudflareWorker("fleet")).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    // RFC 8461 §3.1: the id is announced only once the Worker serves the new body, verified.
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-worker"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-sts")
        > mocks.index("done example-com-verify-policy-host"), mocks.events.toString());
    for (String resource : List.of("example-com-worker", "example-com-tlsrpt", "example-com-sts")) {
      assertTrue(mocks.index("start example-com-verify-all") > mocks.index("done " + resource),
          resource + " before the final verification: " + mocks.events);
    }
    assertEquals("fleet", mocks.named("example-com-worker").inputs.get("scriptName"));
    assertTrue(mocks.calls.stream().noneMatch(c -> c.token.equals("mtasts:cloudflare:getZone")),
        "a zone id is not looked up");
  }

  @Test
  void withS3AndCloudFrontTheValidationAndPolicyHostRecordsGoIntoCloudflareUnproxied() {
    TestResult result = run(false, ctx -> declare(ctx, args(Mode.TESTING,
        Dns.cloudflare(OTHER_ZONE_ID), Hosting.s3CloudFront()).build()));
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    assertEquals(Map.of("zoneId", OTHER_ZONE_ID, "name", ProviderMocks.VALIDATION_NAME, "type", "CNAME",
        "ttl", 300, "values", List.of(ProviderMocks.VALIDATION_VALUE), "proxied", false),
        numbers(mocks.named("example-com-validation-record").inputs));
    assertEquals(Map.of("zoneId", OTHER_ZONE_ID, "name", "mta-sts.example.com", "type", "CNAME",
        "ttl", 300, "values", List.of(ProviderMocks.DISTRIBUTION), "proxied", false),
        numbers(mocks.named("example-com-policy-host").inputs));
    assertTrue(mocks.names().containsAll(List.of("mtasts:aws:PolicySite::example-com-site",
        "mtasts:cloudflare:Record::example-com-sts")), mocks.names().toString());
    assertTrue(mocks.index("start example-com-verify-policy-host") > mocks.index("done example-com-site"));
    assertTrue(mocks.index("start example-com-verify-policy-host")
        > mocks.index("done example-com-policy-host"), mocks.events.toString());
    assertTrue(mocks.index("start example-com-sts")
        > mocks.index("done example-com-verify-policy-host"), mocks.events.toString());
  }

  @Test
  void theZoneLookupAndTheChildrenUseTheComponentsProvider() {
    TestResult result = run(false, ctx -> {
      var provider = new Provider("cloudflare-lab", ProviderArgs.builder()
          .cloudflareApiBaseUrl("http://127.0.0.1:8080/client/v4").build());
      new MtaSts("example-com", args(Mode.TESTING, Dns.cloudflare("example.com"),
          Hosting.cloudflareWorker()).build(),
          ComponentResourceOptions.builder().providers(provider).build());
    });
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());

    mocks.calls.forEach(call -> assertTrue(call.provider.contains(
        "pulumi:providers:mtasts::cloudflare-lab"), call.token + ": " + call.provider));
    assertTrue(mocks.registered.stream().filter(r -> r.type.startsWith("mtasts:cloudflare:"))
        .allMatch(r -> r.provider.contains("pulumi:providers:mtasts::cloudflare-lab")));
  }

  @Test
  void twoComponentsOnOneWorkerEachPutTheirOwnDomain() {
    TestResult result = run(false, ctx -> {
      Hosting shared = Hosting.cloudflareWorker();
      new MtaSts("example-com", args(Mode.TESTING, Dns.cloudflare("example.com"), shared).build());
      new MtaSts("example-org", args(Mode.ENFORCE, Dns.cloudflare("example.org"), shared)
          .domain("example.org").mx("mx.example.org").build());
    });
    assertEquals(0, result.exitCode(), () -> "errors: " + result.errors());
    assertEquals(List.of("example.com", "example.org"), List.of(
        mocks.named("example-com-worker").inputs.get("domain"),
        mocks.named("example-org-worker").inputs.get("domain")));
    assertEquals(mocks.named("example-com-worker").inputs.get("scriptName"),
        mocks.named("example-org-worker").inputs.get("scriptName"));
  }

  /** The mock engine decodes protobuf numbers as doubles; compare integers as integers. */
  private static Map<String, Object> numbers(Map<String, Object> inputs) {
    Map<String, Object> normalized = new HashMap<>();
    inputs.forEach((k, v) -> normalized.put(k,
        v instanceof Double d && d == Math.rint(d) ? d.intValue() : v));
    return normalized;
  }
}

package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.FakeCloudflareApi.Script;
import io.github.mtasts.testlab.KnotServer;
import io.github.mtasts.testlab.TestPki;
import io.github.mtasts.testlab.Workerd;
import io.github.mtasts.testlab.WorkersEdge;
import io.github.mtasts.testlab.Zone;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.CheckIds;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.Verifier;
import io.github.mtasts.verify.VerifyOptions;
import io.github.mtasts.wait.Waiter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy Worker as senders meet it: the script rendered here is uploaded to the fake API,
 * and the content the fake stored runs in Cloudflare's own runtime (workerd) behind an HTTPS
 * edge for {@code mta-sts.DOMAIN}, reached through DNS (Knot) the way a sender reaches it. The
 * policy the verifier checks is the one the uploaded Worker served, not a copy.
 */
class PolicyWorkerRuntimeTest {

  private static final InetAddress WORKERD = address("127.0.30.2");
  private static final InetAddress EDGE = address("127.0.30.3");
  private static final InetAddress DNS = address("127.0.30.53");
  private static final String SCRIPT = "mtasts-policy";

  private static final Policy COM = Policy.builder().mode(Mode.TESTING)
      .mx("mx1.example.com", "*.mail.example.net").maxAge(604800).build();
  private static final Policy ORG = Policy.builder().mode(Mode.ENFORCE)
      .mx("mx.example.org").maxAge(86400).build();

  @TempDir
  static Path directory;
  private static FakeCloudflareApi api;
  private static KnotServer knot;
  private static WorkersEdge edge;
  private static TestPki pki;
  private static int httpsPort;

  @BeforeAll
  static void deploy() throws Exception {
    api = FakeCloudflareTest.startApi();
    String com = api.addZone("example.com");
    String org = api.addZone("example.org");
    try (CloudflareClient client = CloudflareClient.create(FakeCloudflareTest.settings(api).build())) {
      Waiter waiter = FakeCloudflareTest.waiter();
      client.workerScripts().upload(PolicyWorkerScript.builder()
          .policy("example.com", COM).policy("example.org", ORG).build().worker(SCRIPT), waiter);
      client.customDomains().attach(com, "mta-sts.example.com", SCRIPT, waiter);
      client.customDomains().attach(org, "mta-sts.example.org", SCRIPT, waiter);
    }
    pki = new TestPki(directory);
    httpsPort = KnotServer.freePort(EDGE);
    edge = WorkersEdge.start(EDGE, httpsPort, pki.server("mta-sts.example.com", "mta-sts.example.org"),
        api, WORKERD);
    // What Cloudflare DNS answers once the custom domains exist: the policy hosts at the edge.
    knot = KnotServer.start(DNS, Map.of(
        "example.com", Zone.of("example.com").add("mta-sts", "A", EDGE.getHostAddress()).text(),
        "example.org", Zone.of("example.org").add("mta-sts", "A", EDGE.getHostAddress()).text()),
        List.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (knot != null) {
      knot.close();
    }
    if (edge != null) {
      edge.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void theVerifierFetchesFromTheUploadedWorkerExactlyTheCanonicalBodyOfEachDomain() throws Exception {
    for (Map.Entry<String, Policy> domain : Map.of("example.com", COM, "example.org", ORG).entrySet()) {
      Report report;
      try (Verifier verifier = Verifier.create(options(domain.getValue()))) {
        report = verifier.verify(domain.getKey());
      }
      assertFalse(report.hasErrors(), () -> domain.getKey() + ": " + report.checks());
      assertEquals(Check.Severity.PASS, check(report, CheckIds.POLICY_FETCH).severity(), report::toString);
      assertEquals(sha256(domain.getValue().render()), report.observedState().orElseThrow().bodySha256(),
          "the body the verifier read is byte for byte the canonical body");
    }
    assertEquals(List.of(), edge.refusals().stream()
        .filter(r -> r.startsWith("mta-sts.example.com/") || r.startsWith("mta-sts.example.org/")).toList());
    assertTrue(edge.served().stream().anyMatch(s -> s.host().equals("mta-sts.example.org") && s.status() == 200),
        "the edge handed the fetch to the uploaded Worker");
  }

  @Test
  void theWorkerThatRunsIsTheContentTheApiStoredNotTheRenderedCopy() {
    Script stored = api.script(SCRIPT).orElseThrow();
    assertEquals(PolicyWorkerScript.MODULE_NAME, stored.mainModule(), "metadata main_module");
    assertEquals(PolicyWorkerScript.COMPATIBILITY_DATE, stored.compatibilityDate(), "metadata compatibility_date");
    assertEquals("application/javascript+module", stored.contentTypes().get(PolicyWorkerScript.MODULE_NAME));
    assertTrue(stored.mainSource().contains("mta-sts.example.org"));
  }

  @Test
  void theBodyIsServedWithCrlfLineEndsPlainTextAndAShortCacheLifetime() throws Exception {
    try (Response response = edgeClient().newCall(new Request.Builder()
        .url("https://mta-sts.example.com:" + httpsPort + "/.well-known/mta-sts.txt").build()).execute()) {
      assertEquals(200, response.code(), () -> response.headers() + "\n" + edge.refusals());
      assertArrayEquals(COM.render().getBytes(StandardCharsets.UTF_8), response.body().bytes());
      assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
      assertEquals(PolicyWorkerScript.CACHE_CONTROL, response.header("Cache-Control"));
    }
  }

  @Test
  void everyOtherPathMethodAndHostIsNotFound() throws Exception {
    Script stored = api.script(SCRIPT).orElseThrow();
    try (Workerd worker = Workerd.start(WORKERD, stored.mainModule(), stored.modules(), stored.compatibilityDate())) {
      OkHttpClient http = new OkHttpClient();
      String base = worker.url().toString();
      assertEquals(404, status(http, base + "/", "mta-sts.example.com", "GET"));
      assertEquals(404, status(http, base + "/.well-known/mta-sts.txt.bak", "mta-sts.example.com", "GET"));
      assertEquals(404, status(http, base + "/.well-known/MTA-STS.txt", "mta-sts.example.com", "GET"));
      assertEquals(404, status(http, base + "/.well-known/mta-sts.txt", "mta-sts.example.com", "POST"));
      assertEquals(404, status(http, base + "/.well-known/mta-sts.txt", "mta-sts.example.com", "DELETE"));
      assertEquals(404, status(http, base + "/.well-known/mta-sts.txt", "mta-sts.example.net", "GET"));
      assertEquals(404, status(http, base + "/.well-known/mta-sts.txt", "example.com", "GET"));
      try (Response head = http.newCall(new Request.Builder().url(base + "/.well-known/mta-sts.txt")
          .header("Host", "mta-sts.example.org").head().build()).execute()) {
        assertEquals(200, head.code(), "HEAD of the policy");
        assertEquals("text/plain; charset=utf-8", head.header("Content-Type"));
        assertEquals(0, head.body().bytes().length);
      }
    }
  }

  @Test
  void aBodyFullOfJavaScriptSyntaxIsServedAsTextNotRunAsCode() throws Exception {
    // RFC 8461 §3.2 lets extension values hold quotes, backslashes, backticks and braces.
    Policy tricky = Policy.builder().mode(Mode.TESTING).mx("mx.example.com").maxAge(86400)
        .extension("x_probe", "\"`${globalThis.x=1}`\\\\\");}//</script>").build();
    PolicyWorkerScript script = PolicyWorkerScript.builder().policy("example.com", tricky).build();
    try (Workerd worker = Workerd.start(WORKERD, PolicyWorkerScript.MODULE_NAME,
        Map.of(PolicyWorkerScript.MODULE_NAME, script.source()), PolicyWorkerScript.COMPATIBILITY_DATE);
        Response response = new OkHttpClient().newCall(new Request.Builder()
            .url(worker.url() + "/.well-known/mta-sts.txt").header("Host", "mta-sts.example.com").build())
            .execute()) {
      assertEquals(200, response.code());
      assertEquals(tricky.render(), response.body().string());
    }
  }

  @Test
  void aHostWithoutCustomDomainGetsNoPolicy() throws Exception {
    try (Response response = edgeClient().newCall(new Request.Builder()
        .url("https://mta-sts.example.com:" + httpsPort + "/.well-known/mta-sts.txt")
        .header("Host", "mta-sts.example.net").build()).execute()) {
      assertEquals(421, response.code(), "SNI and Host must name the same custom domain");
    }
    assertNull(api.customDomains().stream()
        .filter(d -> d.hostname().equals("mta-sts.example.net")).findFirst().orElse(null));
  }

  private static VerifyOptions options(Policy expected) {
    return VerifyOptions.builder()
        .scope(Scope.POLICY_HOST)
        .expectedPolicy(expected.render())
        .resolver(new InetSocketAddress(DNS, knot.address().getPort()))
        .caFile(pki.caFile())
        .httpsPort(httpsPort)
        .dnsTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(20))
        .fetchTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** A client that trusts the test CA and finds every policy host at the edge. */
  private static OkHttpClient edgeClient() {
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(pki.root.certificate()).build();
    Dns toEdge = host -> List.of(EDGE);
    return new OkHttpClient.Builder().dns(toEdge)
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .readTimeout(Duration.ofSeconds(20)).build();
  }

  private static int status(OkHttpClient http, String url, String host, String method) throws Exception {
    Request.Builder request = new Request.Builder().url(url).header("Host", host);
    request.method(method, method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0]));
    try (Response response = http.newCall(request.build()).execute()) {
      return response.code();
    }
  }

  private static Check check(Report report, String id) {
    Optional<Check> found = report.checks().stream().filter(c -> c.id().equals(id)).findFirst();
    return found.orElseThrow(() -> new AssertionError("no check " + id + " in " + report.checks().stream()
        .map(Check::id).collect(Collectors.joining(", "))));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(literal, e);
    }
  }
}

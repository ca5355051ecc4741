package io.github.mtasts.e2e;

import static io.github.mtasts.e2e.Stack.changedSteps;
import static io.github.mtasts.e2e.Stack.diffReasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.cloudflare.PolicyWorkerScript;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.CloudflareLab;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.testlab.PulumiCli.CommandResult;
import io.github.mtasts.testlab.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One mail domain's whole life on Cloudflare DNS with its policy served by a Cloudflare Worker,
 * with the real Pulumi engine: the repository's own {@code Pulumi.yaml} (stack config {@code dns:
 * cloudflare}, {@code hosting: cloudflare-worker}) deploys MTA-STS in testing mode, moves to
 * enforce mode, is refreshed, and is destroyed; and the same program written in Pulumi YAML
 * ({@code yaml-cloudflare-program/Pulumi.yaml} of the test resources), whose
 * {@code mtasts:index:MtaSts} the provider declares through {@code Construct}, gets the same
 * children, order, records and Worker.
 *
 * <p>What stands in for Cloudflare, and where it differs from it:
 *
 * <ul>
 *   <li>The fake Cloudflare API ({@link FakeCloudflareApi}) serves the zones, DNS records,
 *       Workers scripts and Workers custom domains operations, written from Cloudflare's API
 *       description; a change is visible at once (as at Cloudflare, whose API answers once the
 *       change is made), and a custom domain is attached at once (Cloudflare then issues its
 *       certificate, which may take minutes).
 *   <li>Senders would ask Cloudflare's DNS: here {@link io.github.mtasts.testlab.CloudflareDnsFront}
 *       answers every query from the fake's records at the moment it is asked, and the host name
 *       of a custom domain with the address of the edge below (Cloudflare answers with its
 *       anycast addresses).
 *   <li>The edge ({@link io.github.mtasts.testlab.WorkersEdge}) hands the request for
 *       {@code mta-sts.DOMAIN} to the script the fake stores for that custom domain, run in
 *       Cloudflare's own runtime, workerd: the policy the verifications fetch is the one the
 *       uploaded Worker served. Its TLS certificate comes from a test CA (Cloudflare issues one
 *       per custom domain), and it listens on a high port instead of 443.
 *   <li>The domain's existing MX host is a STARTTLS SMTP server on loopback, on a high port
 *       instead of 25.
 * </ul>
 */
class MtaStsCloudflareIT {
  private static final String DOMAIN = "e2e-worker.test";
  private static final String NAME = "e2e-worker-test";
  private static final String MX = "mx1." + DOMAIN;
  private static final String RUA = "mailto:tlsrpt@" + DOMAIN;
  private static final long MAX_AGE = 86400;
  private static final String SCRIPT = "mtasts-policy";

  private static Path pulumiBin;

  @TempDir Path work;

  private CloudflareLab lab;
  private CloudflareStack stack;
  private final List<Observation> observations = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void installPulumi() {
    pulumiBin = Stack.install(Repository.root());
  }

  @BeforeEach
  void startLab() throws Exception {
    lab = CloudflareLab.withWorkers(work, List.of(DOMAIN));
    lab.workersEdge().onServe((host, body) -> observations.add(new Observation(body, stsTxt())));
  }

  @AfterEach
  void stopLab() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void testingThenEnforceThenRefreshThenDestroy() throws Exception {
    stack = CloudflareStack.init(pulumiBin, work, Stack.rootProjectFile(Repository.root()), lab);
    // Bad stack config fails the preview, every key at once, before anything is declared.
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    stack.ok("config", "set", "dns", "cloudflare");
    stack.ok("config", "set", "hosting", "cloudflare-worker");
    stack.ok("config", "set", "bucketName", "policy-bucket");
    CommandResult rejected = stack.fails("preview");
    assertTrue(rejected.output().contains("config cloudflareZone is required"), rejected.output());
    assertTrue(rejected.output().contains("config bucketName is set, but hosting is cloudflare-worker"),
        rejected.output());
    stack.ok("config", "rm", "bucketName");
    // A Worker needs the zone on Cloudflare: with Route 53 the pair is refused, naming both.
    stack.ok("config", "set", "dns", "route53");
    stack.ok("config", "set", "route53ZoneId", "Z0123456789ABCDEFGHIJ");
    CommandResult refused = stack.fails("preview");
    assertTrue(refused.output().contains("Hosting.cloudflareWorker() cannot be used with"
        + " Dns.route53(\"Z0123456789ABCDEFGHIJ\")"), refused.output());
    stack.ok("config", "rm", "route53ZoneId");
    stack.ok("config", "set", "dns", "cloudflare");
    assertEquals(List.of(), lab.written(DOMAIN), "nothing was written");

    configure();
    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stack.outputs();
    assertEquals("https://mta-sts." + DOMAIN + "/.well-known/mta-sts.txt", first.get("policyUrl").getAsString());
    assertEquals(testing.id().value(), first.get("policyId").getAsString());
    assertEquals(0, first.getAsJsonObject("verification").get("errors").getAsInt(), first.toString());
    assertDeployed(testing);
    // RFC 8461 §3.1: the Worker served the body before any _mta-sts record existed.
    assertFalse(observations.isEmpty(), "the verifications fetched the policy from the Worker");
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    assertEquals(List.of(), lab.workersEdge().refusals(), "the edge refused nothing");
    assertOrdered(stack.resources());

    // testing -> enforce changes exactly the policy, the Worker's body, the verifications and
    // the _mta-sts record; a preview writes nothing.
    stack.ok("config", "set", "mode", "enforce");
    JsonObject preview = stack.previewChangingNothing(lab);
    assertEquals(enforceSteps(), changedSteps(preview), preview.toString());
    assertEquals(List.of("policy"), diffReasons(preview, "mtasts:cloudflare:PolicyWorker"));
    assertEquals(List.of("values"), diffReasons(preview, "mtasts:cloudflare:Record"));

    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    JsonObject second = stack.outputs();
    assertEquals(enforce.id().value(), second.get("policyId").getAsString());
    assertNotEquals(first.get("policyId"), second.get("policyId"));
    assertDeployed(enforce);
    // RFC 8461 §3.1: the new body was live while the record still announced the old id.
    CloudflareStack.assertServedBeforeTheIdChanged(observations, servedBefore, enforce, testing);
    assertEquals(List.of(), lab.workersEdge().refusals(), "the edge refused nothing");

    // What Cloudflare holds is what the stack recorded.
    stack.ok("refresh", "--yes", "--expect-no-changes");
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertEquals(List.of(), lab.written(DOMAIN), "no record is left");
    assertEquals(Map.of(), lab.api().scripts(), "no script is left");
    assertEquals(List.of(), lab.api().customDomains(), "no custom domain is left");
    assertEquals(0, stack.resources().size(), "destroy leaves nothing in the state");
    stack.assertTokenNowhere();
    stack.ok("stack", "rm", "--yes");
  }

  @Test
  void theSameDomainInPulumiYamlIsDeclaredByTheProviderThroughConstruct() throws Exception {
    stack = CloudflareStack.init(pulumiBin, work,
        Stack.resourceProjectFile(Repository.root(), "/yaml-cloudflare-program/Pulumi.yaml"), lab);
    stack.ok("config", "set", "domain", DOMAIN);
    stack.ok("config", "set", "mode", "testing");
    configure();
    stack.ok("up", "--yes");
    Policy testing = policy(Mode.TESTING);
    JsonObject first = stack.outputs();
    assertEquals(testing.id().value(), first.get("policyId").getAsString());
    assertEquals(0, first.getAsJsonObject("verification").get("errors").getAsInt(), first.toString());
    assertDeployed(testing);
    assertEquals(Optional.empty(), observations.get(0).stsTxt(), observations.toString());
    var resources = stack.resources();
    assertTrue(Stack.resource(resources, "mtasts:index:MtaSts::" + NAME).isPresent(), resources.toString());
    assertOrdered(resources);

    // The same steps as the Java program's: the engine plans the constructed component as "same"
    // and shows the changes of its children.
    stack.ok("config", "set", "mode", "enforce");
    JsonObject preview = stack.previewChangingNothing(lab);
    assertEquals(enforceSteps(), changedSteps(preview), preview.toString());
    int servedBefore = observations.size();
    stack.ok("up", "--yes");
    Policy enforce = policy(Mode.ENFORCE);
    assertDeployed(enforce);
    CloudflareStack.assertServedBeforeTheIdChanged(observations, servedBefore, enforce, testing);
    stack.ok("preview", "--expect-no-changes");

    stack.ok("destroy", "--yes");
    assertEquals(List.of(), lab.written(DOMAIN), "no record is left");
    assertEquals(Map.of(), lab.api().scripts(), "no script is left");
    assertEquals(List.of(), lab.api().customDomains(), "no custom domain is left");
    stack.assertTokenNowhere();
  }

  private void configure() {
    stack.ok("config", "set", "cloudflareZone", DOMAIN);
    stack.ok("config", "set", "mx", MX);
    stack.ok("config", "set", "maxAge", String.valueOf(MAX_AGE));
    stack.ok("config", "set", "rua", RUA);
    stack.ok("config", "set", "verifyTimeout", "60");
    stack.ok("config", "set", "verifyHttpsPort", String.valueOf(lab.httpsPort()));
    stack.ok("config", "set", "verifySmtpPort", String.valueOf(lab.smtpPort()));
  }

  /** What testing -> enforce changes: the policy, the Worker's body, the checks, the id. */
  private static Set<String> enforceSteps() {
    return Stack.enforceSteps(NAME, "mtasts:cloudflare:PolicyWorker::" + NAME + "-worker",
        "mtasts:cloudflare:Record::" + NAME + "-sts");
  }

  /**
   * RFC 8461 §3.1 in the stored state: the {@code _mta-sts} record waits for the policy-host
   * verification, which waits for the Worker.
   */
  private static void assertOrdered(JsonArray resources) {
    assertTrue(Stack.dependsOn(resources, "mtasts:cloudflare:Record::" + NAME + "-sts",
        "mtasts:index:Verification::" + NAME + "-verify-policy-host"), resources.toString());
    assertTrue(Stack.dependsOn(resources, "mtasts:index:Verification::" + NAME + "-verify-policy-host",
        "mtasts:cloudflare:PolicyWorker::" + NAME + "-worker"), resources.toString());
  }

  private static Policy policy(Mode mode) {
    return Policy.builder().mode(mode).mx(MX).maxAge(MAX_AGE).build();
  }

  /** What the fake holds after an up: the two TXT records, the Worker's body, the custom domain. */
  private void assertDeployed(Policy policy) {
    List<FakeCloudflareApi.DnsRecord> written = lab.written(DOMAIN);
    assertEquals(2, written.size(), written.toString());
    assertEquals(Optional.of("\"v=STSv1; id=" + policy.id().value() + "\""), stsTxt());
    assertEquals(Optional.of("\"v=TLSRPTv1; rua=" + RUA + "\""),
        CloudflareStack.txt(lab, DOMAIN, "_smtp._tls." + DOMAIN));
    assertTrue(written.stream().allMatch(r -> "managed by mtasts".equals(r.comment()) && !r.proxied()),
        written.toString());
    FakeCloudflareApi.Script script = lab.api().script(SCRIPT).orElseThrow();
    assertEquals(Map.of("mta-sts." + DOMAIN, policy.render()),
        PolicyWorkerScript.parse(script.mainSource()).orElseThrow().bodiesByHost());
    List<FakeCloudflareApi.CustomDomain> domains = lab.api().customDomains();
    assertEquals(1, domains.size(), domains.toString());
    assertEquals(List.of("mta-sts." + DOMAIN, SCRIPT, lab.zoneId(DOMAIN)),
        List.of(domains.get(0).hostname(), domains.get(0).service(), domains.get(0).zoneId()));
  }

  private Optional<String> stsTxt() {
    return CloudflareStack.txt(lab, DOMAIN, "_mta-sts." + DOMAIN);
  }
}

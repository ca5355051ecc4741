package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Policy hosts in shared Worker scripts against the fake API: the fake stores what is uploaded
 * and returns it, as worker-script-upload-worker-module and worker-script-download-worker do,
 * and keeps custom domains as the worker-domain operations do.
 */
class PolicyWorkersTest extends FakeCloudflareTest {

  private static final String SCRIPT = "mtasts-policy";
  private static final String TESTING = body(Mode.TESTING);
  private static final String ENFORCE = body(Mode.ENFORCE);

  private static String body(Mode mode) {
    return Policy.builder().mode(mode).mx("mx1.example.com").maxAge(86400).build().render();
  }

  private PolicyHostSpec spec(String domain, String body) {
    return new PolicyHostSpec(SCRIPT, zone, domain, body);
  }

  private Map<String, String> served() {
    return PolicyWorkerScript.parse(api.script(SCRIPT).orElseThrow().mainSource()).orElseThrow().bodiesByHost();
  }

  @Test
  void createPutsTheBodyInTheScriptAndAttachesThePolicyHost() {
    PolicyHost host = client.policyWorkers().create(spec("example.com", TESTING), waiter());

    assertTrue(host.complete());
    assertEquals(Map.of("mta-sts.example.com", TESTING), served());
    FakeCloudflareApi.CustomDomain attached = api.customDomains().get(0);
    assertEquals(List.of("mta-sts.example.com", SCRIPT, zone),
        List.of(attached.hostname(), attached.service(), attached.zoneId()));
    assertEquals(Optional.of(host), client.policyWorkers().read(SCRIPT, "example.com", waiter()));
  }

  @Test
  void domainsShareOneScriptAndAChangeOfOneKeepsTheOthers() {
    String org = zoneOf("example.org");
    client.policyWorkers().create(spec("example.com", TESTING), waiter());
    client.policyWorkers().create(new PolicyHostSpec(SCRIPT, org, "example.org", TESTING), waiter());

    client.policyWorkers().update(spec("example.com", ENFORCE), waiter());

    assertEquals(Map.of("mta-sts.example.com", ENFORCE, "mta-sts.example.org", TESTING), served());
    assertEquals(1, api.scripts().size(), "one Worker for the fleet");
    assertEquals(2, api.customDomains().size());
  }

  @Test
  void createsOfManyDomainsAtOnceLoseNoBody() throws Exception {
    // The engine creates the resources of one deployment in parallel; each adds its body to the
    // one script, which Cloudflare replaces whole on each upload.
    List<String> domains = IntStream.range(0, 12).mapToObj(i -> "d" + i + ".example.com").toList();
    ExecutorService pool = Executors.newFixedThreadPool(domains.size());
    try {
      List<Future<PolicyHost>> created = new ArrayList<>();
      for (String domain : domains) {
        created.add(pool.submit(() -> client.policyWorkers().create(spec(domain, TESTING), waiter())));
      }
      for (Future<PolicyHost> done : created) {
        assertTrue(done.get().complete());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(domains.stream().map(d -> "mta-sts." + d).collect(Collectors.toSet()), served().keySet());
  }

  @Test
  void anotherBodyOfTheDomainInTheScriptIsNotOverwrittenOnCreate() {
    client.policyWorkers().create(spec("example.com", TESTING), waiter());
    String before = api.script(SCRIPT).orElseThrow().etag();

    PolicyHostTakenException e = assertThrows(PolicyHostTakenException.class,
        () -> client.policyWorkers().create(spec("example.com", ENFORCE), waiter()));

    assertEquals(Optional.of("mtasts-policy/example.com"), e.importId());
    assertTrue(e.getMessage().contains("import it"), e.getMessage());
    assertEquals(before, api.script(SCRIPT).orElseThrow().etag(), "the script was not uploaded");
    // The same body again is the outcome of an earlier create that was lost: taken as done.
    assertTrue(client.policyWorkers().create(spec("example.com", TESTING), waiter()).complete());
  }

  @Test
  void aWorkerThatMtastsDidNotWriteIsLeftAlone() {
    client.workerScripts().upload(new WorkerScript(SCRIPT, "main.mjs",
        "export default { fetch() { return new Response('theirs'); } };", "2025-01-01"), waiter());

    PolicyHostTakenException e = assertThrows(PolicyHostTakenException.class,
        () -> client.policyWorkers().create(spec("example.com", TESTING), waiter()));

    assertEquals(Optional.empty(), e.importId());
    assertTrue(e.getMessage().contains("not an mtasts policy Worker"), e.getMessage());
    assertTrue(api.script(SCRIPT).orElseThrow().mainSource().contains("theirs"));
    client.policyWorkers().delete(SCRIPT, "example.com", waiter());
    assertTrue(api.script(SCRIPT).isPresent(), "delete does not touch a Worker it did not write");
  }

  @Test
  void aHostNameThatCannotBeAttachedLeavesTheBodyServedAndTheNextUpdateAttachesIt() {
    // 409 with code 100117: the host name has DNS records of its own.
    FakeCloudflareApi.DnsRecord theirs = api.addRecord(zone, "mta-sts.example.com", "CNAME", "example.github.io");

    PolicyHostIncompleteException e = assertThrows(PolicyHostIncompleteException.class,
        () -> client.policyWorkers().create(spec("example.com", TESTING), waiter()));

    assertEquals(Optional.of(TESTING), e.partial().body());
    assertEquals(Optional.empty(), e.partial().customDomain());
    assertTrue(e.getMessage().contains("Delete those records") && e.getMessage().contains("next run attaches"),
        e.getMessage());
    client.dnsRecords().delete(zone, theirs.id(), waiter());
    assertTrue(client.policyWorkers().update(spec("example.com", TESTING), waiter()).complete());
    assertEquals(1, api.customDomains().size());
  }

  @Test
  void deleteDetachesTheHostThenTakesTheBodyOutAndTheLastDomainTakesTheScript() {
    String org = zoneOf("example.org");
    client.policyWorkers().create(spec("example.com", TESTING), waiter());
    client.policyWorkers().create(new PolicyHostSpec(SCRIPT, org, "example.org", ENFORCE), waiter());

    client.policyWorkers().delete(SCRIPT, "example.com", waiter());
    assertEquals(Map.of("mta-sts.example.org", ENFORCE), served());
    assertEquals(List.of("mta-sts.example.org"), api.customDomains().stream()
        .map(FakeCloudflareApi.CustomDomain::hostname).toList());
    assertEquals(Optional.empty(), client.policyWorkers().read(SCRIPT, "example.com", waiter()));

    client.policyWorkers().delete(SCRIPT, "example.org", waiter());
    client.policyWorkers().delete(SCRIPT, "example.org", waiter());
    assertEquals(Map.of(), api.scripts());
    assertEquals(List.of(), api.customDomains());
    List<String> calls = api.requests();
    int detach = calls.indexOf(calls.stream().filter(c -> c.startsWith("DELETE /accounts/" + ACCOUNT
        + "/workers/domains/")).reduce((a, b) -> b).orElseThrow());
    int deleteScript = calls.indexOf("DELETE /accounts/" + ACCOUNT + "/workers/scripts/" + SCRIPT);
    assertTrue(detach < deleteScript, "detached before the script is deleted: " + calls);
  }

  @Test
  void aHostOfAnotherScriptIsNotReadAsThisOnes() {
    client.policyWorkers().create(new PolicyHostSpec("their-policies", zone, "example.com", TESTING), waiter());

    assertEquals(Optional.empty(), client.policyWorkers().read(SCRIPT, "example.com", waiter()));
    PolicyHostIncompleteException e = assertThrows(PolicyHostIncompleteException.class,
        () -> client.policyWorkers().create(spec("example.com", TESTING), waiter()));
    assertTrue(e.getMessage().contains("'their-policies'"), e.getMessage());
  }

  @Test
  void aPolicyHostWhoseAttachIsCancelledIsReportedWithTheBodyItAlreadyServes() {
    // The progress sink interrupts the thread, as the engine's Cancel does, when the attach is
    // about to wait before its retry: the body is in the script by then.
    api.failNextCustomDomainCall(503);
    Waiter cancelled = Waiter.start(WaitOptions.builder().timeout(Duration.ofMinutes(5))
        .progress(message -> Thread.currentThread().interrupt()).build());

    PolicyHostIncompleteException e;
    try {
      e = assertThrows(PolicyHostIncompleteException.class,
          () -> client.policyWorkers().create(spec("example.com", TESTING), cancelled));
    } finally {
      Thread.interrupted();
    }

    assertTrue(e.getCause() instanceof WaitCancelledException, String.valueOf(e.getCause()));
    assertEquals(Optional.of(TESTING), e.partial().body());
    assertEquals(Optional.empty(), e.partial().customDomain());
    assertTrue(client.policyWorkers().update(spec("example.com", TESTING), waiter()).complete());
    assertEquals(1, api.customDomains().size());
  }

  @Test
  void aBadSpecIsRefusedBeforeAnyCall() {
    assertEquals("scriptName", assertThrows(InvalidSpecException.class,
        () -> new PolicyHostSpec("Policies!", zone, "example.com", TESTING)).field());
    assertEquals("zoneId", assertThrows(InvalidSpecException.class,
        () -> new PolicyHostSpec(SCRIPT, "example.com", "example.com", TESTING)).field());
    assertEquals("policy of example.com", assertThrows(InvalidSpecException.class,
        () -> new PolicyHostSpec(SCRIPT, zone, "example.com", TESTING.replace("\r\n", "\n"))).field());
    assertEquals(List.of(), api.requests());
  }

  private String zoneOf(String name) {
    return api.addZone(name);
  }
}

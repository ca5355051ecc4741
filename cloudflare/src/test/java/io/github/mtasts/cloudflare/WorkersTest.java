package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workers scripts and custom domains against the fake API. */
class WorkersTest {

  private FakeCloudflare cloudflare;
  private CloudflareClient client;
  private String zone;

  @BeforeEach
  void start() throws Exception {
    cloudflare = FakeCloudflare.start();
    zone = cloudflare.api.addZone("example.com");
    client = cloudflare.client();
  }

  @AfterEach
  void stop() {
    client.close();
    cloudflare.close();
  }

  @Test
  void anUploadedScriptIsReadBackAndReplacedInPlace() {
    WorkerScript first = worker(Mode.TESTING);
    client.workerScripts().upload(first, FakeCloudflare.budget());
    assertEquals(Optional.of(first.source()), client.workerScripts().read("mtasts-policy", FakeCloudflare.budget()));

    WorkerScript second = worker(Mode.ENFORCE);
    client.workerScripts().upload(second, FakeCloudflare.budget());

    assertEquals(1, cloudflare.api.scripts().size());
    assertEquals(second.source(), cloudflare.api.script("mtasts-policy").orElseThrow().mainSource());
  }

  @Test
  void aDeletedScriptReadsAsAbsentAndDeletingItAgainIsDone() {
    client.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget());

    client.workerScripts().delete("mtasts-policy", FakeCloudflare.budget());
    client.workerScripts().delete("mtasts-policy", FakeCloudflare.budget());

    assertEquals(Optional.empty(), client.workerScripts().read("mtasts-policy", FakeCloudflare.budget()));
  }

  @Test
  void aCustomDomainIsAttachedOnceListedAndDetached() {
    client.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget());

    CustomDomain attached = client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", FakeCloudflare.budget());
    CustomDomain again = client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", FakeCloudflare.budget());

    assertEquals(attached, again);
    assertEquals(1, cloudflare.api.customDomains().size());
    assertEquals(Optional.of(attached), client.customDomains().find("mta-sts.example.com", FakeCloudflare.budget()));
    client.customDomains().detach(attached.id(), FakeCloudflare.budget());
    client.customDomains().detach(attached.id(), FakeCloudflare.budget());
    assertEquals(List.of(), client.customDomains().list(Optional.empty(), Optional.empty(), FakeCloudflare.budget()));
  }

  @Test
  void aHostNameOfAnotherWorkerIsReportedWithThatWorkersNameAndNotTakenOver() {
    // 409 with code 100116: "already in use by other custom domain".
    client.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget());
    client.workerScripts().upload(new WorkerScript("their-site", "main.mjs",
        "export default { fetch() { return new Response('theirs'); } };", "2025-01-01"), FakeCloudflare.budget());
    client.customDomains().attach(zone, "mta-sts.example.com", "their-site", FakeCloudflare.budget());

    CustomDomainConflictException e = assertThrows(CustomDomainConflictException.class,
        () -> client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", FakeCloudflare.budget()));

    assertEquals(Optional.of("their-site"), e.otherScript());
    assertTrue(e.getMessage().contains("'their-site'") && e.getMessage().contains("Detach it"), e.getMessage());
    assertEquals("their-site", cloudflare.api.customDomains().get(0).service());
  }

  @Test
  void aHostNameWithDnsRecordsOfItsOwnIsReported() {
    // 409 with code 100117: "already has externally managed DNS records".
    client.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget());
    cloudflare.api.addRecord(zone, "mta-sts.example.com", "CNAME", "example.github.io");

    CustomDomainConflictException e = assertThrows(CustomDomainConflictException.class,
        () -> client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", FakeCloudflare.budget()));

    assertEquals(Optional.empty(), e.otherScript());
    assertTrue(e.getMessage().contains("Delete those records"), e.getMessage());
    assertEquals(List.of(), cloudflare.api.customDomains());
  }

  @Test
  void withoutAnAccountIdTheWorkersCallsSayWhatToSet() {
    try (CloudflareClient noAccount = CloudflareClient.create(CloudflareSettings.builder()
        .apiToken(FakeCloudflare.TOKEN).baseUrl(cloudflare.api.baseUrl()).build())) {
      InvalidSpecException e = assertThrows(InvalidSpecException.class,
          () -> noAccount.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget()));
      assertEquals("accountId", e.field());
    }
    assertEquals(List.of(), cloudflare.api.requests());
  }

  @Test
  void aTokenWithoutWorkersScriptsEditIsToldSo() {
    cloudflare.api.deny(FakeCloudflareApi.Permission.WORKERS_SCRIPTS_EDIT);

    CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
        () -> client.workerScripts().upload(worker(Mode.TESTING), FakeCloudflare.budget()));

    assertEquals("Account / Workers Scripts / Edit", e.permission());
  }

  private static WorkerScript worker(Mode mode) {
    return PolicyWorkerScript.builder()
        .policy("example.com", Policy.builder().mode(mode).mx("mx1.example.com").maxAge(86400).build())
        .build().worker("mtasts-policy");
  }
}

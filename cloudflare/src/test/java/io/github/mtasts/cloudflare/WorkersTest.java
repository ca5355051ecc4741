package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.testlab.FakeCloudflareApi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Workers scripts and custom domains against the fake API. */
class WorkersTest extends FakeCloudflareTest {


  @Test
  void anUploadedScriptIsReadBackAndReplacedInPlace() {
    WorkerScript first = worker(Mode.TESTING);
    client.workerScripts().upload(first, waiter());
    assertEquals(Optional.of(first.source()), client.workerScripts().read("mtasts-policy", waiter()));

    WorkerScript second = worker(Mode.ENFORCE);
    client.workerScripts().upload(second, waiter());

    assertEquals(1, api.scripts().size());
    assertEquals(second.source(), api.script("mtasts-policy").orElseThrow().mainSource());
  }

  @Test
  void aDeletedScriptReadsAsAbsentAndDeletingItAgainIsDone() {
    client.workerScripts().upload(worker(Mode.TESTING), waiter());

    client.workerScripts().delete("mtasts-policy", waiter());
    client.workerScripts().delete("mtasts-policy", waiter());

    assertEquals(Optional.empty(), client.workerScripts().read("mtasts-policy", waiter()));
  }

  @Test
  void aCustomDomainIsAttachedOnceListedAndDetached() {
    client.workerScripts().upload(worker(Mode.TESTING), waiter());

    CustomDomain attached = client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", waiter());
    CustomDomain again = client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", waiter());

    assertEquals(attached, again);
    assertEquals(1, api.customDomains().size());
    assertEquals(Optional.of(attached), client.customDomains().find("mta-sts.example.com", waiter()));
    client.customDomains().detach(attached.id(), waiter());
    client.customDomains().detach(attached.id(), waiter());
    assertEquals(List.of(), client.customDomains().list(Optional.empty(), Optional.empty(), waiter()));
  }

  @Test
  void aHostNameOfAnotherWorkerIsReportedWithThatWorkersNameAndNotTakenOver() {
    // 409 with code 100116: "already in use by other custom domain".
    client.workerScripts().upload(worker(Mode.TESTING), waiter());
    client.workerScripts().upload(new WorkerScript("their-site", "main.mjs",
        "export default { fetch() { return new Response('theirs'); } };", "2025-01-01"), waiter());
    client.customDomains().attach(zone, "mta-sts.example.com", "their-site", waiter());

    CustomDomainConflictException e = assertThrows(CustomDomainConflictException.class,
        () -> client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", waiter()));

    assertEquals(Optional.of("their-site"), e.otherScript());
    assertTrue(e.getMessage().contains("'their-site'") && e.getMessage().contains("Detach it"), e.getMessage());
    assertEquals("their-site", api.customDomains().get(0).service());
  }

  @Test
  void aHostNameWithDnsRecordsOfItsOwnIsReported() {
    // 409 with code 100117: "already has externally managed DNS records".
    client.workerScripts().upload(worker(Mode.TESTING), waiter());
    api.addRecord(zone, "mta-sts.example.com", "CNAME", "example.github.io");

    CustomDomainConflictException e = assertThrows(CustomDomainConflictException.class,
        () -> client.customDomains().attach(zone, "mta-sts.example.com", "mtasts-policy", waiter()));

    assertEquals(Optional.empty(), e.otherScript());
    assertTrue(e.getMessage().contains("Delete those records"), e.getMessage());
    assertEquals(List.of(), api.customDomains());
  }

  @Test
  void withoutAnAccountIdTheWorkersCallsSayWhatToSet() {
    try (CloudflareClient noAccount = CloudflareClient.create(CloudflareSettings.builder()
        .apiToken(FakeCloudflareTest.TOKEN).baseUrl(api.baseUrl()).build())) {
      InvalidSpecException e = assertThrows(InvalidSpecException.class,
          () -> noAccount.workerScripts().upload(worker(Mode.TESTING), waiter()));
      assertEquals("accountId", e.field());
    }
    assertEquals(List.of(), api.requests());
  }

  @Test
  void aTokenWithoutWorkersScriptsEditIsToldSo() {
    api.deny(FakeCloudflareApi.Permission.WORKERS_SCRIPTS_EDIT);

    CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
        () -> client.workerScripts().upload(worker(Mode.TESTING), waiter()));

    assertEquals("Account / Workers Scripts / Edit", e.permission());
  }

  private static WorkerScript worker(Mode mode) {
    return PolicyWorkerScript.builder()
        .policy("example.com", Policy.builder().mode(mode).mx("mx1.example.com").maxAge(86400).build())
        .build().worker("mtasts-policy");
  }
}

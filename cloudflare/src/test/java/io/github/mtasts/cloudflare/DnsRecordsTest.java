package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.FakeCloudflareApi;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DNS records against the fake API; each test says which behaviour of Cloudflare it stands for. */
class DnsRecordsTest extends FakeCloudflareTest {

  private static final String STS = "v=STSv1; id=20240101T000000";


  @Test
  void aTxtRecordIsSentQuotedAndMarkedAndReadBackAsItsText() {
    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    // Cloudflare keeps TXT content as quoted character strings (TXTRecord.content).
    FakeCloudflareApi.DnsRecord stored = only(api.records(zone));
    assertEquals("\"" + STS + "\"", stored.content());
    assertEquals(CloudflareSettings.DEFAULT_RECORD_COMMENT, stored.comment());
    assertEquals(STS, created.value());
    assertEquals(Optional.of(created), client.dnsRecords().read(zone, created.id().orElseThrow(), waiter()));
    assertTrue(client.dnsRecords().isMarked(created));
  }

  @Test
  void aTextLongerThan255OctetsIsSplitIntoStringsAndJoinedOnRead() {
    String text = "v=TLSRPTv1; rua=mailto:" + "a".repeat(300) + "@example.com";
    DnsRecord created = client.dnsRecords().create(DnsRecord.builder().zoneId(zone)
        .name("_smtp._tls.example.com").type("TXT").value(text).build(), waiter());

    String content = only(api.records(zone)).content();
    assertTrue(content.startsWith("\"") && content.contains("\" \""), content);
    assertEquals(text, created.value());
  }

  @Test
  void tagsAndTheCommentMakeTheRoundTripOnAPaidZone() {
    try (CloudflareClient tagging = CloudflareClient.create(settings()
        .recordComment("mtasts: example-com").recordTag("managed-by:mtasts").build())) {
      DnsRecord created = tagging.dnsRecords().create(sts(STS), waiter());

      assertEquals(List.of("managed-by:mtasts"), only(api.records(zone)).tags());
      DnsRecord read = tagging.dnsRecords().read(zone, created.id().orElseThrow(), waiter()).orElseThrow();
      assertEquals(Optional.of("mtasts: example-com"), read.comment());
      assertEquals(List.of("managed-by:mtasts"), read.tags());
      assertTrue(tagging.dnsRecords().isMarked(read));
      assertFalse(client.dnsRecords().isMarked(read), "another comment is another owner");
    }
  }

  @Test
  void createReportsAnExistingRecordOfTheNameWithItsImportIdAndChangesNothing() {
    // Cloudflare keeps several TXT records of one name: only the client's look prevents a second
    // v=STSv1 record.
    FakeCloudflareApi.DnsRecord theirs = api.addRecord(zone, "_mta-sts.example.com", "TXT",
        "\"v=STSv1; id=old\"");

    DnsRecordExistsException e = assertThrows(DnsRecordExistsException.class,
        () -> client.dnsRecords().create(sts(STS), waiter()));

    assertEquals(zone + "/" + theirs.id(), e.importId());
    assertTrue(e.getMessage().contains(zone + "/" + theirs.id()) && e.getMessage().contains("v=STSv1; id=old"),
        e.getMessage());
    assertEquals(List.of(theirs), api.records(zone));
  }

  @Test
  void aCnameIsNotCreatedBesideAnyOtherRecordOfItsName() {
    api.addRecord(zone, "mta-sts.example.com", "TXT", "\"hello\"");

    assertThrows(DnsRecordExistsException.class, () -> client.dnsRecords().create(DnsRecord.builder()
        .zoneId(zone).name("mta-sts.example.com").type("CNAME").value("d111.cloudfront.net").build(),
        waiter()));
    assertEquals(1, api.records(zone).size());
  }

  @Test
  void aCreateWhoseAnswerWasLostIsNotRepeated() {
    // The record exists at Cloudflare; the client saw a broken connection.
    api.dropResponseToNextCreate();

    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    assertEquals(only(api.records(zone)).id(), created.id().orElseThrow());
    assertEquals(1, api.requests().stream().filter(r -> r.startsWith("POST ")).count(),
        () -> "requests: " + api.requests());
  }

  @Test
  void serverErrorsOfTheLookBeforeACreateAreRetried() {
    api.failNext(1, 502);
    api.failNext(1, 503);

    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    assertEquals(created.id().orElseThrow(), only(api.records(zone)).id());
    // The two failed lookups are retried, then the create is sent once.
    List<String> requests = api.requests();
    assertEquals(1, requests.stream().filter(r -> r.startsWith("POST ")).count(), requests::toString);
    assertTrue(requests.get(0).startsWith("GET ") && requests.get(1).startsWith("GET "), requests::toString);
  }

  @Test
  void aCreateAnsweredWithAServerErrorLooksAgainBeforeCreatingAgain() {
    // A 5xx says nothing about whether the record was made. This one made nothing, so the look
    // finds nothing and the create is sent again, once.
    api.failNextCreate(502);

    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    // Each look lists the name's TXT records and its CNAME.
    assertEquals(List.of("GET", "GET", "POST", "GET", "GET", "POST"), api.requests().stream()
        .map(r -> r.substring(0, r.indexOf(' '))).toList());
    assertEquals(created.id().orElseThrow(), only(api.records(zone)).id());
  }

  @Test
  void aRateLimitIsWaitedOutAsRetryAfterSays() {
    // Rate limits: 429 with retry-after, "the number of seconds, rounded up".
    api.rateLimitNext(1, 1);

    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    assertEquals(STS, created.value());
    assertEquals(1, api.records(zone).size());
  }

  @Test
  void aRetryAfterLongerThanTheBudgetFailsAtOnceNamingTheWait() {
    // Exceeding the limit blocks calls for five minutes: the operation cannot wait that long.
    api.rateLimitNext(1, 300);

    CloudflareTimeoutException e = assertThrows(CloudflareTimeoutException.class,
        () -> client.dnsRecords().create(sts(STS), waiter(Duration.ofSeconds(20))));

    assertTrue(e.getMessage().contains("300 s") && e.getMessage().contains("429"), e.getMessage());
    assertEquals(List.of(), api.records(zone));
  }

  @Test
  void eachRetryIsReportedToTheOperationsProgress() {
    api.failNext(1, 503);
    List<String> progress = new ArrayList<>();

    client.dnsRecords().create(sts(STS), Waiter.start(WaitOptions.builder()
        .timeout(Duration.ofSeconds(30)).progress(progress::add).build()));

    assertEquals(1, progress.size(), progress::toString);
    assertTrue(progress.get(0).contains("HTTP 503") && progress.get(0).contains("trying again"),
        progress.get(0));
  }

  @Test
  void aRetryCancelledWhileItWaitsEndsTheOperationAsTheSharedWaitDoes() {
    // A retry-after well within the budget: only the cancellation can end the wait early. The
    // progress sink interrupts the thread, as the engine's Cancel does, just before the pause.
    api.rateLimitNext(1, 60);
    Waiter waiter = Waiter.start(WaitOptions.builder().timeout(Duration.ofMinutes(5))
        .progress(message -> Thread.currentThread().interrupt()).build());

    try {
      assertThrows(WaitCancelledException.class, () -> client.dnsRecords().create(sts(STS), waiter));
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays set for the caller");
    } finally {
      Thread.interrupted();
    }
    assertEquals(List.of(), api.records(zone));
  }

  @Test
  void serverErrorsOfAReadAreRetried() {
    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());
    api.failNext(2, 500);

    assertEquals(Optional.of(created), client.dnsRecords().read(zone, created.id().orElseThrow(), waiter()));
  }

  @Test
  void listingFollowsThePagesOfResultInfo() {
    for (int i = 0; i < DnsRecords.PAGE_SIZE + 30; i++) {
      api.addRecord(zone, "many.example.com", "TXT", "\"value " + i + "\"");
    }
    api.addRecord(zone, "other.example.com", "TXT", "\"not this one\"");

    List<DnsRecord> found = client.dnsRecords().list(zone, "many.example.com", Optional.of("TXT"), waiter());

    assertEquals(DnsRecords.PAGE_SIZE + 30, found.size());
    assertTrue(api.requests().stream().anyMatch(r -> r.contains("page=2")));
    assertFalse(api.requests().stream().anyMatch(r -> r.contains("page=3")));
  }

  @Test
  void updateChangesTheValueInPlaceAndDeleteIsDoneOnceItIsGone() {
    DnsRecord created = client.dnsRecords().create(sts(STS), waiter());

    DnsRecord updated = client.dnsRecords().update(created.toBuilder().value("v=STSv1; id=2").ttl(300).build(),
        waiter());

    assertEquals(created.id(), updated.id());
    assertEquals("\"v=STSv1; id=2\"", only(api.records(zone)).content());
    assertEquals(300, updated.ttl());
    client.dnsRecords().delete(zone, created.id().orElseThrow(), waiter());
    client.dnsRecords().delete(zone, created.id().orElseThrow(), waiter());
    assertEquals(Optional.empty(), client.dnsRecords().read(zone, created.id().orElseThrow(), waiter()));
  }

  @Test
  void aTokenWithoutDnsEditIsToldWhichPermissionIsMissing() {
    api.deny(FakeCloudflareApi.Permission.DNS_EDIT);

    CloudflareAuthenticationException e = assertThrows(CloudflareAuthenticationException.class,
        () -> client.dnsRecords().create(sts(STS), waiter()));

    assertEquals("Zone / DNS / Edit", e.permission());
    assertTrue(e.getMessage().contains("Zone / DNS / Edit") && e.getMessage().contains("10000"), e.getMessage());
  }

  @Test
  void anUnknownTokenIsRefusedAndNotRetried() {
    try (CloudflareClient stranger = CloudflareClient.create(settings()
        .apiToken("ZzYyXxWwVvUuTtSsRrQqPpOoNnMmLlKkJjIiHh99").build())) {
      assertThrows(CloudflareAuthenticationException.class,
          () -> stranger.dnsRecords().list(zone, "example.com", Optional.empty(), waiter()));
    }
    assertEquals(1, api.requests().size());
  }

  @Test
  void recordsOutsideWhatCloudflareAcceptsAreRefusedBeforeAnyCall() {
    InvalidSpecException ttl = assertThrows(InvalidSpecException.class, () -> client.dnsRecords()
        .create(sts(STS).toBuilder().ttl(30).build(), waiter()));
    assertEquals("ttl", ttl.field());
    InvalidSpecException name = assertThrows(InvalidSpecException.class,
        () -> DnsRecord.builder().zoneId(zone).name("_mta-sts.example.com.").type("TXT").value(STS).build());
    assertTrue(name.getMessage().contains("_mta-sts.example.com.") && name.getMessage().contains("trailing dot"),
        name.getMessage());
    assertEquals(List.of(), api.requests());
  }

  private DnsRecord sts(String text) {
    return DnsRecord.builder().zoneId(zone).name("_mta-sts.example.com").type("TXT").value(text).build();
  }

  private static FakeCloudflareApi.DnsRecord only(List<FakeCloudflareApi.DnsRecord> records) {
    assertEquals(1, records.size(), () -> "records: " + records);
    return records.get(0);
  }
}

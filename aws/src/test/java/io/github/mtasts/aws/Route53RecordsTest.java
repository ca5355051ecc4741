package io.github.mtasts.aws;

import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Route 53 record sets against moto's Route 53. */
@ExtendWith(MotoExtension.class)
class Route53RecordsTest {

  private static final String RRSET_PATH = "/2013-04-01/hostedzone/[A-Z0-9]+/rrset/?";

  private AwsFixture aws;
  private Route53Records records;
  private String zoneId;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
    this.records = new Route53Records(aws.clients);
    this.zoneId = aws.clients.route53().createHostedZone(r -> r.name("example.com.")
        .callerReference("route53-records-test")).hostedZone().id().replace("/hostedzone/", "");
    aws.proxy.clear();
  }

  private RecordSet txt(String name, String... texts) {
    return RecordSet.builder().zoneId(zoneId).name(name).type(RecordType.TXT).ttl(300)
        .values(texts).build();
  }

  @Test
  void createsReadsUpsertsAndDeletesATxtRecordSet() {
    RecordSet created = records.create(txt("_mta-sts.example.com", "v=STSv1; id=20240101"),
        aws.fastWait());

    assertEquals(Optional.of(created), records.read(created.id()));

    RecordSet changed = txt("_mta-sts.example.com", "v=STSv1; id=20240202");
    records.update(changed, aws.fastWait());
    assertEquals(Optional.of(changed), records.read(created.id()));
    assertEquals(1, aws.proxy.matching("POST", RRSET_PATH).stream()
        .filter(e -> e.body().contains("<Action>UPSERT</Action>")).count());

    records.delete(created.id(), aws.fastWait());
    assertEquals(Optional.empty(), records.read(created.id()));
    // Deleting again finds nothing and succeeds: a rerun of a delete that was cut short.
    records.delete(created.id(), aws.fastWait());
  }

  @Test
  void readReturnsEmptyForAnotherNameOrType() {
    records.create(txt("_mta-sts.example.com", "v=STSv1; id=1"), aws.fastWait());

    assertEquals(Optional.empty(),
        records.read(new RecordSetId(zoneId, "_smtp._tls.example.com", RecordType.TXT)));
    assertEquals(Optional.empty(),
        records.read(new RecordSetId(zoneId, "_mta-sts.example.com", RecordType.CNAME)));
  }

  @Test
  void splitsATxtTextLongerThan255BytesIntoQuotedStringsAndReadsItBack() {
    // 600 bytes with quotes and backslashes, which must be escaped inside the strings.
    String prefix = "v=TLSRPTv1; rua=" + "mailto:\"tls\\rpt\"@example.com,".repeat(19);
    String text = prefix + "x".repeat(600 - prefix.length());
    assertEquals(600, text.getBytes(StandardCharsets.UTF_8).length);

    RecordSet set = records.create(txt("_smtp._tls.example.com", text), aws.fastWait());

    // What Route 53 stores: the value as sent, as several quoted strings.
    ResourceRecordSet stored = aws.clients.route53().listResourceRecordSets(r -> r
        .hostedZoneId(zoneId).startRecordName("_smtp._tls.example.com.")
        .startRecordType("TXT")).resourceRecordSets().get(0);
    String value = stored.resourceRecords().get(0).value();
    List<String> strings = quotedStrings(value);
    assertEquals(3, strings.size(), value);
    for (String string : strings) {
      assertTrue(unescapedLength(string) <= 255, string);
    }
    assertTrue(value.contains("\\\"tls\\\\rpt\\\""), value);

    assertEquals(List.of(text), records.read(set.id()).orElseThrow().values());
  }

  @Test
  void createOfAnExistingRecordSetIsRefusedWithTheImportId() {
    // Someone else's record, made outside this package. Moto refuses a CREATE only when an
    // identical CREATE was made before, so the values here equal ours; real Route 53 refuses a
    // CREATE of any existing name and type, whatever the values.
    RecordSet theirs = txt("_mta-sts.example.com", "v=STSv1; id=theirs");
    aws.clients.route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId)
        .changeBatch(b -> b.changes(Change.builder().action(ChangeAction.CREATE)
            .resourceRecordSet(Route53Records.toRoute53(theirs)).build())));

    RecordSetExistsException refused = assertThrows(RecordSetExistsException.class,
        () -> records.create(theirs, aws.fastWait()));

    assertEquals(zoneId + "/_mta-sts.example.com/TXT", refused.importId().toString());
    assertTrue(refused.getMessage().contains("import id " + zoneId + "/_mta-sts.example.com/TXT"),
        refused.getMessage());
    assertEquals(Optional.of(theirs), refused.existing());
    // Never overwritten: the only change sent was a CREATE.
    assertTrue(aws.proxy.matching("POST", RRSET_PATH).stream()
        .allMatch(e -> e.body().contains("<Action>CREATE</Action>")));
    assertEquals(Optional.of(theirs), records.read(theirs.id()));
  }

  @Test
  void waitsUntilTheChangeIsInSyncAndReportsProgress() {
    // Real Route 53 answers a change with PENDING and reports INSYNC some seconds later, once
    // all its name servers have it; moto answers INSYNC at once. The proxy makes the answer
    // and the first two GetChange polls read PENDING.
    aws.proxy.rewriteFirst(FaultProxy.request("POST", RRSET_PATH), 1,
        body -> body.replace("INSYNC", "PENDING"));
    aws.proxy.failFirst(FaultProxy.request("GET", "/2013-04-01/change/.+"), 2,
        new mockwebserver3.MockResponse.Builder().code(200)
            .addHeader("Content-Type", "text/xml")
            .body("<GetChangeResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status>"
                + "<SubmittedAt>2024-01-01T00:00:00Z</SubmittedAt></ChangeInfo>"
                + "</GetChangeResponse>")
            .build());

    records.create(txt("_mta-sts.example.com", "v=STSv1; id=1"), aws.fastWait());

    List<Integer> polls = aws.proxy.matching("GET", "/2013-04-01/change/.+").stream()
        .map(FaultProxy.Exchange::status).toList();
    assertEquals(3, polls.size(), "two PENDING polls, then moto's INSYNC");
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("PENDING")), aws.progress.toString());
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("done")), aws.progress.toString());
  }

  @Test
  void timesOutWhileTheChangeStaysPending() {
    aws.proxy.rewriteFirst(FaultProxy.request("POST", RRSET_PATH), 1,
        body -> body.replace("INSYNC", "PENDING"));
    aws.proxy.rewriteFirst(FaultProxy.request("GET", "/2013-04-01/change/.+"), 1000,
        body -> body.replace("INSYNC", "PENDING"));

    WaitTimeoutException timeout = assertThrows(WaitTimeoutException.class,
        () -> records.create(txt("_mta-sts.example.com", "v=STSv1; id=1"),
            WaitOptions.builder().pollInterval(java.time.Duration.ofMillis(20))
                .maxPollInterval(java.time.Duration.ofMillis(50))
                .timeout(java.time.Duration.ofMillis(300)).build()));

    assertEquals("PENDING", timeout.lastStatus());
    assertTrue(timeout.getMessage().contains("run the operation again"), timeout.getMessage());
  }

  @Test
  void aliasToCloudFrontAndCnameRoundTrip() {
    RecordSet alias = RecordSet.builder().zoneId(zoneId).name("mta-sts.example.com")
        .type(RecordType.AAAA).alias(AliasTarget.cloudFront("d111abcdef8.cloudfront.net")).build();
    RecordSet cname = new ValidationRecord("_d930b28be6c5927595552b219965053e.mta-sts.example.com",
        "CNAME", "_c9edd76ee4a0e2a74388032f3861cc50.ykybfrwcxw.acm-validations.aws")
        .toRecordSet(zoneId);

    records.create(alias, aws.fastWait());
    records.create(cname, aws.fastWait());

    RecordSet readAlias = records.read(alias.id()).orElseThrow();
    assertEquals(Optional.of(new AliasTarget("Z2FDTNDATAQYW2", "d111abcdef8.cloudfront.net")),
        readAlias.alias());
    assertEquals(alias, readAlias);
    assertEquals(Optional.of(cname), records.read(cname.id()));
    String sent = aws.proxy.matching("POST", RRSET_PATH).get(0).body();
    assertTrue(sent.contains("<HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId>"), sent);
    assertTrue(sent.contains("<DNSName>d111abcdef8.cloudfront.net.</DNSName>"), sent);
  }

  @Test
  void aCnameMadeByHandWithTheDotOfZoneFilesReadsAsTheNameWithoutIt() {
    // The by-hand recipe writes the target as "github-username.github.io.".
    aws.clients.route53().changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c
        .changes(ch -> ch.action("CREATE").resourceRecordSet(r -> r.name("mta-sts.example.com.")
            .type("CNAME").ttl(300L).resourceRecords(v -> v.value("Octo.GitHub.io."))))));
    RecordSet read = records.read(new RecordSetId(zoneId, "mta-sts.example.com", RecordType.CNAME))
        .orElseThrow();
    assertEquals(List.of("octo.github.io"), read.values());
  }

  @Test
  void throttledChangeIsRetriedAndSucceeds() {
    // Route 53 throttles ChangeResourceRecordSets (five requests a second per account) with
    // HTTP 400 and the code Throttling: the SDK's standard strategy retries it.
    aws.proxy.failFirst(FaultProxy.request("POST", RRSET_PATH), 1, FaultProxy.xmlThrottling());

    RecordSet set = records.create(txt("_mta-sts.example.com", "v=STSv1; id=1"), aws.fastWait());

    assertEquals(List.of(400, 200), aws.proxy.matching("POST", RRSET_PATH).stream()
        .map(FaultProxy.Exchange::status).toList());
    assertEquals(Optional.of(set), records.read(set.id()));
  }

  @Test
  void serverErrorsBeyondTheAttemptsFailWithTheAwsCode() {
    aws.proxy.failFirst(FaultProxy.request("POST", RRSET_PATH), 100,
        FaultProxy.xmlServerError(503));

    AwsOperationException failure = assertThrows(AwsOperationException.class,
        () -> records.create(txt("_mta-sts.example.com", "v=STSv1; id=1"), aws.fastWait()));

    assertEquals(AwsSettings.DEFAULT_MAX_ATTEMPTS, aws.proxy.matching("POST", RRSET_PATH).size());
    assertTrue(failure.getMessage().contains("ServiceUnavailable"), failure.getMessage());
    assertTrue(failure.getMessage().contains("_mta-sts.example.com"), failure.getMessage());
  }

  @Test
  void unknownHostedZoneIsNamedInTheError() {
    AwsOperationException failure = assertThrows(AwsOperationException.class,
        () -> records.create(RecordSet.builder().zoneId("ZNOSUCHZONE").name("_mta-sts.example.com")
            .type(RecordType.TXT).values("v=STSv1; id=1").build(), aws.fastWait()));

    assertTrue(failure.getMessage().contains("hosted zone ZNOSUCHZONE does not exist"),
        failure.getMessage());
  }

  /** Splits a Route 53 TXT value into its quoted strings, escapes kept. */
  private static List<String> quotedStrings(String value) {
    Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(value);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int unescapedLength(String escaped) {
    return escaped.replaceAll("\\\\[0-7]{3}", "o").replaceAll("\\\\(.)", "$1").length();
  }
}

package io.github.mtasts.verify;

import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.testlab.KnotServer;
import io.github.mtasts.testlab.VerifyLab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier against the laboratory of real servers on loopback ({@link VerifyLab}): Knot DNS,
 * HTTPS policy hosts with a throwaway CA, STARTTLS SMTP servers and black-holed addresses.
 */
class VerifierTest {
  // The servers of hostile.test send what costs the most: records of 60,000 characters, a policy
  // of nearly 64 KiB naming thousands of hosts. A handful of kinds of finding, each listed at
  // most 21 times, each a sentence with an excerpt: the report stays small.
  private static final int MAX_CHECKS = 200;
  private static final long MAX_REPORT_CHARS = 256 * 1024;

  private static VerifyLab lab;
  private static Verifier verifier;

  @BeforeAll
  static void startLab() throws Exception {
    lab = VerifyLab.start();
    verifier = Verifier.create(LabOptions.of(lab).build());
  }

  @AfterAll
  static void stopLab() throws Exception {
    if (verifier != null) {
      verifier.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  static String describe(Report report) {
    return report.checks().stream().map(Check::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
  }

  static Check find(Report report, String id, Check.Severity severity) {
    return report.checks().stream()
        .filter(c -> c.id().equals(id) && c.severity() == severity)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + severity + " " + id + " in" + describe(report)));
  }

  static void assertNoErrors(Report report) {
    assertFalse(report.hasErrors(), "errors in" + describe(report));
    assertFalse(report.hasOperationalFailures(), describe(report));
  }

  @Test
  void happyPathInTestingMode() {
    Report report = verifier.verify("testing.test");
    assertNoErrors(report);
    assertEquals(0, report.count(Check.Severity.WARNING), describe(report));
    Check txt = find(report, CheckIds.STS_TXT, Check.Severity.PASS);
    // The two strings of the record are joined without a space; the unrelated record is ignored.
    assertTrue(txt.message().contains("v=STSv1; id=20240101T000000"), txt.message());
    Check fetch = find(report, CheckIds.POLICY_FETCH, Check.Severity.PASS);
    assertEquals("200", fetch.evidence().get("status"));
    assertTrue(fetch.evidence().get("tls.version").startsWith("TLSv1."), fetch.evidence().toString());
    find(report, CheckIds.POLICY_SYNTAX, Check.Severity.INFO);
    List<Check> tls = report.checks().stream().filter(c -> c.id().equals(CheckIds.MX_TLS)).toList();
    assertEquals(2, tls.size(), describe(report));
    assertTrue(tls.get(0).evidence().get("quit").startsWith("221"), tls.get(0).evidence().toString());
    find(report, CheckIds.TLSRPT, Check.Severity.PASS);
  }

  @Test
  void happyPathInEnforceMode() {
    Report report = verifier.verify("enforce.test");
    assertNoErrors(report);
    assertEquals(0, report.count(Check.Severity.WARNING), describe(report));
    assertEquals("enforce", find(report, CheckIds.POLICY, Check.Severity.PASS).evidence().get("mode"));
    find(report, CheckIds.MX_TLS, Check.Severity.PASS);
    find(report, CheckIds.MX_COVERAGE, Check.Severity.PASS);
  }

  @Test
  void policyFetchSendsSniOverTls12OrNewer() throws Exception {
    verifier.verify("enforce.test");
    mockwebserver3.RecordedRequest request = lab.policyHost("enforce.test").takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(List.of("mta-sts.enforce.test"), request.getHandshakeServerNames());
    assertEquals(PolicyFetcher.WELL_KNOWN_PATH, request.getUrl().encodedPath());
  }

  @Test
  void noTxtRecordIsNoPolicyNotACrash() {
    Report report = verifier.verify("no-txt.test");
    Check missing = find(report, CheckIds.STS_TXT_MISSING, Check.Severity.ERROR);
    assertTrue(missing.message().startsWith("no MTA-STS policy published"), missing.message());
    assertTrue(missing.message().contains("NXDOMAIN"), missing.message());
    assertFalse(report.hasOperationalFailures(), describe(report));
  }

  @Test
  void twoStsRecordsAreAnError() {
    Report report = verifier.verify("two-txt.test");
    Check count = find(report, CheckIds.STS_TXT_COUNT, Check.Severity.ERROR);
    assertTrue(count.evidence().get("records").contains("id=2"), count.evidence().toString());
  }

  @Test
  void recordNotBeginningWithTheExactTagIsDiscardedBesideAnother() {
    // RFC 8461 §3.1: of several records, those not beginning with "v=STSv1;" are discarded.
    Report report = verifier.verify("loose-txt.test");
    Check record = find(report, CheckIds.STS_TXT, Check.Severity.PASS);
    assertTrue(record.message().contains("id=1"), record.message());
    assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.STS_TXT_COUNT)), describe(report));
  }

  @Test
  void badIdIsASyntaxError() {
    Report report = verifier.verify("bad-id.test");
    Check syntax = find(report, CheckIds.STS_TXT_SYNTAX, Check.Severity.ERROR);
    assertEquals("id", syntax.evidence().get("field"));
    assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.STS_TXT)), describe(report));
  }

  @Test
  void status404IsNoPolicy() {
    Report report = verifier.verify("http404.test");
    Check status = find(report, CheckIds.POLICY_FETCH_STATUS, Check.Severity.ERROR);
    assertTrue(status.message().contains("404"), status.message());
    assertEquals("404", status.evidence().get("status"));
  }

  @Test
  void redirectIsAnErrorAndIsNotFollowed() throws Exception {
    mockwebserver3.MockWebServer server = lab.policyHost("redirect.test");
    int before = server.getRequestCount();
    Report report = verifier.verify("redirect.test");
    Check redirect = find(report, CheckIds.POLICY_FETCH_REDIRECT, Check.Severity.ERROR);
    assertEquals("https://mta-sts.redirect.test/moved/mta-sts.txt", redirect.evidence().get("header.location"));
    // Exactly one request reached the server: the redirect target was never asked for.
    assertEquals(before + 1, server.getRequestCount());
  }

  @Test
  void htmlContentTypeIsAnError() {
    Report report = verifier.verify("html.test");
    Check type = find(report, CheckIds.POLICY_FETCH_CONTENT_TYPE, Check.Severity.ERROR);
    assertTrue(type.message().contains("text/html"), type.message());
  }

  @Test
  void charsetOtherThanUtf8IsAnError() {
    Report report = verifier.verify("latin1.test");
    Check type = find(report, CheckIds.POLICY_FETCH_CONTENT_TYPE, Check.Severity.ERROR);
    assertTrue(type.message().contains("iso-8859-1"), type.message());
  }

  @Test
  void bodyOver64KibIsAnError() {
    Report report = verifier.verify("big.test");
    find(report, CheckIds.POLICY_FETCH_SIZE, Check.Severity.ERROR);
    assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.POLICY)), describe(report));
  }

  @Test
  void expiredPolicyHostCertificateIsAnError() {
    Report report = verifier.verify("expired.test");
    Check chain = find(report, CheckIds.POLICY_FETCH_CERT_CHAIN, Check.Severity.ERROR);
    assertTrue(chain.message().contains("expired"), chain.message());
    assertEquals("CN=mta-sts.expired.test", chain.evidence().get("certificate.subject"));
    assertTrue(chain.evidence().containsKey("certificate.notAfter"), chain.evidence().toString());
  }

  @Test
  void policyHostCertificateForAnotherNameIsAnError() {
    Report report = verifier.verify("wrongname.test");
    Check name = find(report, CheckIds.POLICY_FETCH_CERT_NAME, Check.Severity.ERROR);
    assertTrue(name.message().contains("mta-sts.other.test"), name.message());
  }

  @Test
  void untrustedCaIsAnError() {
    Report report = verifier.verify("untrusted.test");
    Check chain = find(report, CheckIds.POLICY_FETCH_CERT_CHAIN, Check.Severity.ERROR);
    assertTrue(chain.message().contains("trusted root"), chain.message());
    assertEquals("CN=untrusted test root", chain.evidence().get("certificate.issuer"));
  }

  @Test
  void mxNotCoveredByPolicy() {
    Report report = verifier.verify("uncovered.test");
    Check covered = report.checks().stream()
        .filter(c -> c.id().equals(CheckIds.MX_COVERAGE) && c.severity() == Check.Severity.PASS)
        .findFirst().orElseThrow(() -> new AssertionError(describe(report)));
    assertEquals("mx.uncovered.test", covered.evidence().get("mx"));
    // *.uncovered.test stands for one label: a.b.uncovered.test is not covered (enforce: error).
    Check missed = find(report, CheckIds.MX_COVERAGE, Check.Severity.ERROR);
    assertEquals("a.b.uncovered.test", missed.evidence().get("mx"));
    assertTrue(missed.message().contains("one label"), missed.message());
    Check unused = find(report, CheckIds.MX_COVERAGE_UNUSED, Check.Severity.WARNING);
    assertEquals("old.uncovered.test", unused.evidence().get("pattern"));
  }

  @Test
  void mxWithoutStarttlsIsAnErrorInEnforceAndAWarningInTesting() {
    Check enforce = find(verifier.verify("nostarttls-enforce.test"), CheckIds.MX_TLS_STARTTLS, Check.Severity.ERROR);
    assertTrue(enforce.message().contains("does not offer STARTTLS"), enforce.message());
    Report testing = verifier.verify("nostarttls-testing.test");
    find(testing, CheckIds.MX_TLS_STARTTLS, Check.Severity.WARNING);
    assertFalse(testing.hasErrors(), describe(testing));
  }

  @Test
  void mxCertificateForAnotherNameIsAnError() {
    Report report = verifier.verify("mxwrongname.test");
    Check name = find(report, CheckIds.MX_TLS_CERT_NAME, Check.Severity.ERROR);
    assertEquals("mx.somewhere-else.test", name.evidence().get("certificate.dnsNames"));
    assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.MX_TLS_CERT_CHAIN)), describe(report));
  }

  @Test
  void mxCertificateExpiringSoonIsAWarning() {
    Report report = verifier.verify("mxexpiring.test");
    Check expiry = find(report, CheckIds.MX_TLS_CERT_EXPIRY, Check.Severity.WARNING);
    assertTrue(expiry.message().contains("expires in 4 days") || expiry.message().contains("expires in 5 days"),
        expiry.message());
    assertNoErrors(report);
  }

  @Test
  void tlsRptMissingIsAWarningAndMalformedAnError() {
    Report missing = verifier.verify("enforce.test".replace("enforce", "nostarttls-testing"));
    find(missing, CheckIds.TLSRPT_MISSING, Check.Severity.WARNING);
    Report malformed = verifier.verify("badtlsrpt.test");
    Check syntax = find(malformed, CheckIds.TLSRPT_SYNTAX, Check.Severity.ERROR);
    assertEquals("rua", syntax.evidence().get("field"));
  }

  @Test
  void twoTlsRptRecordsAreAnError() {
    // RFC 8460 §3: exactly one record must remain, or senders send no reports.
    Report report = verifier.verify("twotlsrpt.test");
    Check count = find(report, CheckIds.TLSRPT_COUNT, Check.Severity.ERROR);
    assertTrue(count.evidence().get("records").contains("b@twotlsrpt.test"), count.evidence().toString());
  }

  @Test
  void policyHostRefusingTheConnectionIsAnError() {
    Report report = verifier.verify("refused.test");
    Check connect = find(report, CheckIds.POLICY_FETCH_CONNECT, Check.Severity.ERROR);
    assertTrue(connect.message().startsWith("cannot fetch https://mta-sts.refused.test"), connect.message());
    assertFalse(report.hasOperationalFailures(), describe(report));
  }

  @Test
  void nullMxIsReportedAndNotProbed() {
    // RFC 7505: "0 ." says the domain accepts no mail; there is no MX host to probe.
    Report report = verifier.verify("nullmx.test");
    find(report, CheckIds.MX_NULL, Check.Severity.INFO);
    assertFalse(report.checks().stream().anyMatch(c -> c.id().startsWith("mx.tls")), describe(report));
  }

  @Test
  void domainWithoutMxIsReported() {
    Report report = verifier.verify("nomx.test");
    find(report, CheckIds.MX_MISSING, Check.Severity.WARNING);
  }

  @Test
  void blackHoledMxIsBoundedByTheTimeouts() {
    // Two addresses: one drops SYNs (a full accept queue), one accepts and never speaks. With a
    // 1 s connect and 2 s read timeout, both probes end well within the 5 s probe limit.
    Report report = verifier.verify("blackhole.test");
    Check connect = find(report, CheckIds.MX_TLS_CONNECT, Check.Severity.ERROR);
    assertTrue(connect.message().contains("no connection within 1000 ms"), connect.message());
    Check smtp = find(report, CheckIds.MX_TLS_SMTP, Check.Severity.ERROR);
    assertTrue(smtp.message().contains("no reply within the read timeout"), smtp.message());
    assertTrue(report.elapsed().toMillis() < 5000, "took " + report.elapsed());
  }

  @Test
  void mxHostsAreTheHostsSendersDeliverTo() {
    MxHosts testing = verifier.mxHosts("Testing.Test.");
    assertEquals(new MxHosts("testing.test", MxHosts.Outcome.MX, List.of("mx1.testing.test", "a.mx.testing.test"),
        "testing.test receives mail at mx1.testing.test, a.mx.testing.test"), testing);
    MxHosts implicit = verifier.mxHosts("nomx.test");
    assertEquals(MxHosts.Outcome.IMPLICIT_MX, implicit.outcome());
    assertEquals(List.of("nomx.test"), implicit.hosts());
    assertTrue(implicit.description().contains("RFC 5321"), implicit.description());
    MxHosts nullMx = verifier.mxHosts("nullmx.test");
    assertEquals(MxHosts.Outcome.NULL_MX, nullMx.outcome());
    assertEquals(List.of(), nullMx.hosts());
    assertEquals(MxHosts.Outcome.NO_SUCH_DOMAIN, verifier.mxHosts("absent.testing.test").outcome());
    MxHosts failed = verifier.mxHosts("servfail.test");
    assertEquals(MxHosts.Outcome.LOOKUP_FAILED, failed.outcome());
    assertTrue(failed.description().contains("SERVFAIL"), failed.description());
  }

  @Test
  void servfailIsAnOperationalFailureNotNoPolicy() {
    Report report = verifier.verify("servfail.test");
    Check lookup = find(report, CheckIds.STS_TXT_LOOKUP, Check.Severity.ERROR);
    assertTrue(lookup.isOperational());
    assertTrue(lookup.message().contains("SERVFAIL"), lookup.message());
    assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.STS_TXT_MISSING)), describe(report));
    assertTrue(report.hasOperationalFailures());
  }

  @Test
  void dnsServerDownIsAnOperationalFailure() throws Exception {
    java.net.InetAddress nowhere = java.net.InetAddress.getByName("127.0.9.54");
    int port = KnotServer.freePort(nowhere);
    try (Verifier down = Verifier.create(LabOptions.of(lab)
        .resolver(new java.net.InetSocketAddress(nowhere, port))
        .dnsTimeout(java.time.Duration.ofMillis(500))
        .build())) {
      Report report = down.verify("testing.test");
      assertTrue(report.hasOperationalFailures(), describe(report));
      assertTrue(find(report, CheckIds.STS_TXT_LOOKUP, Check.Severity.ERROR).isOperational());
      assertTrue(find(report, CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR).isOperational());
      assertTrue(find(report, CheckIds.MX_LOOKUP, Check.Severity.ERROR).isOperational());
      assertFalse(report.checks().stream().anyMatch(c -> c.id().equals(CheckIds.STS_TXT_MISSING)), describe(report));
    }
  }

  @Test
  void policyHostScopeOnlyFetchesThePolicy() {
    try (Verifier policyOnly = Verifier.create(LabOptions.of(lab).scope(Scope.POLICY_HOST)
        .expectedPolicy(VerifyLab.TESTING_POLICY.replace("\r\n", "\n")).build())) {
      // no-txt.test publishes no TXT record: irrelevant before the id is published.
      Report report = policyOnly.verify("no-txt.test");
      assertTrue(report.checks().stream().noneMatch(c -> c.id().startsWith("sts-txt") || c.id().startsWith("mx")
          || c.id().startsWith("tlsrpt")), describe(report));
      find(report, CheckIds.POLICY_FETCH, Check.Severity.PASS);
      // The expected body is the testing.test policy, not this one.
      find(report, CheckIds.EXPECT_POLICY, Check.Severity.ERROR);
      Report same = policyOnly.verify("testing.test");
      find(same, CheckIds.EXPECT_POLICY, Check.Severity.PASS);
      assertTrue(same.observedState().get().policyId().isEmpty());
    }
  }

  @Test
  void policyAndRecordsScopeChecksEverythingButTheStarttlsProbes() {
    try (Verifier noProbes = Verifier.create(LabOptions.of(lab).scope(Scope.POLICY_AND_RECORDS).build())) {
      Report report = noProbes.verify("testing.test");
      find(report, CheckIds.STS_TXT, Check.Severity.PASS);
      find(report, CheckIds.POLICY_FETCH, Check.Severity.PASS);
      find(report, CheckIds.MX, Check.Severity.PASS);
      find(report, CheckIds.MX_COVERAGE, Check.Severity.PASS);
      find(report, CheckIds.TLSRPT, Check.Severity.PASS);
      Check notProbed = find(report, CheckIds.MX_TLS_NOT_PROBED, Check.Severity.INFO);
      assertTrue(notProbed.message().contains("mx1.testing.test"), notProbed.message());
      assertTrue(report.checks().stream().noneMatch(c -> c.id().startsWith("mx.tls.") && !c.id().equals(
          CheckIds.MX_TLS_NOT_PROBED) || c.id().equals(CheckIds.MX_TLS) || c.id().equals(CheckIds.MX_RESOLVE)),
          describe(report));
      assertEquals(Scope.POLICY_AND_RECORDS, report.scope());
    }
  }

  @Test
  void expectedIdMismatchIsAnError() {
    try (Verifier expecting = Verifier.create(LabOptions.of(lab).expectedId("20250101T000000").build())) {
      Check id = find(expecting.verify("testing.test"), CheckIds.EXPECT_ID, Check.Severity.ERROR);
      assertEquals("20240101T000000", id.evidence().get("published"));
    }
    try (Verifier expecting = Verifier.create(LabOptions.of(lab).expectedId("20240101T000000").build())) {
      find(expecting.verify("testing.test"), CheckIds.EXPECT_ID, Check.Severity.PASS);
    }
  }

  @Test
  void bodyChangedUnderTheSameIdIsAStaleIdError() {
    Report first = verifier.verify("testing.test");
    PolicyState seen = first.observedState().orElseThrow();
    assertEquals(java.util.Optional.of("20240101T000000"), seen.policyId());
    try (Verifier unchanged = Verifier.create(LabOptions.of(lab).previousState("testing.test", seen).build())) {
      find(unchanged.verify("testing.test"), CheckIds.EXPECT_STALE_ID, Check.Severity.PASS);
    }
    PolicyState otherBody = new PolicyState(seen.policyId(), DomainVerification.sha256(new byte[] {1}));
    try (Verifier stale = Verifier.create(LabOptions.of(lab).previousState("testing.test", otherBody).build())) {
      Check check = find(stale.verify("testing.test"), CheckIds.EXPECT_STALE_ID, Check.Severity.ERROR);
      assertTrue(check.message().contains("publish a new id"), check.message());
    }
  }

  @Test
  void manyDomainsKeepTheirOrder() {
    List<String> domains = List.of("testing.test", "enforce.test", "http404.test", "TESTING.test.");
    java.util.List<String> completed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<Report> reports = verifier.verifyAll(domains, r -> completed.add(r.domain()));
    assertEquals(List.of("testing.test", "enforce.test", "http404.test", "testing.test"),
        reports.stream().map(Report::domain).toList());
    assertEquals(4, completed.size());
    assertTrue(reports.get(2).hasErrors());
  }

  @Test
  void anMxHostSharedByDomainsIsProbedOncePerAddressAndEachReportListsBothVerdicts() throws Exception {
    List<String> domains = VerifyLab.SHARED_MX_DOMAINS;
    // Alone, each domain probes both addresses: the reference of what a report lists.
    List<Report> alone = domains.stream().map(verifier::verify).toList();
    List<java.net.InetAddress> addresses = alone.get(0).checks().stream()
        .filter(c -> c.id().startsWith("mx.tls"))
        .map(c -> addressOf(c))
        .toList();
    assertEquals(2, addresses.size(), describe(alone.get(0)));
    int[] before = addresses.stream().mapToInt(lab::smtpSessions).toArray();

    List<Report> fleet = verifier.verifyAll(domains, r -> { });

    // One STARTTLS session per address for the whole run, not one per domain.
    for (int i = 0; i < addresses.size(); i++) {
      assertEquals(before[i] + 1, lab.smtpSessions(addresses.get(i)), "sessions at " + addresses.get(i));
    }
    for (int d = 0; d < domains.size(); d++) {
      Report report = fleet.get(d);
      // The certificate names the MX host at one address only: one pass, one error, per domain.
      Check pass = find(report, CheckIds.MX_TLS, Check.Severity.PASS);
      Check wrongName = find(report, CheckIds.MX_TLS_CERT_NAME, Check.Severity.ERROR);
      assertEquals("mx.elsewhere.test", wrongName.evidence().get("certificate.dnsNames"));
      assertTrue(!pass.evidence().get("address").equals(wrongName.evidence().get("address")), describe(report));
      // The same checks, messages and evidence as when the domain is verified alone.
      assertEquals(mxChecks(alone.get(d)), mxChecks(report), describe(report));
    }
  }

  private static java.net.InetAddress addressOf(Check check) {
    try {
      return java.net.InetAddress.getByName(check.evidence().get("address"));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(check.toString(), e);
    }
  }

  /** The MX checks of a report as text: id, severity, message and evidence. */
  private static List<String> mxChecks(Report report) {
    return report.checks().stream().filter(c -> c.id().startsWith("mx"))
        .map(c -> c.id() + " " + c.severity() + " " + c.message() + " " + c.evidence())
        .toList();
  }

  @Test
  void aResolverThatDropsTheFirstQueryOfEachQuestionStillAnswersEveryLookup() throws Exception {
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    java.net.InetAddress relayAddress = lab.dnsServer().getAddress();
    java.net.InetSocketAddress listen = new java.net.InetSocketAddress(relayAddress, KnotServer.freePort(relayAddress));
    try (io.github.mtasts.testlab.DelayingDnsRelay relay = io.github.mtasts.testlab.DelayingDnsRelay
            .start(listen, lab.dnsServer(), java.time.Duration.ZERO, threads)
            .dropFirstQueryOfEachQuestion();
        Verifier lossy = Verifier.create(LabOptions.of(lab).resolver(listen).build())) {
      Report report = lossy.verify("enforce.test");
      assertNoErrors(report);
      find(report, CheckIds.MX_TLS, Check.Severity.PASS);
      // Every question was asked twice at least: its first datagram was lost.
      List<String> questions = List.of("_mta-sts TXT", "_smtp._tls TXT", "mta-sts A", "mta-sts AAAA", "MX",
          "mx A", "mx AAAA");
      assertTrue(relay.queriesReceived() >= 2 * questions.size(), "queries: " + relay.queriesReceived());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void reportRendersAsJson() {
    Report report = verifier.verify("http404.test");
    com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(report.toJson()).getAsJsonObject();
    assertEquals("http404.test", json.get("domain").getAsString());
    assertFalse(json.get("ok").getAsBoolean());
    assertEquals(report.count(Check.Severity.ERROR), json.getAsJsonObject("summary").get("errors").getAsLong());
    assertEquals(report.checks().size(), json.getAsJsonArray("checks").size());
  }

  private static List<Check> of(Report report, String id) {
    return report.checks().stream().filter(c -> c.id().equals(id)).toList();
  }

  @Test
  void aHostileDomainGivesABoundedReportThatCountsWhatItLeavesOut() {
    Report report = verifier.verify("hostile.test");
    assertTrue(report.checks().size() <= MAX_CHECKS, report.checks().size() + " checks");
    long chars = report.checks().stream()
        .mapToLong(c -> c.message().length() + c.evidence().values().stream().mapToLong(String::length).sum())
        .sum();
    assertTrue(chars <= MAX_REPORT_CHARS, chars + " characters in the report");

    List<Check> sts = of(report, CheckIds.STS_TXT_SYNTAX).stream()
        .filter(c -> c.severity() == Check.Severity.ERROR).toList();
    assertEquals(ParseResult.MAX_PER_KIND + 1, sts.size(), describe(report));
    assertTrue(sts.get(ParseResult.MAX_PER_KIND).message().contains("more errors about 'record'"),
        sts.get(ParseResult.MAX_PER_KIND).message());
    List<Check> tlsRpt = of(report, CheckIds.TLSRPT_SYNTAX);
    assertEquals(ParseResult.MAX_PER_KIND + 1, tlsRpt.size(), describe(report));
    assertTrue(tlsRpt.get(ParseResult.MAX_PER_KIND).message().contains("more warnings about 'rua'"),
        tlsRpt.get(ParseResult.MAX_PER_KIND).message());

    // The policy is valid: thousands of names under *.h, each already covered and none an MX.
    find(report, CheckIds.POLICY, Check.Severity.PASS);
    assertTrue(of(report, CheckIds.POLICY_SYNTAX).stream()
        .anyMatch(c -> c.message().contains("more warnings about 'mx'")), describe(report));
    List<Check> unused = of(report, CheckIds.MX_COVERAGE_UNUSED);
    assertEquals(ParseResult.MAX_PER_KIND + 1, unused.size(), describe(report));
    assertTrue(unused.get(ParseResult.MAX_PER_KIND).message().contains("more mx patterns of the policy name no MX host"),
        unused.get(ParseResult.MAX_PER_KIND).message());
    find(report, CheckIds.MX_COVERAGE, Check.Severity.PASS);
  }
}

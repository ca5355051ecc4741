package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/** The checks of the MX lookup, MX coverage, MX addresses and STARTTLS probes, on in-memory outcomes. */
class MxChecksTest {
  private static final String DOMAIN = "example.com";
  private static final MxChecks CHECKS = new MxChecks(VerifyOptions.defaults(), Answers.NOW);
  private static final Policy ENFORCE = Policy.parse(Answers.ENFORCE_POLICY).orElseThrow();
  private static final Policy TESTING = Policy.parse(Answers.ENFORCE_POLICY.replace("enforce", "testing")).orElseThrow();

  private static CheckRow lookup(String name, DnsAnswer mx, String id, Check.Severity severity, String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateLookup(DOMAIN, mx, checks), id, severity, part);
  }

  private static CheckRow coverage(String name, List<String> hosts, Policy policy, String id, Check.Severity severity,
      String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateCoverage(hosts, policy, checks), id, severity, part);
  }

  private static CheckRow addresses(String name, DnsClient.Addresses addresses, String id, String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateAddresses(addresses, checks), id, Check.Severity.ERROR, part);
  }

  private static CheckRow probe(String name, ProbeResult probe, Mode mode, String id, Check.Severity severity,
      String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateProbe(probe, Optional.ofNullable(mode), checks), id, severity,
        part);
  }

  static List<CheckRow> table() {
    List<java.security.cert.X509Certificate> valid = Answers.chain("mx1.example.com", Answers.NOW.plus(Duration.ofDays(90)));
    return List.of(
        // RFC 5321 §5.1, RFC 7505
        lookup("MX records", Answers.mx(DOMAIN, "20 mx2.example.com", "10 mx1.example.com"), CheckIds.MX,
            Check.Severity.PASS, "receives mail at mx1.example.com, mx2.example.com"),
        lookup("the resolver fails", Answers.operationalFailure(DOMAIN, Type.MX), CheckIds.MX_LOOKUP,
            Check.Severity.ERROR, "cannot tell which MX hosts receive mail"),
        lookup("no such domain", Answers.absent(DOMAIN, Type.MX, DnsAnswer.Status.NO_SUCH_DOMAIN), CheckIds.MX_MISSING,
            Check.Severity.WARNING, "does not exist (NXDOMAIN)"),
        lookup("no MX record", Answers.absent(DOMAIN, Type.MX, DnsAnswer.Status.NO_DATA), CheckIds.MX_MISSING,
            Check.Severity.WARNING, "RFC 5321 §5.1"),
        lookup("a CNAME loop", Answers.cnameLoop(DOMAIN, Type.MX), CheckIds.MX_MISSING, Check.Severity.WARNING, "loops"),
        lookup("a null MX", Answers.mx(DOMAIN, "0 ."), CheckIds.MX_NULL, Check.Severity.INFO, "RFC 7505"),
        new CheckRow("MX hosts left out by the scope", checks -> CHECKS.evaluateNotProbed(
            List.of("mx1.example.com", "mx2.example.com"), checks), CheckIds.MX_TLS_NOT_PROBED, Check.Severity.INFO,
            "STARTTLS of mx1.example.com, mx2.example.com was not checked (scope policy-and-records)"),
        // RFC 8461 §4.1
        coverage("a host named by the policy", List.of("mx1.example.com"), ENFORCE, CheckIds.MX_COVERAGE,
            Check.Severity.PASS, "matches the policy's mx pattern mx1.example.com"),
        coverage("a host under a wildcard", List.of("b.mail.example.com"), ENFORCE, CheckIds.MX_COVERAGE,
            Check.Severity.PASS, "*.mail.example.com"),
        coverage("two labels under a wildcard, enforce", List.of("a.b.mail.example.com"), ENFORCE, CheckIds.MX_COVERAGE,
            Check.Severity.ERROR, "covers one label only"),
        coverage("an uncovered host, testing", List.of("mx9.example.net"), TESTING, CheckIds.MX_COVERAGE,
            Check.Severity.WARNING, "add 'mx: mx9.example.net'"),
        coverage("a pattern naming no MX", List.of("b.mail.example.com"), ENFORCE, CheckIds.MX_COVERAGE_UNUSED,
            Check.Severity.WARNING, "names mx mx1.example.com, which is not an MX host"),
        addresses("an MX host without address", Answers.noSuchHost("mx1.example.com"), CheckIds.MX_RESOLVE,
            "has no A or AAAA record"),
        addresses("an MX host the resolver cannot look up", Answers.unresolvable("mx1.example.com"), CheckIds.MX_RESOLVE,
            "cannot tell where MX mx1.example.com is"),
        // RFC 8461 §4.2, §5
        probe("no route", Answers.probeFailure(ProbeResult.Stage.NO_ROUTE, "network unreachable"), Mode.ENFORCE,
            CheckIds.MX_TLS_NO_ROUTE, Check.Severity.INFO, "not tested"),
        probe("no connection, enforce", Answers.probeFailure(ProbeResult.Stage.CONNECT, "no connection within 1000 ms"),
            Mode.ENFORCE, CheckIds.MX_TLS_CONNECT, Check.Severity.ERROR, "blocks outgoing port 25"),
        probe("no SMTP", Answers.probeFailure(ProbeResult.Stage.SMTP, "no reply within the read timeout"),
            Mode.TESTING, CheckIds.MX_TLS_SMTP, Check.Severity.WARNING, "SMTP dialogue failed"),
        probe("no STARTTLS, enforce", Answers.probeFailure(ProbeResult.Stage.STARTTLS_NOT_OFFERED,
            "the EHLO reply does not offer STARTTLS"), Mode.ENFORCE, CheckIds.MX_TLS_STARTTLS, Check.Severity.ERROR,
            "enable STARTTLS"),
        probe("STARTTLS refused, mode none", Answers.probeFailure(ProbeResult.Stage.STARTTLS_REFUSED,
            "STARTTLS answered 454"), Mode.NONE, CheckIds.MX_TLS_STARTTLS, Check.Severity.INFO, "mode none"),
        probe("a failed handshake, no policy", Answers.probeFailure(ProbeResult.Stage.HANDSHAKE, "handshake_failure"),
            null, CheckIds.MX_TLS_HANDSHAKE, Check.Severity.WARNING, "handshake after STARTTLS failed"),
        probe("a valid certificate", Answers.probeDone(valid, null, true), Mode.ENFORCE, CheckIds.MX_TLS,
            Check.Severity.PASS, "certificate valid for mx1.example.com until"),
        probe("an expired certificate", Answers.probeDone(
            Answers.chain("mx1.example.com", Answers.NOW.minus(Duration.ofDays(2))), new CertificateExpiredException(),
            true), Mode.ENFORCE, CheckIds.MX_TLS_CERT_CHAIN, Check.Severity.ERROR, "expired on"),
        probe("a certificate for another name", Answers.probeDone(
            Answers.chain("mx.example.net", Answers.NOW.plus(Duration.ofDays(90))), null, false), Mode.TESTING,
            CheckIds.MX_TLS_CERT_NAME, Check.Severity.WARNING, "(it names mx.example.net)"),
        probe("a certificate that expires in 3 days", Answers.probeDone(
            Answers.chain("mx1.example.com", Answers.NOW.plus(Duration.ofDays(3))), null, true), Mode.ENFORCE,
            CheckIds.MX_TLS_CERT_EXPIRY, Check.Severity.WARNING, "expires in 3 days"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachOutcomeGivesItsCheck(CheckRow row) {
    row.check();
  }

  @Test
  void hostsAreOrderedByPreferenceWithoutTheNullMx() {
    assertEquals(List.of("mx1.example.com", "mx2.example.com", "mx3.example.com"), MxChecks.hosts(
        Answers.mx(DOMAIN, "20 mx3.example.com", "10 mx2.example.com", "10 mx1.example.com", "20 MX3.example.com.")));
    assertEquals(List.of(), MxChecks.hosts(Answers.mx(DOMAIN, "0 .")));
  }

  @Test
  void addressesAreReturnedAndAnUnansweredLookupIsOperational() {
    List<Check> checks = new ArrayList<>();
    assertEquals(List.of(Answers.address("192.0.2.25")),
        CHECKS.evaluateAddresses(Answers.addresses("mx1.example.com", "192.0.2.25"), checks));
    assertEquals(List.of(), checks);
    assertTrue(addresses("", Answers.unresolvable("mx1.example.com"), CheckIds.MX_RESOLVE, "").check().isOperational());
  }

  @Test
  void aProblemOfTheCertificateTakesThePassAway() {
    List<Check> checks = new ArrayList<>();
    CHECKS.evaluateProbe(Answers.probeDone(Answers.chain("mx.example.net", Answers.NOW.plus(Duration.ofDays(90))),
        null, false), Optional.of(Mode.ENFORCE), checks);
    assertTrue(checks.stream().noneMatch(c -> c.id().equals(CheckIds.MX_TLS)), checks::toString);
  }
}

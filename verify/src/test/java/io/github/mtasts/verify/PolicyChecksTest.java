package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks of the policy host's addresses, the HTTPS fetch and the body, on in-memory outcomes. */
class PolicyChecksTest {
  private static final String HOST = "mta-sts.example.com";
  private static final PolicyChecks CHECKS = new PolicyChecks(VerifyOptions.defaults(), Answers.NOW);

  private static CheckRow host(String name, DnsClient.Addresses addresses, String id, Check.Severity severity,
      String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateHost(HOST, addresses, checks), id, severity, part);
  }

  private static CheckRow fetch(String name, FetchResult fetch, String id, Check.Severity severity, String part) {
    return new CheckRow(name, checks -> CHECKS.evaluateFetch(fetch, checks), id, severity, part);
  }

  private static Headers type(String contentType) {
    return Headers.of("Content-Type", contentType);
  }

  static List<CheckRow> table() {
    String policy = Answers.ENFORCE_POLICY;
    return List.of(
        // RFC 8461 §3.3: the host mta-sts.<domain>
        host("no address", Answers.noSuchHost(HOST), CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR,
            "has no A or AAAA record"),
        host("the resolver fails", Answers.unresolvable(HOST), CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR,
            "cannot tell whether the policy host resolves"),
        // RFC 8461 §3.3: HTTPS, 200, text/plain, no redirects, a bounded body
        fetch("a policy served well", Answers.served(policy), CheckIds.POLICY_FETCH, Check.Severity.PASS,
            "over TLSv1.3"),
        fetch("a policy served well, parsed", Answers.served(policy), CheckIds.POLICY, Check.Severity.PASS,
            "mode enforce"),
        fetch("text/plain in UTF-8", Answers.response(200, type("text/plain; charset=utf-8"), policy),
            CheckIds.POLICY_FETCH, Check.Severity.PASS, "fetched"),
        fetch("a redirect", Answers.response(301, Headers.of("Location", "https://www.example.com/"), ""),
            CheckIds.POLICY_FETCH_REDIRECT, Check.Severity.ERROR, "do not follow redirects"),
        fetch("not found", Answers.response(404, type("text/html"), "gone"), CheckIds.POLICY_FETCH_STATUS,
            Check.Severity.ERROR, "(404)"),
        fetch("a server error", Answers.response(500, type("text/plain"), ""), CheckIds.POLICY_FETCH_STATUS,
            Check.Severity.ERROR, "answers 500 instead of 200"),
        fetch("HTML", Answers.response(200, type("text/html"), policy), CheckIds.POLICY_FETCH_CONTENT_TYPE,
            Check.Severity.ERROR, "'text/html'"),
        fetch("no Content-Type", Answers.response(200, Headers.of(), policy), CheckIds.POLICY_FETCH_CONTENT_TYPE,
            Check.Severity.ERROR, "without a Content-Type"),
        fetch("Latin-1", Answers.response(200, type("text/plain; charset=iso-8859-1"), policy),
            CheckIds.POLICY_FETCH_CONTENT_TYPE, Check.Severity.ERROR, "charset 'iso-8859-1'"),
        fetch("more than 64 KiB", Answers.response(200, type("text/plain"), new byte[PolicyFetcher.MAX_BODY_BYTES],
            true, List.of()), CheckIds.POLICY_FETCH_SIZE, Check.Severity.ERROR, "larger than 64 KiB"),
        fetch("a certificate that expires in 5 days", Answers.response(200, type("text/plain"),
            policy.getBytes(java.nio.charset.StandardCharsets.UTF_8), false,
            Answers.chain(HOST, Answers.NOW.plus(Duration.ofDays(5)))),
            CheckIds.POLICY_FETCH_CERT_EXPIRY, Check.Severity.WARNING, "expires in 5 days"),
        fetch("an expired certificate", Answers.fetchFailure(FetchResult.Failure.CERT_CHAIN, "PKIX failed",
            Answers.chain(HOST, Answers.NOW.minus(Duration.ofDays(1))), new CertificateExpiredException()),
            CheckIds.POLICY_FETCH_CERT_CHAIN, Check.Severity.ERROR, "expired on"),
        fetch("an untrusted certificate", Answers.fetchFailure(FetchResult.Failure.CERT_CHAIN, "PKIX failed",
            Answers.chain(HOST, Answers.NOW.plus(Duration.ofDays(90))), null),
            CheckIds.POLICY_FETCH_CERT_CHAIN, Check.Severity.ERROR, "does not lead to a trusted root"),
        fetch("a certificate for another name", Answers.fetchFailure(FetchResult.Failure.CERT_NAME, "no match",
            Answers.chain("www.example.net", Answers.NOW.plus(Duration.ofDays(90))), null),
            CheckIds.POLICY_FETCH_CERT_NAME, Check.Severity.ERROR, "(it names www.example.net)"),
        fetch("a failed TLS handshake", Answers.fetchFailure(FetchResult.Failure.TLS,
            "the TLS handshake failed: protocol_version", List.of(), null),
            CheckIds.POLICY_FETCH_TLS, Check.Severity.ERROR, "must offer TLS 1.2 or newer"),
        fetch("a host that stops resolving", Answers.fetchFailure(FetchResult.Failure.RESOLVE,
            "mta-sts.example.com: no A or AAAA record", List.of(), null),
            CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR, "does not resolve"),
        fetch("a refused connection", Answers.fetchFailure(FetchResult.Failure.CONNECT, "connection refused",
            List.of(), null), CheckIds.POLICY_FETCH_CONNECT, Check.Severity.ERROR, "connection refused"),
        // RFC 8461 §3.2: the body
        fetch("a body that is no policy", Answers.served("bogus"), CheckIds.POLICY_SYNTAX, Check.Severity.ERROR,
            "no version line"),
        fetch("max_age under a day", Answers.served(policy.replace("604800", "3600")), CheckIds.POLICY_SYNTAX,
            Check.Severity.WARNING, "under one day"),
        fetch("testing mode: information, not a warning", Answers.served(policy.replace("enforce", "testing")),
            CheckIds.POLICY_SYNTAX, Check.Severity.INFO, "mode testing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachOutcomeGivesItsCheck(CheckRow row) {
    row.check();
  }

  @Test
  void theFetchGoesOnOnlyWhenThePolicyHostHasAnAddress() {
    List<Check> checks = new ArrayList<>();
    assertTrue(CHECKS.evaluateHost(HOST, Answers.addresses(HOST, "192.0.2.80"), checks));
    assertEquals(List.of(), checks);
    assertFalse(CHECKS.evaluateHost(HOST, Answers.noSuchHost(HOST), checks));
    assertTrue(host("", Answers.unresolvable(HOST), CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR, "")
        .check().isOperational());
  }

  @Test
  void theServedBodyAndThePolicyAreTheOutcome() {
    List<Check> checks = new ArrayList<>();
    PolicyChecks.Outcome outcome = CHECKS.evaluateFetch(Answers.served(Answers.ENFORCE_POLICY), checks);
    assertEquals(Answers.ENFORCE_POLICY, new String(outcome.body().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(2, outcome.policy().orElseThrow().mx().size());
    // A served body that is no policy is still the served body, for the expectations.
    PolicyChecks.Outcome bogus = CHECKS.evaluateFetch(Answers.served("bogus"), checks);
    assertTrue(bogus.body().isPresent());
    assertTrue(bogus.policy().isEmpty());
    assertEquals(PolicyChecks.Outcome.NONE, CHECKS.evaluateFetch(Answers.response(404, Headers.of(), ""), checks));
  }

  @Test
  void aCertificateThatExpiresSoonTakesThePassAway() {
    List<Check> checks = new ArrayList<>();
    CHECKS.evaluateFetch(Answers.response(200, type("text/plain"),
        Answers.ENFORCE_POLICY.getBytes(java.nio.charset.StandardCharsets.UTF_8), false,
        Answers.chain(HOST, Answers.NOW.plus(Duration.ofDays(5)))), checks);
    assertTrue(checks.stream().noneMatch(c -> c.id().equals(CheckIds.POLICY_FETCH)), checks::toString);
  }
}

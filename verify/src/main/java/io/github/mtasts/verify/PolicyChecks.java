package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;

/** Turns the policy host's address lookup and the HTTPS fetch into checks, and parses the body. */
final class PolicyChecks {
  private final VerifyOptions options;
  private final Instant now;

  PolicyChecks(VerifyOptions options, Instant now) {
    this.options = options;
    this.now = now;
  }

  /** What the policy step produced: the served body (when status 200) and the parsed policy. */
  record Outcome(Optional<byte[]> body, Optional<Policy> policy) {
    static final Outcome NONE = new Outcome(Optional.empty(), Optional.empty());
  }

  /** Adds the checks of the policy host's addresses; true when the fetch can go on. */
  boolean evaluateHost(String host, DnsClient.Addresses addresses, List<Check> checks) {
    if (!addresses.addresses().isEmpty()) {
      return true;
    }
    Check.Builder check = Check.builder(CheckIds.POLICY_HOST_RESOLVE, Check.Severity.ERROR)
        .evidence("host", host)
        .evidence("cname", addresses.aliasChain());
    if (addresses.isOperationalFailure()) {
      check.message("cannot tell whether the policy host resolves: " + addresses.failure()).operational();
    } else {
      // RFC 8461 §3.3: the policy is fetched from the host mta-sts.<domain>.
      check.message("the policy host " + host + " has no A or AAAA record, so senders cannot fetch "
          + "the policy: publish an address (or a CNAME to the web host serving it)");
    }
    checks.add(check.build());
    return false;
  }

  /** Adds the checks of the fetch and of the body's parse. */
  Outcome evaluateFetch(FetchResult fetch, List<Check> checks) {
    Map<String, String> tls = tlsEvidence(fetch);
    if (fetch.failed()) {
      checks.add(fetchFailure(fetch, tls));
      return Outcome.NONE;
    }
    Map<String, String> http = new LinkedHashMap<>();
    http.put("url", fetch.url());
    http.put("status", Integer.toString(fetch.status()));
    fetch.headers().forEach(header -> http.merge(
        "header." + header.getFirst().toLowerCase(Locale.ROOT), header.getSecond(), (a, b) -> a + ", " + b));
    http.putAll(tls);
    int status = fetch.status();
    if (status >= 300 && status < 400) {
      checks.add(Check.builder(CheckIds.POLICY_FETCH_REDIRECT, Check.Severity.ERROR)
          .message("the policy host answers " + status + " (redirect to "
              + Excerpt.quote(String.valueOf(fetch.headers().get("Location")))
              + "); senders do not follow redirects (RFC 8461 §3.3): serve the policy at " + fetch.url()
              + " itself")
          .evidence(http)
          .build());
      return Outcome.NONE;
    }
    if (status != 200) {
      // RFC 8461 §3.3: only a 200 response carries a policy.
      String what = status == 404 ? "no policy is served at " + fetch.url() + " (404)"
          : "the policy host answers " + status + " instead of 200 at " + fetch.url();
      checks.add(Check.builder(CheckIds.POLICY_FETCH_STATUS, Check.Severity.ERROR)
          .message(what + ": senders see no policy; serve the policy file there with status 200")
          .evidence(http)
          .build());
      return Outcome.NONE;
    }
    boolean fine = contentType(fetch, http, checks);
    if (fetch.bodyTooLarge()) {
      checks.add(Check.builder(CheckIds.POLICY_FETCH_SIZE, Check.Severity.ERROR)
          .message("the policy body is larger than " + PolicyFetcher.MAX_BODY_BYTES / 1024
              + " KiB; senders stop reading there (RFC 8461 §3.3) and reject it: serve only the policy")
          .evidence(http)
          .build());
      return Outcome.NONE;
    }
    Optional<Check> expiry = CertificateFacts.expiryWarning(fetch.chain(), now, options.expiryWarning(),
        CheckIds.POLICY_FETCH_CERT_EXPIRY, hostOf(fetch), http);
    expiry.ifPresent(checks::add);
    fine &= expiry.isEmpty();
    if (fine) {
      checks.add(Check.builder(CheckIds.POLICY_FETCH, Check.Severity.PASS)
          .message("fetched " + fetch.url() + " over " + fetch.tlsVersion() + " (" + fetch.body().length + " bytes)")
          .evidence(http)
          .build());
    }
    return new Outcome(Optional.of(fetch.body()), parse(fetch.body(), checks));
  }

  private Optional<Policy> parse(byte[] body, List<Check> checks) {
    ParseResult<Policy> parsed = Policy.parse(body);
    // The core's warnings include its advisories (short max_age, redundant mx, the mode).
    for (Problem problem : parsed.problems()) {
      checks.add(Check.builder(CheckIds.POLICY_SYNTAX, severity(problem))
          .message(problem.message())
          .evidence("field", problem.field())
          .evidence("line", problem.line() == 0 ? null : problem.line())
          .evidence("text", problem.text().isEmpty() ? null : problem.text())
          .build());
    }
    if (parsed.value().isEmpty()) {
      return Optional.empty();
    }
    Policy policy = parsed.value().get();
    checks.add(Check.builder(CheckIds.POLICY, Check.Severity.PASS)
        .message("policy: mode " + policy.mode().token() + ", mx [" + Excerpt.list(policy.mx()) + "], max_age "
            + policy.maxAge())
        .evidence("mode", policy.mode().token())
        .evidence("mx", policy.mx().toString())
        .evidence("max_age", policy.maxAge())
        .build());
    return Optional.of(policy);
  }

  /** The mode is a choice the owner makes knowingly: information, not a warning. */
  private static Check.Severity severity(Problem problem) {
    if (problem.isError()) {
      return Check.Severity.ERROR;
    }
    return problem.field().equals("mode") ? Check.Severity.INFO : Check.Severity.WARNING;
  }

  /** RFC 8461 §3.3: the policy is served as text/plain; only UTF-8 (or its subset US-ASCII). */
  private static boolean contentType(FetchResult fetch, Map<String, String> http, List<Check> checks) {
    String header = fetch.headers().get("Content-Type");
    MediaType type = header == null ? null : MediaType.parse(header);
    String problem = null;
    if (header == null) {
      problem = "the policy is served without a Content-Type";
    } else if (type == null || !type.type().equalsIgnoreCase("text") || !type.subtype().equalsIgnoreCase("plain")) {
      problem = "the policy is served as '" + header + "'";
    } else {
      String charset = type.parameter("charset");
      if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("us-ascii")) {
        problem = "the policy is served in charset '" + charset + "'";
      }
    }
    if (problem == null) {
      return true;
    }
    checks.add(Check.builder(CheckIds.POLICY_FETCH_CONTENT_TYPE, Check.Severity.ERROR)
        .message(problem + "; senders require text/plain (RFC 8461 §3.3): serve it as "
            + "'text/plain' or 'text/plain; charset=utf-8'")
        .evidence(http)
        .build());
    return false;
  }

  private Check fetchFailure(FetchResult fetch, Map<String, String> tls) {
    String id;
    String message;
    switch (fetch.failure()) {
      case CERT_CHAIN:
        id = CheckIds.POLICY_FETCH_CERT_CHAIN;
        // RFC 8461 §3.3: the certificate must chain to a trusted root and be valid now.
        message = "senders reject the policy host's certificate: "
            + CertificateFacts.diagnose(fetch.chainFailure(), fetch.chain(), now);
        break;
      case CERT_NAME:
        id = CheckIds.POLICY_FETCH_CERT_NAME;
        // RFC 8461 §3.3: the certificate must be valid for the policy host name (RFC 6125).
        message = "the policy host's certificate is not valid for " + hostOf(fetch)
            + " (it names " + tls.getOrDefault("certificate.dnsNames", "no DNS name")
            + "): get a certificate with " + hostOf(fetch) + " as a subject alternative name";
        break;
      case TLS:
        id = CheckIds.POLICY_FETCH_TLS;
        message = fetch.failureMessage() + ": the policy host must offer TLS 1.2 or newer";
        break;
      case RESOLVE:
        id = CheckIds.POLICY_HOST_RESOLVE;
        message = "the policy host does not resolve: " + fetch.failureMessage();
        break;
      default:
        id = CheckIds.POLICY_FETCH_CONNECT;
        message = "cannot fetch " + fetch.url() + ": " + fetch.failureMessage();
        break;
    }
    return Check.builder(id, Check.Severity.ERROR).message(message)
        .evidence("url", fetch.url()).evidence(tls).build();
  }

  private static Map<String, String> tlsEvidence(FetchResult fetch) {
    Map<String, String> evidence = new LinkedHashMap<>();
    if (fetch.tlsVersion() != null) {
      evidence.put("tls.version", fetch.tlsVersion());
      evidence.put("tls.cipherSuite", fetch.cipherSuite());
    }
    evidence.putAll(CertificateFacts.evidence(fetch.chain()));
    return evidence;
  }

  private static String hostOf(FetchResult fetch) {
    return okhttp3.HttpUrl.get(fetch.url()).host();
  }
}

package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;

/** Turns the MX records, the policy's patterns and the STARTTLS probes into checks. */
final class MxChecks {
  private final VerifyOptions options;
  private final Instant now;

  MxChecks(VerifyOptions options, Instant now) {
    this.options = options;
    this.now = now;
  }

  /** The MX hosts, by preference; empty for a null MX or none. */
  static List<String> hosts(DnsAnswer mx) {
    return mx.records().stream()
        .filter(r -> r instanceof MXRecord)
        .map(r -> (MXRecord) r)
        .filter(r -> !r.getTarget().equals(Name.root))
        .sorted(Comparator.comparingInt(MXRecord::getPriority).thenComparing(r -> r.getTarget().toString()))
        .map(r -> DnsAnswer.hostName(r.getTarget()))
        .distinct()
        .collect(Collectors.toList());
  }

  /** Adds the checks of the MX lookup. */
  void evaluateLookup(String domain, DnsAnswer mx, List<Check> checks) {
    if (mx.status() == DnsAnswer.Status.OPERATIONAL_FAILURE) {
      checks.add(Check.builder(CheckIds.MX_LOOKUP, Check.Severity.ERROR)
          .message("cannot tell which MX hosts receive mail: " + mx.failure())
          .evidence("question", mx.question())
          .operational()
          .build());
      return;
    }
    if (mx.status() == DnsAnswer.Status.NO_SUCH_DOMAIN) {
      checks.add(Check.builder(CheckIds.MX_MISSING, Check.Severity.WARNING)
          .message(domain + " does not exist (NXDOMAIN): it receives no mail; check the spelling")
          .evidence("question", mx.question())
          .build());
      return;
    }
    if (!mx.isFound()) {
      String why = mx.status() == DnsAnswer.Status.NO_DATA ? domain + " has no MX record" : mx.failure();
      checks.add(Check.builder(CheckIds.MX_MISSING, Check.Severity.WARNING)
          .message(why + ": senders fall back to the domain's own address (RFC 5321 §5.1), which "
              + "an MTA-STS policy can only cover by naming " + domain + "; publish MX records")
          .evidence("question", mx.question())
          .build());
      return;
    }
    String records = mx.records().stream().map(r -> r.rdataToString()).collect(Collectors.joining(", "));
    if (hosts(mx).isEmpty()) {
      // RFC 7505: a single MX of preference 0 and target "." says the domain takes no mail.
      checks.add(Check.builder(CheckIds.MX_NULL, Check.Severity.INFO)
          .message(domain + " publishes a null MX (RFC 7505): it accepts no mail, so no MX is probed")
          .evidence("records", records)
          .build());
      return;
    }
    checks.add(Check.builder(CheckIds.MX, Check.Severity.PASS)
        .message(domain + " receives mail at " + String.join(", ", hosts(mx)))
        .evidence("records", records)
        .evidence("cname", mx.aliasChain())
        .build());
  }

  /**
   * RFC 8461 §4.1: every MX host must match a pattern; every named pattern should be an MX. Costs
   * a few lookups per host and one pass over the patterns, of which a hostile 64 KiB policy has
   * thousands; messages and evidence name at most {@link Excerpt#list} of them, and of the
   * patterns that name no MX the first {@link ParseResult#MAX_PER_KIND} get a warning each and the
   * others one together.
   */
  void evaluateCoverage(List<String> hosts, Policy policy, List<Check> checks) {
    Optional<Mode> mode = Optional.of(policy.mode());
    String patterns = "[" + Excerpt.list(policy.mx()) + "]";
    Set<MxPattern> used = new HashSet<>();
    Set<String> wildcards = null;
    for (String host : hosts) {
      List<MxPattern> covering = policy.patternsCovering(host);
      used.addAll(covering);
      if (!covering.isEmpty()) {
        checks.add(Check.builder(CheckIds.MX_COVERAGE, Check.Severity.PASS)
            .message("MX " + host + " matches the policy's mx pattern " + covering.get(0))
            .evidence("mx", host)
            .evidence("pattern", covering.get(0))
            .build());
        continue;
      }
      if (wildcards == null) {
        wildcards = policy.mx().stream().filter(MxPattern::isWildcard).map(MxPattern::toString)
            .collect(Collectors.toSet());
      }
      checks.add(Check.builder(CheckIds.MX_COVERAGE, Enforcement.forFailure(mode))
          .message("MX " + host + " matches no mx pattern of the policy " + patterns + hint(host, wildcards)
              + "; " + Enforcement.consequence(mode) + ": add 'mx: " + host + "' to the policy")
          .evidence("mx", host)
          .evidence("patterns", patterns)
          .build());
    }
    List<MxPattern> unused = policy.mx().stream().filter(p -> !p.isWildcard() && !used.contains(p)).toList();
    for (MxPattern pattern : unused.subList(0, Math.min(unused.size(), ParseResult.MAX_PER_KIND))) {
      checks.add(Check.builder(CheckIds.MX_COVERAGE_UNUSED, Check.Severity.WARNING)
          .message("the policy names mx " + pattern + ", which is not an MX host of the domain: remove it, "
              + "or publish it as an MX if it should receive mail")
          .evidence("pattern", pattern)
          .evidence("mxHosts", hosts)
          .build());
    }
    if (unused.size() > ParseResult.MAX_PER_KIND) {
      List<MxPattern> rest = unused.subList(ParseResult.MAX_PER_KIND, unused.size());
      checks.add(Check.builder(CheckIds.MX_COVERAGE_UNUSED, Check.Severity.WARNING)
          .message(Excerpt.count(rest.size()) + " more mx patterns of the policy name no MX "
              + "host of the domain (" + Excerpt.list(rest) + "): remove them, or publish them as MX hosts")
          .evidence("patterns", "[" + Excerpt.list(rest) + "]")
          .evidence("mxHosts", hosts)
          .build());
    }
  }

  /**
   * Explains the most common miss: a wildcard stands for exactly one label. Looks up the wildcard
   * over each of the host's parent domains, nearest first.
   */
  private static String hint(String host, Set<String> wildcards) {
    for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      String pattern = "*" + host.substring(dot);
      if (wildcards.contains(pattern)) {
        return " (" + pattern + " covers one label only, not " + host + ", RFC 8461 §4.1)";
      }
    }
    return "";
  }

  /** Adds the checks of an MX host's addresses; returns them. */
  List<java.net.InetAddress> evaluateAddresses(DnsClient.Addresses addresses, List<Check> checks) {
    if (!addresses.addresses().isEmpty()) {
      return addresses.addresses();
    }
    Check.Builder check = Check.builder(CheckIds.MX_RESOLVE, Check.Severity.ERROR)
        .evidence("mx", addresses.host())
        .evidence("cname", addresses.aliasChain());
    if (addresses.isOperationalFailure()) {
      check.message("cannot tell where MX " + addresses.host() + " is: " + addresses.failure()).operational();
    } else {
      check.message("MX " + addresses.host() + " has no A or AAAA record, so nobody can deliver to it: "
          + "publish its address or remove the MX record");
    }
    checks.add(check.build());
    return List.of();
  }

  /**
   * Says that the MX hosts were not probed: with scope {@link Scope#POLICY_AND_RECORDS} nothing
   * shows whether they offer STARTTLS with a certificate senders accept (RFC 8461 §4.2).
   */
  void evaluateNotProbed(List<String> hosts, List<Check> checks) {
    checks.add(Check.builder(CheckIds.MX_TLS_NOT_PROBED, Check.Severity.INFO)
        .message("STARTTLS of " + Excerpt.list(hosts) + " was not checked (scope "
            + Scope.POLICY_AND_RECORDS.word() + "): verify it with scope " + Scope.ALL.word()
            + " from a network that reaches port 25")
        .evidence("mx", Excerpt.list(hosts))
        .build());
  }

  /** Adds the checks of one STARTTLS probe (RFC 8461 §4.2). */
  void evaluateProbe(ProbeResult probe, Optional<Mode> mode, List<Check> checks) {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("mx", probe.mxHost());
    evidence.put("address", probe.address().getHostAddress());
    evidence.put("port", Integer.toString(probe.port()));
    if (probe.banner() != null) {
      evidence.put("banner", probe.banner());
    }
    if (!probe.ehloKeywords().isEmpty()) {
      evidence.put("ehlo", String.join(" ", probe.ehloKeywords()));
    }
    Check.Severity failure = Enforcement.forFailure(mode);
    String consequence = Enforcement.consequence(mode);
    if (!probe.handshakeDone()) {
      String id;
      Check.Severity severity = failure;
      String message;
      switch (probe.failedAt()) {
        case NO_ROUTE:
          id = CheckIds.MX_TLS_NO_ROUTE;
          severity = Check.Severity.INFO;
          message = "not tested: this machine has no route to " + probe.target() + " (" + probe.failure() + ")";
          break;
        case CONNECT:
          id = CheckIds.MX_TLS_CONNECT;
          message = "cannot connect to " + probe.target() + ": " + probe.failure() + "; " + consequence
              + " (if this network blocks outgoing port 25, verify from one that does not)";
          break;
        case STARTTLS_NOT_OFFERED:
        case STARTTLS_REFUSED:
          id = CheckIds.MX_TLS_STARTTLS;
          // RFC 8461 §4.2 and RFC 3207: a policy-compliant MX accepts STARTTLS.
          message = probe.target() + ": " + probe.failure() + "; " + consequence + ": enable STARTTLS";
          break;
        case HANDSHAKE:
          id = CheckIds.MX_TLS_HANDSHAKE;
          message = probe.target() + ": the TLS handshake after STARTTLS failed (" + probe.failure() + "); "
              + consequence + ": offer TLS 1.2 or newer with a valid certificate";
          break;
        default:
          id = CheckIds.MX_TLS_SMTP;
          message = probe.target() + ": the SMTP dialogue failed (" + probe.failure() + "); " + consequence;
          break;
      }
      checks.add(Check.builder(id, severity).message(message).evidence(evidence).build());
      return;
    }
    evidence.put("tls.version", probe.tlsVersion());
    evidence.put("tls.cipherSuite", probe.cipherSuite());
    evidence.putAll(CertificateFacts.evidence(probe.chain()));
    evidence.put("quit", probe.quitReply());
    List<Check> problems = new ArrayList<>();
    if (probe.chainFailure() != null) {
      // RFC 8461 §4.2: the certificate must chain to a trusted root and not be expired.
      problems.add(Check.builder(CheckIds.MX_TLS_CERT_CHAIN, failure)
          .message(probe.target() + ": " + CertificateFacts.diagnose(probe.chainFailure(), probe.chain(), now)
              + "; " + consequence)
          .evidence(evidence)
          .build());
    }
    if (!probe.nameMatches()) {
      // RFC 8461 §4.2: the certificate must have a DNS-ID matching the MX host (RFC 6125).
      problems.add(Check.builder(CheckIds.MX_TLS_CERT_NAME, failure)
          .message(probe.target() + ": the certificate is not valid for " + probe.mxHost() + " (it names "
              + (evidence.getOrDefault("certificate.dnsNames", "").isEmpty() ? "no DNS name"
                  : evidence.get("certificate.dnsNames"))
              + "); " + consequence + ": get a certificate with " + probe.mxHost()
              + " as a subject alternative name")
          .evidence(evidence)
          .build());
    }
    CertificateFacts.expiryWarning(probe.chain(), now, options.expiryWarning(), CheckIds.MX_TLS_CERT_EXPIRY,
        probe.mxHost(), evidence).ifPresent(problems::add);
    if (problems.isEmpty()) {
      checks.add(Check.builder(CheckIds.MX_TLS, Check.Severity.PASS)
          .message(probe.target() + ": STARTTLS, " + probe.tlsVersion() + ", certificate valid for "
              + probe.mxHost() + " until " + probe.chain().get(0).getNotAfter().toInstant())
          .evidence(evidence)
          .build());
    }
    checks.addAll(problems);
  }
}

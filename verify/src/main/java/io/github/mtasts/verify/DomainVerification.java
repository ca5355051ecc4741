package io.github.mtasts.verify;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.StsRecord;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.xbill.DNS.Type;

/**
 * One verification of one domain. The independent chains start at once and run in parallel:
 * the {@code _mta-sts} and {@code _smtp._tls} TXT lookups, the policy host's address lookup
 * followed by the HTTPS fetch, and the MX lookup followed, per MX host, by its address lookups
 * and, per address, a STARTTLS probe ({@link #PROBES_AT_ONCE} at a time; a probe another
 * domain of the run already made is reused, see {@link VerifyRun}). Checks are then assembled
 * in a fixed order, whatever finished first.
 */
final class DomainVerification {
  /**
   * At most this many STARTTLS probes of one domain run at once: a domain with hundreds of MX
   * addresses that never answer holds this many threads and sockets, not one per address.
   */
  static final int PROBES_AT_ONCE = 8;

  private final String domain;
  private final VerifyOptions options;
  private final VerifyRun run;
  private final DnsClient dns;
  private final AsyncLimit probesAtOnce = new AsyncLimit(PROBES_AT_ONCE);
  private final Instant now = Instant.now();

  DomainVerification(String domain, VerifyOptions options, VerifyRun run) {
    this.domain = domain;
    this.options = options;
    this.run = run;
    this.dns = run.dnsFor();
  }

  /** A probe of one MX host: its addresses, and one STARTTLS probe per address. */
  private record MxHostProbe(DnsClient.Addresses addresses, List<ProbeResult> probes) {}

  Report run() {
    long start = System.nanoTime();
    boolean records = options.scope().checksRecords();
    boolean probe = options.scope().probesMx();
    String policyHost = "mta-sts." + domain;

    // RFC 8461 §3.1: the TXT record; §3.3: the policy host; RFC 8460 §3: the TLS-RPT record.
    CompletableFuture<DnsAnswer> sts = records ? dns.lookup("_mta-sts." + domain, Type.TXT) : null;
    CompletableFuture<DnsAnswer> tlsRpt = records ? dns.lookup("_smtp._tls." + domain, Type.TXT) : null;
    CompletableFuture<DnsClient.Addresses> hostAddresses = dns.addresses(policyHost);
    CompletableFuture<FetchResult> fetch = hostAddresses.thenApplyAsync(
        addresses -> addresses.addresses().isEmpty() ? null : run.fetcher().fetch(domain, new DnsjavaDns(dns)),
        run.io());
    // RFC 8461 §4: every MX host, every address.
    CompletableFuture<DnsAnswer> mx = records ? dns.lookup(domain, Type.MX) : null;
    CompletableFuture<List<MxHostProbe>> probes = probe ? mx.thenCompose(this::probeAll) : null;

    CompletableFuture.allOf(nonNull(sts, tlsRpt, fetch, mx, probes)).join();

    List<Check> checks = new ArrayList<>();
    Optional<StsRecord> stsRecord = Optional.empty();
    if (records) {
      stsRecord = TxtRecordChecks.sts(domain).evaluate(sts.join(), checks);
    }

    PolicyChecks policyChecks = new PolicyChecks(options, now);
    PolicyChecks.Outcome policy = PolicyChecks.Outcome.NONE;
    if (policyChecks.evaluateHost(policyHost, hostAddresses.join(), checks)) {
      policy = policyChecks.evaluateFetch(fetch.join(), checks);
    }

    Optional<String> publishedId = stsRecord.map(r -> r.id().value());
    Optional<PolicyState> observed = policy.body().map(body -> new PolicyState(publishedId, sha256(body)));
    ExpectationChecks expectations = new ExpectationChecks(options);
    expectations.evaluateBody(policy.body(), checks);
    expectations.evaluateId(publishedId, checks);
    expectations.evaluateStaleness(domain, observed, checks);

    if (records) {
      Optional<Mode> mode = policy.policy().map(Policy::mode);
      MxChecks mxChecks = new MxChecks(options, now);
      mxChecks.evaluateLookup(domain, mx.join(), checks);
      List<String> hosts = MxChecks.hosts(mx.join());
      policy.policy().ifPresent(p -> {
        if (!hosts.isEmpty()) {
          mxChecks.evaluateCoverage(hosts, p, checks);
        }
      });
      if (probe) {
        for (MxHostProbe host : probes.join()) {
          mxChecks.evaluateAddresses(host.addresses(), checks);
          host.probes().forEach(result -> mxChecks.evaluateProbe(result, mode, checks));
        }
      } else if (!hosts.isEmpty()) {
        mxChecks.evaluateNotProbed(hosts, checks);
      }
      TxtRecordChecks.tlsRpt(domain).evaluate(tlsRpt.join(), checks);
    }
    return new Report(domain, options.scope(), checks, Duration.ofNanos(System.nanoTime() - start), observed);
  }

  private CompletableFuture<List<MxHostProbe>> probeAll(DnsAnswer mx) {
    List<CompletableFuture<MxHostProbe>> hosts = new ArrayList<>();
    for (String host : MxChecks.hosts(mx)) {
      hosts.add(dns.addresses(host).thenCompose(addresses -> {
        List<CompletableFuture<ProbeResult>> results = new ArrayList<>();
        for (InetAddress address : addresses.addresses()) {
          results.add(probesAtOnce.run(() -> run.probe(host, address)));
        }
        return CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0]))
            .thenApply(done -> new MxHostProbe(addresses, results.stream().map(CompletableFuture::join).toList()));
      }));
    }
    return CompletableFuture.allOf(hosts.toArray(new CompletableFuture<?>[0]))
        .thenApply(done -> hosts.stream().map(CompletableFuture::join).toList());
  }

  private static CompletableFuture<?>[] nonNull(CompletableFuture<?>... futures) {
    return java.util.Arrays.stream(futures).filter(java.util.Objects::nonNull).toArray(CompletableFuture<?>[]::new);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

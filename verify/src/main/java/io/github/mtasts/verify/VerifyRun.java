package io.github.mtasts.verify;

import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * What the verifications of one run share: one call of {@link Verifier#verify} or of {@link
 * Verifier#verifyAll}. Its DNS answers (within their TTL), and its STARTTLS probes: each MX host
 * at each address is probed once per run, however many domains name it, since the verdict does
 * not depend on which domain asked (the certificate must match the MX host name, RFC 8461
 * §4.1, §4.2). Nothing outlives the run, so a later run sees fresh answers and servers.
 */
final class VerifyRun {
  private final RunDns dns;
  private final PolicyFetcher fetcher;
  private final SmtpProbe probe;
  private final Executor io;
  private final ConcurrentMap<ProbeKey, CompletableFuture<ProbeResult>> probes = new ConcurrentHashMap<>();

  /** An MX host at one address: what one probe answers for. */
  private record ProbeKey(String host, InetAddress address) {}

  VerifyRun(RunDns dns, PolicyFetcher fetcher, SmtpProbe probe, Executor io) {
    this.dns = dns;
    this.fetcher = fetcher;
    this.probe = probe;
    this.io = io;
  }

  /** A fresh DNS view of one domain, over the run's shared answers. */
  DnsClient dnsFor() {
    return new DnsClient(dns);
  }

  PolicyFetcher fetcher() {
    return fetcher;
  }

  /** The executor of blocking network work (fetches and probes), bounded by the verifier. */
  Executor io() {
    return io;
  }

  /** The STARTTLS probe of {@code host} at {@code address}: started by the first asker, shared after. */
  CompletableFuture<ProbeResult> probe(String host, InetAddress address) {
    ProbeKey key = new ProbeKey(host.toLowerCase(Locale.ROOT), address);
    CompletableFuture<ProbeResult> known = probes.get(key);
    return known != null ? known
        : probes.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> probe.probe(host, address), io));
  }
}

package io.github.mtasts.verify;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The DNS of one verification: every lookup goes through the run's {@link RunDns} (one
 * resolver, CNAMEs followed, each query bounded by the DNS timeout) and is asked only once, so
 * every check of the domain sees the same answer (the HTTPS client's address lookup of the
 * policy host reuses the verifier's own). Lookups are asynchronous, so independent ones run in
 * parallel.
 */
final class DnsClient {
  private final RunDns run;
  private final ConcurrentMap<String, CompletableFuture<DnsAnswer>> answers = new ConcurrentHashMap<>();

  /**
   * @param run the DNS of the run this verification belongs to
   */
  DnsClient(RunDns run) {
    this.run = run;
  }

  /** How messages name the resolver. */
  String resolverName() {
    return run.resolverName();
  }

  /** Looks up records of one type; never completes exceptionally. */
  CompletableFuture<DnsAnswer> lookup(String name, int type) {
    CompletableFuture<DnsAnswer> known = answers.get(name + "/" + type);
    return known != null ? known : answers.computeIfAbsent(name + "/" + type, key -> run.lookup(name, type));
  }

  /** Looks up A and AAAA in parallel (RFC 5321 §5.1: either may carry the host's addresses). */
  CompletableFuture<Addresses> addresses(String host) {
    CompletableFuture<DnsAnswer> a = lookup(host, Type.A);
    CompletableFuture<DnsAnswer> aaaa = lookup(host, Type.AAAA);
    return a.thenCombine(aaaa, (v4, v6) -> Addresses.of(host, v4, v6));
  }

  /** The addresses of one host from its A and AAAA answers. */
  record Addresses(String host, DnsAnswer v4, DnsAnswer v6, List<InetAddress> addresses) {
    static Addresses of(String host, DnsAnswer v4, DnsAnswer v6) {
      Set<InetAddress> all = new LinkedHashSet<>();
      for (Record r : v4.records()) {
        if (r instanceof ARecord) {
          all.add(((ARecord) r).getAddress());
        }
      }
      for (Record r : v6.records()) {
        if (r instanceof AAAARecord) {
          all.add(((AAAARecord) r).getAddress());
        }
      }
      return new Addresses(host, v4, v6, List.copyOf(new ArrayList<>(all)));
    }

    /** The first failure message when no address was found and a lookup failed; else null. */
    String failure() {
      if (!addresses.isEmpty()) {
        return null;
      }
      return v4.failure() != null ? v4.failure() : v6.failure();
    }

    /** True when there is no address because the resolver failed, not because there is none. */
    boolean isOperationalFailure() {
      return addresses.isEmpty()
          && (v4.status() == DnsAnswer.Status.OPERATIONAL_FAILURE
              || v6.status() == DnsAnswer.Status.OPERATIONAL_FAILURE);
    }

    /** The CNAME chain that led to the addresses, or null. */
    String aliasChain() {
      return v4.aliasChain() != null ? v4.aliasChain() : v6.aliasChain();
    }
  }
}

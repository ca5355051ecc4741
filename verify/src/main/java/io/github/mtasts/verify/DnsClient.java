package io.github.mtasts.verify;

import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.RedirectLoopException;
import org.xbill.DNS.lookup.RedirectOverflowException;
import org.xbill.DNS.lookup.ServerFailedException;

/**
 * The DNS of one verification: every lookup goes to one resolver, follows CNAMEs, is bounded by
 * the DNS timeout, and is asked only once (the HTTPS client's address lookup of the policy host
 * reuses the verifier's own). Lookups are asynchronous, so independent ones run in parallel.
 */
final class DnsClient {
  private final LookupSession session;
  private final Duration timeout;
  private final String resolverName;
  private final ConcurrentMap<String, CompletableFuture<DnsAnswer>> answers = new ConcurrentHashMap<>();

  /**
   * @param resolver the resolver, its own per-query timeout already set
   * @param resolverName how messages name the resolver ("resolver 127.0.0.1:53")
   * @param timeout the bound of one lookup, CNAMEs included
   */
  DnsClient(Resolver resolver, String resolverName, Duration timeout) {
    // No search path and no hosts file: names are absolute, as a sending MTA looks them up.
    this.session = LookupSession.builder().resolver(resolver).clearSearchPath().build();
    this.timeout = timeout;
    this.resolverName = resolverName;
  }

  /** How messages name the resolver. */
  String resolverName() {
    return resolverName;
  }

  /** Looks up records of one type; never completes exceptionally. */
  CompletableFuture<DnsAnswer> lookup(String name, int type) {
    return answers.computeIfAbsent(name + "/" + type, key -> query(name, type));
  }

  /** Looks up A and AAAA in parallel (RFC 5321 §5.1: either may carry the host's addresses). */
  CompletableFuture<Addresses> addresses(String host) {
    CompletableFuture<DnsAnswer> a = lookup(host, Type.A);
    CompletableFuture<DnsAnswer> aaaa = lookup(host, Type.AAAA);
    return a.thenCombine(aaaa, (v4, v6) -> Addresses.of(host, v4, v6));
  }

  private CompletableFuture<DnsAnswer> query(String name, int type) {
    Name absolute;
    try {
      absolute = Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      return CompletableFuture.completedFuture(
          DnsAnswer.failed(name, type, DnsAnswer.Status.BAD_DATA, "'" + name + "' is not a domain name"));
    }
    return session.lookupAsync(absolute, type, DClass.IN)
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((result, error) -> {
          if (error != null) {
            return classify(name, type, unwrap(error));
          }
          // An answer without records of the type (NODATA with the SOA in authority) can come
          // back as an empty result rather than an exception.
          if (result.getRecords().stream().noneMatch(r -> r.getType() == type)) {
            return DnsAnswer.absent(name, type, DnsAnswer.Status.NO_DATA);
          }
          return DnsAnswer.found(name, type, result.getRecords(), result.getAliases());
        });
  }

  private DnsAnswer classify(String name, int type, Throwable error) {
    if (error instanceof NoSuchDomainException) {
      return DnsAnswer.absent(name, type, DnsAnswer.Status.NO_SUCH_DOMAIN);
    }
    if (error instanceof NoSuchRRSetException) {
      return DnsAnswer.absent(name, type, DnsAnswer.Status.NO_DATA);
    }
    if (error instanceof RedirectLoopException || error instanceof RedirectOverflowException) {
      return DnsAnswer.failed(name, type, DnsAnswer.Status.BAD_DATA,
          "the CNAME chain of " + name + " loops or is too long");
    }
    String what = Type.string(type) + " lookup of " + name + " at " + resolverName;
    String reason;
    if (error instanceof ServerFailedException) {
      reason = "the resolver answered SERVFAIL";
    } else if (error instanceof TimeoutException || error instanceof java.net.SocketTimeoutException) {
      reason = "no answer within " + timeout.toMillis() + " ms";
    } else if (error instanceof PortUnreachableException) {
      reason = "nothing listens there (port unreachable)";
    } else {
      reason = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }
    return DnsAnswer.failed(name, type, DnsAnswer.Status.OPERATIONAL_FAILURE, what + " failed: " + reason);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
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

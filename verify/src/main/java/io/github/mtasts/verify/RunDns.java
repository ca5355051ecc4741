package io.github.mtasts.verify;

import java.net.PortUnreachableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
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
 * The DNS of one run (one domain, or a fleet): every lookup goes to one resolver and follows
 * CNAMEs; answers are cached for the run within their TTL (RFC 1035 §3.2.1; negative answers
 * within the SOA minimum, RFC 2308 §5), and a question already on its way is not asked again,
 * so the MX hosts a fleet's domains share are looked up once. Failures are never cached: the
 * next domain asks again. Lookups are asynchronous, so independent ones run in parallel.
 */
final class RunDns {
  private final LookupSession session;
  private final String resolverName;
  private final long timeoutMillis;
  private final ConcurrentMap<String, CompletableFuture<DnsAnswer>> inFlight = new ConcurrentHashMap<>();

  /**
   * @param resolver the resolver; it bounds each query by the DNS timeout
   * @param resolverName how messages name the resolver ("resolver 127.0.0.1:53")
   * @param timeoutMillis the DNS timeout, for messages
   * @param executor runs the handling of answers; not the common pool, which on a machine of
   *     two cores makes CompletableFuture start a thread per answer
   */
  RunDns(Resolver resolver, String resolverName, long timeoutMillis, Executor executor) {
    // No search path and no hosts file: names are absolute, as a sending MTA looks them up.
    this.session = LookupSession.builder().resolver(resolver).cache(new Cache(DClass.IN)).clearSearchPath()
        .executor(executor).build();
    this.resolverName = resolverName;
    this.timeoutMillis = timeoutMillis;
  }

  /** How messages name the resolver. */
  String resolverName() {
    return resolverName;
  }

  /** Looks up records of one type; never completes exceptionally. */
  CompletableFuture<DnsAnswer> lookup(String name, int type) {
    String key = name + "/" + type;
    CompletableFuture<DnsAnswer> pending = inFlight.get(key);
    if (pending != null) {
      return pending;
    }
    CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
    pending = inFlight.putIfAbsent(key, mine);
    if (pending != null) {
      return pending;
    }
    // Removed when answered: later askers get the cache's copy while the TTL lasts.
    query(name, type).whenComplete((answer, error) -> {
      inFlight.remove(key, mine);
      mine.complete(answer);
    });
    return mine;
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
      reason = "no answer within " + timeoutMillis + " ms";
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
}

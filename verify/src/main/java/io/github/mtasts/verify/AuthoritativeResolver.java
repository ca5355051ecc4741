package io.github.mtasts.verify;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executor;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * A resolver that sends each query to the authoritative name servers of the zone holding the
 * name, instead of to a caching resolver: right after a deployment, a cache (including its
 * negative cache, RFC 2308) may still hold the answer from before the change for up to its TTL,
 * and a verification must see what the zone says now.
 *
 * <p>The zone's name servers are found through a bootstrap resolver (the system's, or a
 * configured one): it is asked for the NS records of the name, then of each parent, until an
 * NS set whose owner encloses the name turns up, in the answer (a recursive bootstrap) or as a
 * referral in the authority section (an authoritative bootstrap of a parent zone). Glue in the
 * additional section gives the servers' addresses; otherwise the bootstrap looks them up.
 * CNAMEs are followed by the caller (dnsjava's {@code LookupSession}), one query per name, so
 * an alias into another zone is asked of that zone's servers.
 */
public final class AuthoritativeResolver implements Resolver {

  private static final int DNS_PORT = 53;

  private final Resolver bootstrap;
  private final int port;
  private final AsyncLimit outstanding;
  private volatile Duration timeout = ExtendedResolver.DEFAULT_TIMEOUT;
  private final ConcurrentMap<Name, CompletableFuture<Resolver>> serversByName = new ConcurrentHashMap<>();

  /**
   * A resolver that finds name servers through {@code bootstrap} and asks them on port 53.
   *
   * @param bootstrap the resolver that answers NS and address queries
   */
  public AuthoritativeResolver(Resolver bootstrap) {
    this(bootstrap, DNS_PORT);
  }

  /**
   * A resolver that asks the name servers it finds on another port, for laboratories whose
   * name servers listen on a port other than 53 (NS records cannot name a port).
   *
   * @param bootstrap the resolver that answers NS and address queries
   * @param port the port of every authoritative server
   */
  AuthoritativeResolver(Resolver bootstrap, int port) {
    this(bootstrap, port, new AsyncLimit(Verifier.QUERIES_OUTSTANDING));
  }

  /**
   * A resolver for a verifier: the queries to the zones' servers are retransmitted and paced
   * with the verifier's other queries.
   *
   * @param bootstrap the resolver that answers NS and address queries
   * @param timeout the time one query may take, retransmissions included
   * @param outstanding the verifier's limit of queries outstanding at once
   */
  AuthoritativeResolver(Resolver bootstrap, Duration timeout, AsyncLimit outstanding) {
    this(bootstrap, DNS_PORT, outstanding);
    setTimeout(timeout);
  }

  private AuthoritativeResolver(Resolver bootstrap, int port, AsyncLimit outstanding) {
    this.bootstrap = bootstrap;
    this.port = port;
    this.outstanding = outstanding;
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query) {
    return sendAsync(query, ForkJoinPool.commonPool());
  }

  @Override
  public CompletionStage<Message> sendAsync(Message query, Executor executor) {
    Name name = query.getQuestion().getName();
    CompletableFuture<Resolver> servers = serversByName.computeIfAbsent(name, n -> findServers(n, n, executor));
    // A failed discovery (a bootstrap timeout) is not kept: the next query tries again.
    servers.whenComplete((found, error) -> {
      if (error != null) {
        serversByName.remove(name, servers);
      }
    });
    return servers.thenCompose(found -> found.sendAsync(query, executor));
  }

  /** Asks the bootstrap for the NS records of {@code candidate}, then of its parents. */
  private CompletableFuture<Resolver> findServers(Name name, Name candidate, Executor executor) {
    Message query = Message.newQuery(Record.newRecord(candidate, Type.NS, DClass.IN));
    return bootstrap.sendAsync(query, executor).toCompletableFuture().thenCompose(response -> {
      Optional<Map.Entry<Name, List<Name>>> zone = enclosingNameServers(response, name);
      if (zone.isPresent()) {
        return serversAt(zone.get().getKey(), zone.get().getValue(), response, executor);
      }
      if (candidate.labels() <= 1) {
        return CompletableFuture.failedFuture(new IOException("no name servers found for " + name));
      }
      return findServers(name, new Name(candidate, 1), executor);
    });
  }

  /** The NS set in the answer or authority section whose owner is closest to {@code name}. */
  private static Optional<Map.Entry<Name, List<Name>>> enclosingNameServers(Message response, Name name) {
    Map<Name, List<Name>> byOwner = new LinkedHashMap<>();
    for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
      for (Record record : response.getSection(section)) {
        if (record instanceof NSRecord ns && name.subdomain(ns.getName())) {
          byOwner.computeIfAbsent(ns.getName(), owner -> new ArrayList<>()).add(ns.getTarget());
        }
      }
    }
    return byOwner.entrySet().stream().max(Comparator.comparingInt(entry -> entry.getKey().labels()));
  }

  /** A resolver over the addresses of a zone's name servers, from glue or the bootstrap. */
  private CompletableFuture<Resolver> serversAt(Name zone, List<Name> nameServers, Message response, Executor executor) {
    List<CompletableFuture<List<InetAddress>>> lookups = new ArrayList<>();
    for (Name server : nameServers) {
      List<InetAddress> glue = glue(response, server);
      lookups.add(glue.isEmpty() ? addresses(server, executor) : CompletableFuture.completedFuture(glue));
    }
    return CompletableFuture.allOf(lookups.toArray(new CompletableFuture<?>[0])).thenCompose(done -> {
      Set<InetAddress> addresses = new LinkedHashSet<>();
      lookups.forEach(lookup -> addresses.addAll(lookup.join()));
      if (addresses.isEmpty()) {
        return CompletableFuture.failedFuture(
            new IOException("the name servers of " + zone + " " + nameServers + " have no address"));
      }
      // IPv4 first: a machine without an IPv6 route would otherwise wait for every timeout.
      List<InetSocketAddress> servers = addresses.stream()
          .sorted(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1))
          .map(address -> new InetSocketAddress(address, port))
          .toList();
      Resolver resolver = new RetransmittingResolver(servers, timeout, outstanding);
      return CompletableFuture.completedFuture(resolver);
    });
  }

  private static List<InetAddress> glue(Message response, Name server) {
    List<InetAddress> addresses = new ArrayList<>();
    for (Record record : response.getSection(Section.ADDITIONAL)) {
      if (record.getName().equals(server)) {
        if (record instanceof ARecord a) {
          addresses.add(a.getAddress());
        } else if (record instanceof AAAARecord aaaa) {
          addresses.add(aaaa.getAddress());
        }
      }
    }
    return addresses;
  }

  /** The A and AAAA addresses of a name server, from the bootstrap; empty when it has none. */
  private CompletableFuture<List<InetAddress>> addresses(Name server, Executor executor) {
    CompletableFuture<List<InetAddress>> v4 = lookup(server, Type.A, executor);
    CompletableFuture<List<InetAddress>> v6 = lookup(server, Type.AAAA, executor);
    return v4.thenCombine(v6, (a, aaaa) -> {
      List<InetAddress> all = new ArrayList<>(a);
      all.addAll(aaaa);
      return all;
    });
  }

  private CompletableFuture<List<InetAddress>> lookup(Name server, int type, Executor executor) {
    Message query = Message.newQuery(Record.newRecord(server, type, DClass.IN));
    return bootstrap.sendAsync(query, executor).toCompletableFuture()
        .thenApply(response -> glue(answerAsAdditional(response), server))
        .exceptionally(error -> List.of());
  }

  /** The answer section seen as glue, so one reader extracts addresses from both. */
  private static Message answerAsAdditional(Message response) {
    Message copy = new Message();
    response.getSection(Section.ANSWER).forEach(record -> copy.addRecord(record, Section.ADDITIONAL));
    return copy;
  }

  @Override
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
    bootstrap.setTimeout(timeout);
  }

  @Override
  public Duration getTimeout() {
    return timeout;
  }

  /** The port is the one this resolver was built with (53 in production). */
  @Override
  public void setPort(int port) {
    throw new UnsupportedOperationException("the port of authoritative servers is fixed: " + this.port);
  }

  @Override
  public void setTCP(boolean tcp) {
    throw new UnsupportedOperationException("each authoritative server chooses UDP or TCP by truncation");
  }

  @Override
  public void setIgnoreTruncation(boolean ignore) {
    throw new UnsupportedOperationException("truncated answers are always retried over TCP");
  }

  @Override
  public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    throw new UnsupportedOperationException("EDNS settings are those of dnsjava's defaults");
  }

  @Override
  public void setTSIGKey(TSIG key) {
    throw new UnsupportedOperationException("authoritative servers of arbitrary zones share no TSIG key");
  }

  @Override
  public String toString() {
    return "authoritative name servers (found through " + bootstrap + ")";
  }
}

package io.github.mtasts.verify;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Type;

/**
 * Verifies mail domains' MTA-STS and TLS-RPT deployments live, as a sending MTA sees them (see
 * the package documentation). Thread-safe; create one per set of options and close it when done.
 *
 * <pre>{@code
 * try (Verifier verifier = Verifier.create(VerifyOptions.defaults())) {
 *   Report report = verifier.verify("example.com");
 *   if (report.hasErrors()) { ... }
 * }
 * }</pre>
 */
public final class Verifier implements AutoCloseable {
  /**
   * At most this many DNS queries are outstanding at once: a burst of a thousand address
   * lookups (a domain with hundreds of MX hosts, or a fleet) would overflow the receive buffer
   * of a resolver and lose queries; paced, they queue here instead.
   */
  static final int QUERIES_OUTSTANDING = 64;

  private final VerifyOptions options;
  private final Resolver resolver;
  private final String resolverName;
  private final ExecutorService io;
  private final ExecutorService dnsAnswers;
  private final ScheduledExecutorService watchdog;
  private final PolicyFetcher fetcher;
  private final SmtpProbe probe;

  private Verifier(VerifyOptions options) {
    this.options = options;
    X509ExtendedTrustManager anchors = TrustAnchors.load(options.caFile(), options.caOnly());
    AsyncLimit queries = new AsyncLimit(QUERIES_OUTSTANDING);
    List<InetSocketAddress> servers;
    String configuredName;
    if (options.resolver().isPresent()) {
      servers = List.of(options.resolver().get());
      configuredName = "resolver " + options.resolver().get().getAddress().getHostAddress()
          + ":" + options.resolver().get().getPort();
    } else {
      servers = ResolverConfig.getCurrentConfig().servers();
      configuredName = "system resolver " + servers;
    }
    Resolver configured = new RetransmittingResolver(servers, options.dnsTimeout(), queries);
    if (options.authoritative()) {
      configured = new AuthoritativeResolver(configured, options.dnsTimeout(), queries);
      configuredName = "authoritative name servers (found through the " + configuredName + ")";
    }
    this.resolver = configured;
    this.resolverName = configuredName;
    // Probes and fetches block on sockets, each on a thread of its own, so no domain waits for
    // another's slow MX; but only so many at once: a fetch per domain in flight and as many
    // probes again, plus one domain's worth, so a fleet of hostile domains cannot make a
    // thread per MX address. verifyAll bounds how many domains run at once.
    int threads = ioThreads(options.concurrency());
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("mtasts-verify-io"));
    pool.allowCoreThreadTimeOut(true);
    this.io = pool;
    this.dnsAnswers = Executors.newFixedThreadPool(2, daemonThreads("mtasts-verify-dns"));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(daemonThreads("mtasts-verify-watchdog"));
    this.fetcher = new PolicyFetcher(anchors, options);
    this.probe = new SmtpProbe(anchors, options, watchdog);
  }

  /**
   * The most threads that fetch policies and probe MX hosts at once, for {@code concurrency}
   * domains verified at once: one fetch and one probe per domain, plus one domain's probes.
   */
  static int ioThreads(int concurrency) {
    return 2 * concurrency + DomainVerification.PROBES_AT_ONCE;
  }

  /**
   * Creates a verifier.
   *
   * @param options how to verify
   * @return the verifier
   * @throws IllegalArgumentException when the CA file cannot be read or holds no certificate
   */
  public static Verifier create(VerifyOptions options) {
    return new Verifier(options);
  }

  /** The options this verifier was created with. */
  public VerifyOptions options() {
    return options;
  }

  /**
   * Verifies one domain.
   *
   * @param domain the mail domain, such as {@code example.com}
   * @return the report; operational failures are in it, never thrown
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  public Report verify(String domain) {
    String name = DomainNames.normalize(domain);
    return new DomainVerification(name, options, newRun()).run();
  }

  /** A run: DNS answers and MX probes shared by its verifications, and by no later run. */
  private VerifyRun newRun() {
    RunDns dns = new RunDns(resolver, resolverName, options.dnsTimeout().toMillis(), dnsAnswers);
    return new VerifyRun(dns, fetcher, probe, io);
  }

  /**
   * Looks up the hosts that receive a domain's mail, with this verifier's resolver: the MX
   * lookup of a verification, without its other checks.
   *
   * @param domain the mail domain, such as {@code example.com}
   * @return the hosts; a failed lookup is in it, never thrown
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  public MxHosts mxHosts(String domain) {
    String name = DomainNames.normalize(domain);
    return MxHosts.of(name, newRun().dnsFor().lookup(name, Type.MX).join());
  }

  /**
   * Verifies many domains, {@link VerifyOptions#concurrency()} at a time, in one run: an MX host
   * that several domains share is probed once at each address, and DNS answers are reused
   * within their TTL; each report still lists all of its domain's checks.
   *
   * @param domains the mail domains; all are checked before any is verified
   * @param onReport called with each report as it completes (from several threads, one at a time)
   * @return the reports, in the order of {@code domains}
   * @throws IllegalArgumentException naming the first value that is not a domain name
   */
  public List<Report> verifyAll(List<String> domains, Consumer<Report> onReport) {
    List<String> names = domains.stream().map(DomainNames::normalize).toList();
    if (names.isEmpty()) {
      return List.of();
    }
    ExecutorService drivers = Executors.newFixedThreadPool(
        Math.min(options.concurrency(), names.size()), daemonThreads("mtasts-verify-domain"));
    VerifyRun run = newRun();
    try {
      List<Future<Report>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(drivers.submit(() -> {
          Report report = new DomainVerification(name, options, run).run();
          synchronized (onReport) {
            onReport.accept(report);
          }
          return report;
        }));
      }
      List<Report> reports = new ArrayList<>();
      for (Future<Report> future : futures) {
        reports.add(future.get());
      }
      return reports;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a verification failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      drivers.shutdownNow();
    }
  }

  @Override
  public void close() {
    io.shutdownNow();
    dnsAnswers.shutdownNow();
    watchdog.shutdownNow();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

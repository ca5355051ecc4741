package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.BlackHoles;
import io.github.mtasts.testlab.DelayingDnsRelay;
import io.github.mtasts.testlab.DelayingTcpRelay;
import io.github.mtasts.testlab.KnotServer;
import io.github.mtasts.testlab.Zone;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile domains against real servers on loopback: Knot DNS serving zones generated here, MX
 * addresses that accept and never speak, and a relay that counts the DNS queries it holds. What
 * is asserted is counted (threads, queries outstanding), never timed.
 */
class VerifierBoundsTest {
  /** MX hosts and addresses of each stalled domain: a thread per address would be this many. */
  private static final int STALLED_HOSTS = 20;
  private static final int STALLED_ADDRESSES_PER_HOST = 10;
  private static final List<String> STALLED_FLEET = List.of("stalled-1.test", "stalled-2.test", "stalled-3.test");
  /** MX hosts of one domain, each with an address lookup of A and AAAA: a burst of 1,000 queries. */
  private static final int MANY_MX_HOSTS = 500;

  private static KnotServer knot;
  private static final BlackHoles blackHoles = new BlackHoles();
  private static int silentPort;
  private static int refusedPort;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> zones = new LinkedHashMap<>();
    List<InetAddress> silent = new ArrayList<>();
    int next = 0;
    for (String domain : STALLED_FLEET) {
      Zone zone = Zone.of(domain);
      for (int h = 1; h <= STALLED_HOSTS; h++) {
        zone.add("@", "MX", "10 mx" + h + "." + domain + ".");
        for (int a = 0; a < STALLED_ADDRESSES_PER_HOST; a++, next++) {
          String address = "127.0." + (210 + next / 250) + "." + (1 + next % 250);
          zone.add("mx" + h, "A", address);
          silent.add(InetAddress.getByName(address));
        }
      }
      zones.put(domain, zone.text());
    }
    InetAddress refused = InetAddress.getByName("127.0.215.1");
    Zone many = Zone.of("many-mx.test");
    for (int h = 1; h <= MANY_MX_HOSTS; h++) {
      many.add("@", "MX", "10 mx" + h + ".many-mx.test.").add("mx" + h, "A", refused.getHostAddress());
    }
    zones.put("many-mx.test", many.text());
    knot = KnotServer.start(InetAddress.getByName("127.0.9.53"), zones, List.of());
    silentPort = KnotServer.freePort(silent.get(0));
    for (InetAddress address : silent) {
      blackHoles.silent(address, silentPort);
    }
    refusedPort = KnotServer.freePort(refused);
  }

  @AfterAll
  static void stop() throws Exception {
    blackHoles.close();
    if (knot != null) {
      knot.close();
    }
  }

  private static VerifyOptions.Builder options(int smtpPort) {
    return VerifyOptions.builder()
        .resolver(knot.address())
        .smtpPort(smtpPort)
        .dnsTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofMillis(300))
        .smtpTimeout(Duration.ofSeconds(1));
  }

  @Test
  void aDomainWithTwoHundredStalledMxAddressesHoldsOnlyItsShareOfThreads() throws Exception {
    // Threads enough for 16 domains: what bounds this one domain is its own share.
    try (Verifier verifier = Verifier.create(options(silentPort).concurrency(16).build());
        ThreadCount threads = new ThreadCount("mtasts-verify-io")) {
      Report report = verifier.verify(STALLED_FLEET.get(0));
      long stalled = report.checks().stream().filter(c -> c.id().equals(CheckIds.MX_TLS_SMTP)).count();
      assertEquals(STALLED_HOSTS * STALLED_ADDRESSES_PER_HOST, stalled, "every address is still probed");
      assertTrue(threads.peakProbing() <= DomainVerification.PROBES_AT_ONCE,
          "peak " + threads.peakProbing() + " threads probing at once for " + stalled + " stalled addresses");
    }
  }

  @Test
  void aFleetOfStalledDomainsHoldsAtMostTheRunsThreads() throws Exception {
    int concurrency = STALLED_FLEET.size();
    try (Verifier verifier = Verifier.create(options(silentPort).concurrency(concurrency).build());
        ThreadCount threads = new ThreadCount("mtasts-verify-io")) {
      List<Report> reports = verifier.verifyAll(STALLED_FLEET, r -> { });
      assertEquals(STALLED_FLEET.size(), reports.size());
      assertTrue(threads.peakAlive() <= Verifier.ioThreads(concurrency),
          "peak " + threads.peakAlive() + " threads for " + STALLED_FLEET.size() * STALLED_HOSTS * STALLED_ADDRESSES_PER_HOST
              + " stalled addresses, bound " + Verifier.ioThreads(concurrency));
    }
  }

  @Test
  void aDomainWithFiveHundredMxHostsSendsItsThousandAddressQueriesPaced() throws Exception {
    ExecutorService relayThreads = Executors.newCachedThreadPool();
    InetAddress address = knot.address().getAddress();
    InetSocketAddress listen = new InetSocketAddress(address, KnotServer.freePort(address));
    // A path with a round trip, so that queries sent in one burst are all outstanding at once.
    Duration roundTrip = Duration.ofMillis(100);
    try (DelayingDnsRelay relay = DelayingDnsRelay.start(listen, knot.address(), roundTrip, relayThreads);
        DelayingTcpRelay tcp = DelayingTcpRelay.start(listen, knot.address(), roundTrip, relayThreads);
        Verifier verifier = Verifier.create(options(refusedPort).resolver(listen).build())) {
      Report report = verifier.verify("many-mx.test");
      assertFalse(report.hasOperationalFailures(), VerifierTest.describe(report));
      assertEquals(MANY_MX_HOSTS, report.checks().stream().filter(c -> c.id().equals(CheckIds.MX_TLS_CONNECT)).count(),
          VerifierTest.describe(report));
      assertTrue(relay.queriesReceived() >= 2 * MANY_MX_HOSTS, "queries: " + relay.queriesReceived());
      // A query may be sent up to three times within its timeout, each counted until answered.
      assertTrue(relay.peakUnanswered() <= 3 * Verifier.QUERIES_OUTSTANDING,
          "peak " + relay.peakUnanswered() + " queries outstanding of " + relay.queriesReceived());
    } finally {
      relayThreads.shutdownNow();
    }
  }

  /**
   * Samples, until closed, the most threads alive at once whose name starts with a prefix, and
   * the most of them inside a STARTTLS probe. Threads alive before it started are not counted:
   * a closed verifier of an earlier test may still have probes blocked in a socket read (an
   * interrupt does not end one; its read timeout does), and they are not this test's threads.
   */
  private static final class ThreadCount implements AutoCloseable {
    private final AtomicInteger peakAlive = new AtomicInteger();
    private final AtomicInteger peakProbing = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    ThreadCount(String prefix) {
      Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
      sampler = new Thread(() -> {
        while (running.get()) {
          // One snapshot of every thread at once (a safepoint), so no probe is counted twice.
          int alive = 0;
          int probing = 0;
          for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey().getName().startsWith(prefix) && !before.contains(thread.getKey())) {
              alive++;
              probing += Arrays.stream(thread.getValue())
                  .anyMatch(frame -> frame.getClassName().equals(SmtpProbe.class.getName())) ? 1 : 0;
            }
          }
          peakAlive.accumulateAndGet(alive, Math::max);
          peakProbing.accumulateAndGet(probing, Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "thread-count");
      sampler.setDaemon(true);
      sampler.start();
    }

    int peakAlive() {
      return peakAlive.get();
    }

    int peakProbing() {
      return peakProbing.get();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      sampler.join();
    }
  }
}

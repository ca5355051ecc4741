package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delaying relays, all with one round-trip time, in front of every server of a {@link VerifyLab}:
 * the DNS server (UDP and TCP), the policy hosts and the SMTP servers. Each relay listens on its
 * server's own address, on a port of its own, so the zone's addresses serve both paths and the
 * verifier takes the delayed one through its port options alone.
 */
public final class LabRelays implements AutoCloseable {
  private final ExecutorService threads;
  private final List<AutoCloseable> relays = new ArrayList<>();
  private InetSocketAddress resolver;
  private int httpsPort;
  private int smtpPort;

  private LabRelays(String name) {
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts the relays of {@code lab} with the given round-trip time. */
  public static LabRelays start(VerifyLab lab, Duration roundTrip) throws IOException {
    LabRelays set = new LabRelays("relay-" + roundTrip.toMillis() + "ms");
    try {
      InetSocketAddress dns = lab.dnsServer();
      int dnsPort = KnotServer.freePort(dns.getAddress());
      InetSocketAddress listen = new InetSocketAddress(dns.getAddress(), dnsPort);
      set.relays.add(DelayingDnsRelay.start(listen, dns, roundTrip, set.threads));
      set.relays.add(DelayingTcpRelay.start(listen, dns, roundTrip, set.threads));
      set.resolver = listen;
      set.httpsPort = set.tcpRelays(lab.httpsHosts(), lab.httpsPort(), roundTrip);
      set.smtpPort = set.tcpRelays(lab.smtpHosts(), lab.smtpPort(), roundTrip);
    } catch (IOException | RuntimeException e) {
      set.close();
      throw e;
    }
    return set;
  }

  /** One relay per host, all on one new port (the verifier takes one port per service); returns it. */
  private int tcpRelays(List<InetAddress> hosts, int serverPort, Duration roundTrip) throws IOException {
    int port = KnotServer.freePort(hosts.get(0));
    for (InetAddress host : hosts) {
      relays.add(DelayingTcpRelay.start(new InetSocketAddress(host, port), new InetSocketAddress(host, serverPort),
          roundTrip, threads));
    }
    return port;
  }

  /** The resolver to give the verifier, as {@code HOST:PORT}. */
  public String resolver() {
    return resolver.getAddress().getHostAddress() + ":" + resolver.getPort();
  }

  public int httpsPort() {
    return httpsPort;
  }

  public int smtpPort() {
    return smtpPort;
  }

  @Override
  public void close() {
    for (AutoCloseable relay : relays) {
      try {
        relay.close();
      } catch (Exception e) {
        // Closing is best effort; the threads below end with their sockets.
      }
    }
    threads.shutdownNow();
  }
}

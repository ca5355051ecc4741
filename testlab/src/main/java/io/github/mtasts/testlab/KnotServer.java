package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server for tests: Knot DNS ({@code knotd}, Debian package {@code
 * knot}) started on a loopback address and a free port, serving the given zones from generated
 * zone files. Zones listed as broken are configured with a missing file, so Knot answers
 * SERVFAIL for them, as a real server with a failed zone does.
 */
public final class KnotServer implements AutoCloseable {
  private final Process process;
  private final Path directory;
  private final InetSocketAddress address;

  private KnotServer(Process process, Path directory, InetSocketAddress address) {
    this.process = process;
    this.directory = directory;
    this.address = address;
  }

  /**
   * Starts knotd and waits until it answers the SOA query of the first zone.
   *
   * @param bind the loopback address to listen on
   * @param zones zone origin (without trailing dot) to zone file text
   * @param brokenZones origins configured without a loadable file (SERVFAIL)
   */
  public static KnotServer start(InetAddress bind, Map<String, String> zones, List<String> brokenZones)
      throws IOException, InterruptedException {
    return start(bind, freePort(bind), zones, brokenZones);
  }

  /** Starts knotd on a given port, as {@link #start(InetAddress, Map, List)} does on a free one. */
  public static KnotServer start(InetAddress bind, int port, Map<String, String> zones, List<String> brokenZones)
      throws IOException, InterruptedException {
    Path knotd = Stream.of("/usr/sbin/knotd", "/usr/bin/knotd", "/sbin/knotd")
        .map(Path::of).filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "knotd not found: install the Debian package 'knot' (as .ci/run does)"));
    Path dir = Files.createTempDirectory("knot-test");
    StringBuilder conf = new StringBuilder()
        .append("server:\n")
        .append("    rundir: \"").append(dir).append("\"\n")
        .append("    listen: ").append(bind.getHostAddress()).append('@').append(port).append('\n')
        .append("database:\n")
        .append("    storage: \"").append(dir).append("\"\n")
        .append("log:\n")
        .append("  - target: stderr\n")
        .append("    any: error\n")
        .append("zone:\n");
    for (Map.Entry<String, String> zone : zones.entrySet()) {
      Path file = dir.resolve(zone.getKey() + ".zone");
      Files.writeString(file, zone.getValue(), StandardCharsets.US_ASCII);
      conf.append("  - domain: ").append(zone.getKey()).append('\n')
          .append("    file: \"").append(file).append("\"\n");
    }
    for (String broken : brokenZones) {
      conf.append("  - domain: ").append(broken).append('\n')
          .append("    file: \"").append(dir.resolve(broken + ".missing")).append("\"\n");
    }
    Path confFile = dir.resolve("knot.conf");
    Files.writeString(confFile, conf.toString(), StandardCharsets.US_ASCII);
    Process process = new ProcessBuilder(knotd.toString(), "-c", confFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("knotd.log").toFile())
        .start();
    KnotServer server = new KnotServer(process, dir, new InetSocketAddress(bind, port));
    try {
      server.awaitAnswer(zones.keySet().iterator().next(), Duration.ofSeconds(15));
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Where the server listens (UDP and TCP). */
  public InetSocketAddress address() {
    return address;
  }

  private void awaitAnswer(String zone, Duration patience) throws IOException, InterruptedException {
    SimpleResolver resolver = new SimpleResolver(address);
    resolver.setTimeout(Duration.ofMillis(300));
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("knotd exited with " + process.exitValue() + ": " + log());
      }
      try {
        Message reply = resolver.send(Message.newQuery(
            Record.newRecord(Name.fromString(zone + "."), Type.SOA, DClass.IN)));
        if (reply.getRcode() == Rcode.NOERROR && reply.getSection(1).size() > 0) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    throw new IOException("knotd did not answer within " + patience + ": " + log());
  }

  private String log() {
    try {
      return Files.readString(directory.resolve("knotd.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A port free for both UDP and TCP on the address. */
  public static int freePort(InetAddress bind) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, bind)) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, bind)) {
          return port;
        } catch (IOException e) {
          // Taken for UDP; try another.
        }
      }
    }
    throw new IOException("no free port on " + bind);
  }
}

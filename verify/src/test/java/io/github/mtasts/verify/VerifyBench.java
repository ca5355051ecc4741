package io.github.mtasts.verify;

import io.github.mtasts.testlab.LabRelays;
import io.github.mtasts.testlab.VerifyLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.ToLongFunction;
import javax.net.ssl.X509ExtendedTrustManager;
import org.xbill.DNS.SimpleResolver;

/**
 * The benchmark's two programs (run by bench/verify-bench.sh, not by the test suite):
 *
 * <ul>
 *   <li>{@code lab COUNT DIR RTTS}: starts a laboratory of COUNT healthy domains and, for each
 *       round-trip time in the comma-separated RTTS (milliseconds), a set of {@link LabRelays}
 *       in front of it. Writes DIR/domains.txt and DIR/paths.txt, one line per path to the
 *       laboratory: {@code NAME RTT_MS OPTIONS...} ("direct" first, then "relay-RTTms"), and
 *       runs until standard input closes.
 *   <li>{@code single DIR RUNS CHAIN}: verifies d1.bench.test over every path of DIR/paths.txt
 *       in one JVM: three warm-up rounds, then RUNS rounds, each round once per path (so a
 *       change of the machine's load falls on all paths alike). Prints per path the median and
 *       the fastest wall time, their ratio to CHAIN round trips, and each step timed alone.
 * </ul>
 */
public final class VerifyBench {
  private static final String DOMAIN = "d1.bench.test";
  private static final int WARM_UP_ROUNDS = 3;
  private static final int STEP_ROUNDS = 5;

  private VerifyBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "lab" -> lab(Integer.parseInt(args[1]), Path.of(args[2]), args[3]);
      case "single" -> single(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException("usage: lab COUNT DIR RTTS | single DIR RUNS CHAIN");
    }
  }

  private static void lab(int count, Path dir, String rtts) throws IOException, InterruptedException {
    List<LabRelays> relays = new ArrayList<>();
    try (VerifyLab lab = VerifyLab.startBench(count)) {
      List<String> paths = new ArrayList<>();
      paths.add("direct 0 " + options(lab.resolver(), lab, lab.httpsPort(), lab.smtpPort()));
      for (String rtt : rtts.split(",")) {
        int millis = Integer.parseInt(rtt.strip());
        LabRelays set = LabRelays.start(lab, Duration.ofMillis(millis));
        relays.add(set);
        paths.add("relay-" + millis + "ms " + millis + " "
            + options(set.resolver(), lab, set.httpsPort(), set.smtpPort()));
      }
      Files.write(dir.resolve("domains.txt"), VerifyLab.benchDomains(count), StandardCharsets.UTF_8);
      // paths.txt last, whole: the script waits for it.
      Path partial = dir.resolve("paths.txt.partial");
      Files.write(partial, paths, StandardCharsets.UTF_8);
      Files.move(partial, dir.resolve("paths.txt"));
      while (System.in.read() >= 0) {
        // Runs until the script closes standard input.
      }
    } finally {
      relays.forEach(LabRelays::close);
    }
  }

  private static String options(String resolver, VerifyLab lab, int httpsPort, int smtpPort) {
    return String.join(" ", "--resolver", resolver, "--ca-file", lab.caFile().toString(),
        "--https-port", Integer.toString(httpsPort), "--smtp-port", Integer.toString(smtpPort));
  }

  /** One path to the laboratory, as the lab wrote it. */
  private record LabPath(String name, int rttMillis, VerifyOptions options) {
    static LabPath parse(String line) {
      String[] words = line.strip().split(" ");
      VerifyOptions.Builder options = VerifyOptions.builder();
      for (int i = 2; i < words.length; i += 2) {
        switch (words[i]) {
          case "--resolver" -> options.resolver(words[i + 1]);
          case "--ca-file" -> options.caFile(Path.of(words[i + 1]));
          case "--https-port" -> options.httpsPort(Integer.parseInt(words[i + 1]));
          case "--smtp-port" -> options.smtpPort(Integer.parseInt(words[i + 1]));
          default -> throw new IllegalArgumentException(words[i]);
        }
      }
      return new LabPath(words[0], Integer.parseInt(words[1]), options.build());
    }
  }

  private static void single(Path dir, int runs, int chainRoundTrips) throws IOException {
    List<LabPath> paths = Files.readAllLines(dir.resolve("paths.txt")).stream().map(LabPath::parse).toList();
    List<Verifier> verifiers = paths.stream().map(p -> Verifier.create(p.options())).toList();
    List<List<Long>> millis = new ArrayList<>();
    paths.forEach(p -> millis.add(new ArrayList<>()));
    try {
      for (int round = 0; round < WARM_UP_ROUNDS + runs; round++) {
        for (int i = 0; i < paths.size(); i++) {
          Report report = check(verifiers.get(i).verify(DOMAIN));
          if (round >= WARM_UP_ROUNDS) {
            millis.get(i).add(report.elapsed().toMillis());
          }
        }
      }
    } finally {
      verifiers.forEach(Verifier::close);
    }
    System.out.printf("one domain (%s): %d runs per path after %d warm-up rounds; longest chain %d round trips%n",
        DOMAIN, runs, WARM_UP_ROUNDS, chainRoundTrips);
    System.out.printf("%-12s %6s %8s %9s %6s %12s %9s  %s%n", "path", "rtt_ms", "chain_ms", "median_ms",
        "min_ms", "median/chain", "min/chain", "all runs (ms)");
    for (int i = 0; i < paths.size(); i++) {
      LabPath path = paths.get(i);
      List<Long> sorted = new ArrayList<>(millis.get(i));
      Collections.sort(sorted);
      long chain = (long) chainRoundTrips * path.rttMillis();
      long median = median(sorted);
      System.out.printf("%-12s %6d %8s %9d %6d %12s %9s  %s%n", path.name(), path.rttMillis(),
          chain == 0 ? "-" : Long.toString(chain), median, sorted.get(0), ratio(median, chain),
          ratio(sorted.get(0), chain), sorted);
    }
    System.out.printf("%nsteps alone, median of %d (ms; in round trips where delayed): "
        + "MX address lookup (expect 1 RTT), policy fetch incl. its address lookup (4), STARTTLS probe (6)%n",
        STEP_ROUNDS);
    for (LabPath path : paths) {
      steps(path);
    }
  }

  private static String ratio(long millis, long chainMillis) {
    return chainMillis == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) millis / chainMillis);
  }

  private static long median(List<Long> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The milliseconds of each step in one round. */
  private record Step(long dns, long fetch, long probe) {}

  /** The time of each step on its own, to tell the verifier's cost from the path's. */
  private static void steps(LabPath path) throws IOException {
    VerifyOptions options = path.options();
    X509ExtendedTrustManager anchors = TrustAnchors.load(options.caFile(), false);
    SimpleResolver resolver = new SimpleResolver(options.resolver().get());
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    List<Step> steps = new ArrayList<>();
    try {
      for (int run = 0; run < STEP_ROUNDS; run++) {
        DnsClient dns = new DnsClient(new RunDns(resolver, "bench", options.dnsTimeout().toMillis(), Runnable::run));
        long t0 = System.nanoTime();
        DnsClient.Addresses mx = dns.addresses("mx." + DOMAIN).join();
        long t1 = System.nanoTime();
        FetchResult fetch = new PolicyFetcher(anchors, options).fetch(DOMAIN, new DnsjavaDns(dns));
        long t2 = System.nanoTime();
        ProbeResult probe = new SmtpProbe(anchors, options, watchdog).probe("mx." + DOMAIN, mx.addresses().get(0));
        long t3 = System.nanoTime();
        if (fetch.status() != 200 || !probe.handshakeDone()) {
          throw new IllegalStateException(path.name() + ": a step failed: fetch " + fetch.status() + " "
              + fetch.failureMessage() + ", probe " + probe.failure());
        }
        steps.add(new Step((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000));
      }
    } finally {
      watchdog.shutdownNow();
    }
    System.out.printf("%-12s dns %s  fetch %s  probe %s%n", path.name(), step(steps, Step::dns, path),
        step(steps, Step::fetch, path), step(steps, Step::probe, path));
  }

  private static String step(List<Step> steps, ToLongFunction<Step> part, LabPath path) {
    long[] values = steps.stream().mapToLong(part).sorted().toArray();
    long median = values[values.length / 2];
    return path.rttMillis() == 0 ? median + " ms"
        : String.format(Locale.ROOT, "%d ms = %.2f RTT", median, (double) median / path.rttMillis());
  }

  private static Report check(Report report) {
    if (report.hasErrors()) {
      throw new IllegalStateException("the benchmark domain does not verify cleanly: " + report.checks());
    }
    return report;
  }
}

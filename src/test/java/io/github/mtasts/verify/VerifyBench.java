package io.github.mtasts.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The benchmark's two programs (run by bench/verify-bench.sh, not by the test suite):
 *
 * <ul>
 *   <li>{@code lab COUNT ENVFILE}: starts a laboratory of COUNT healthy domains, writes the
 *       command-line options that reach it to ENVFILE, and runs until standard input closes.
 *   <li>{@code single ENVFILE RUNS}: verifies d1.bench.test RUNS times in one JVM after three
 *       warm-up runs, and prints the wall time of each run in milliseconds.
 * </ul>
 */
public final class VerifyBench {
  private VerifyBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "lab" -> lab(Integer.parseInt(args[1]), Path.of(args[2]));
      case "single" -> single(Path.of(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("usage: lab COUNT ENVFILE | single ENVFILE RUNS");
    }
  }

  private static void lab(int count, Path envFile) throws IOException, InterruptedException {
    try (VerifyLab lab = VerifyLab.startBench(count)) {
      String options = String.join(" ", "--resolver", lab.resolver(), "--ca-file", lab.caFile().toString(),
          "--https-port", Integer.toString(lab.httpsPort()), "--smtp-port", Integer.toString(lab.smtpPort()));
      Files.writeString(envFile, options + "\n", StandardCharsets.UTF_8);
      Files.write(envFile.resolveSibling("domains.txt"), VerifyLab.benchDomains(count), StandardCharsets.UTF_8);
      while (System.in.read() >= 0) {
        // Runs until the script closes standard input.
      }
    }
  }

  private static void single(Path envFile, int runs) throws IOException {
    String[] words = Files.readString(envFile).strip().split(" ");
    VerifyOptions.Builder options = VerifyOptions.builder();
    for (int i = 0; i < words.length; i += 2) {
      switch (words[i]) {
        case "--resolver" -> options.resolver(words[i + 1]);
        case "--ca-file" -> options.caFile(Path.of(words[i + 1]));
        case "--https-port" -> options.httpsPort(Integer.parseInt(words[i + 1]));
        case "--smtp-port" -> options.smtpPort(Integer.parseInt(words[i + 1]));
        default -> throw new IllegalArgumentException(words[i]);
      }
    }
    try (Verifier verifier = Verifier.create(options.build())) {
      for (int i = 0; i < 3; i++) {
        check(verifier.verify("d1.bench.test"));
      }
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        Report report = check(verifier.verify("d1.bench.test"));
        millis.add(report.elapsed().toMillis());
      }
      Collections.sort(millis);
      System.out.println("runs_ms " + millis);
      System.out.println("median_ms " + millis.get(millis.size() / 2));
    }
    steps(options.build());
  }

  /** The time of each step on its own, to tell the verifier's cost from the servers'. */
  private static void steps(VerifyOptions options) throws IOException {
    javax.net.ssl.X509ExtendedTrustManager anchors = TrustAnchors.load(options.caFile(), false);
    org.xbill.DNS.SimpleResolver resolver = new org.xbill.DNS.SimpleResolver(options.resolver().get());
    java.util.concurrent.ScheduledExecutorService watchdog = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      for (int run = 0; run < 5; run++) {
        DnsClient dns = new DnsClient(resolver, "bench", options.dnsTimeout());
        long t0 = System.nanoTime();
        DnsClient.Addresses mx = dns.addresses("mx.d1.bench.test").join();
        long t1 = System.nanoTime();
        FetchResult fetch = new PolicyFetcher(anchors, options).fetch("d1.bench.test", new DnsjavaDns(dns));
        long t2 = System.nanoTime();
        ProbeResult probe = new SmtpProbe(anchors, options, watchdog).probe("mx.d1.bench.test", mx.addresses().get(0));
        long t3 = System.nanoTime();
        System.out.printf("step_ms dns=%d fetch=%d (status %d) probe=%d (%s)%n", (t1 - t0) / 1_000_000,
            (t2 - t1) / 1_000_000, fetch.status(), (t3 - t2) / 1_000_000, probe.tlsVersion());
      }
    } finally {
      watchdog.shutdownNow();
    }
  }

  private static Report check(Report report) {
    if (report.hasErrors()) {
      throw new IllegalStateException("the benchmark domain does not verify cleanly: " + report.checks());
    }
    return report;
  }
}

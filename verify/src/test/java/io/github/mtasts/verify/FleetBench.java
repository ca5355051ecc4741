package io.github.mtasts.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.OperatingSystemMXBean;
import io.github.mtasts.testlab.FleetLab;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import okhttp3.Dns;

/**
 * The fleet benchmark's programs (run by bench/fleet-bench.sh, not by the test suite):
 *
 * <ul>
 *   <li>{@code lab COUNT DIR}: starts a {@link FleetLab} of COUNT domains, writes
 *       DIR/domains.txt and DIR/ca.txt (the path of the CA's PEM file) last, and runs until
 *       standard input closes.
 *   <li>{@code check COUNT JSON}: reads the output of {@code mtasts verify --json} for that
 *       fleet and checks every domain's verdict: no error, or exactly the one the lab planted;
 *       no operational failure. Prints one line; exits 1 on any wrong verdict.
 *   <li>{@code fetches COUNT CA_FILE}: the floor of a verification's cost, which no sharing
 *       removes: fetches the policy of COUNT domains one after another with the verifier's own
 *       {@link PolicyFetcher} (one TLS handshake each: key exchange, the server's signature and
 *       the chain checked against CA_FILE), addresses given without DNS, after COUNT / 5 fetches
 *       to warm up. Prints the CPU time of the whole process per fetch (compiler and collector
 *       included), in milliseconds; exits 1 if a fetch fails.
 * </ul>
 */
public final class FleetBench {
  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "lab" -> lab(Integer.parseInt(args[1]), Path.of(args[2]));
      case "check" -> System.exit(check(Integer.parseInt(args[1]), Path.of(args[2])));
      case "fetches" -> System.exit(fetches(Integer.parseInt(args[1]), Path.of(args[2])));
      default -> throw new IllegalArgumentException("usage: lab COUNT DIR | check COUNT JSON | fetches COUNT CA_FILE");
    }
  }

  private static void lab(int count, Path dir) throws Exception {
    try (FleetLab lab = FleetLab.start(count)) {
      // Stopped by a signal, the servers still stop (Knot DNS is a process of its own).
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          lab.close();
        } catch (Exception e) {
          // Best effort at exit.
        }
      }));
      Files.write(dir.resolve("domains.txt"), FleetLab.domains(count), StandardCharsets.UTF_8);
      Path partial = dir.resolve("ca.txt.partial");
      Files.writeString(partial, lab.caFile().toString() + "\n");
      Files.move(partial, dir.resolve("ca.txt"));
      while (System.in.read() >= 0) {
        // Runs until the script closes standard input.
      }
    }
  }

  private static int check(int count, Path json) throws Exception {
    JsonObject root;
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(reader).getAsJsonObject();
    }
    List<String> wrong = new ArrayList<>();
    int operational = 0;
    int seen = 0;
    List<String> domains = FleetLab.domains(count);
    for (JsonElement element : root.getAsJsonArray("reports")) {
      JsonObject report = element.getAsJsonObject();
      String domain = report.get("domain").getAsString();
      TreeSet<String> errors = new TreeSet<>();
      for (JsonElement check : report.getAsJsonArray("checks")) {
        JsonObject c = check.getAsJsonObject();
        if ("error".equalsIgnoreCase(c.get("severity").getAsString())) {
          errors.add(c.get("id").getAsString());
        }
        if (c.has("operational") && c.get("operational").getAsBoolean()) {
          operational++;
        }
      }
      String expected = FleetLab.expectedError(domain);
      TreeSet<String> want = expected == null ? new TreeSet<>() : new TreeSet<>(List.of(expected));
      if (!errors.equals(want) || !domain.equals(domains.get(seen))) {
        wrong.add(domain + " errors " + errors + ", expected " + want);
      }
      seen++;
    }
    System.out.printf("verdicts: %d of %d right, %d operational failures%s%n", seen - wrong.size(), count,
        operational, wrong.isEmpty() ? "" : "; wrong: " + wrong.subList(0, Math.min(5, wrong.size())));
    return wrong.isEmpty() && seen == count && operational == 0 ? 0 : 1;
  }

  private static int fetches(int count, Path caFile) throws Exception {
    VerifyOptions options = VerifyOptions.builder().caFile(caFile).httpsPort(443).build();
    PolicyFetcher fetcher = new PolicyFetcher(TrustAnchors.load(Optional.of(caFile), false), options);
    List<InetAddress> front = List.of(InetAddress.getByName(FleetLab.POLICY_ADDRESS));
    Dns toFront = host -> front;
    List<String> domains = FleetLab.domains(count);
    for (String domain : domains.subList(0, count / 5)) {
      fetcher.fetch(domain, toFront);
    }
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    for (String domain : domains) {
      FetchResult result = fetcher.fetch(domain, toFront);
      if (result.failure() != null || result.status() != 200) {
        System.out.println("fetch of " + domain + " failed: " + result);
        return 1;
      }
    }
    double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / count;
    double wallMs = (System.nanoTime() - wall0) / 1e6 / count;
    System.out.printf(Locale.ROOT, "%.2f %.2f%n", cpuMs, wallMs);
    return 0;
  }
}

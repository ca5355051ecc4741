package io.github.mtasts.verify;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.mtasts.testlab.FleetLab;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

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
 * </ul>
 */
public final class FleetBench {
  private FleetBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "lab" -> lab(Integer.parseInt(args[1]), Path.of(args[2]));
      case "check" -> System.exit(check(Integer.parseInt(args[1]), Path.of(args[2])));
      default -> throw new IllegalArgumentException("usage: lab COUNT DIR | check COUNT JSON");
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
}

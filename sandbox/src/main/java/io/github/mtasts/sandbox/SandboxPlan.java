package io.github.mtasts.sandbox;

import io.github.mtasts.testlab.AwsLab;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the sandbox's servers run: its folder, its sample mail domain, and the loopback block
 * ({@code 127.X.Y.0/24}) whose addresses they listen on, one address per server so that each
 * can be told apart in {@code ss} or a packet capture: the HTTPS edge on {@code .1} (where
 * {@code mta-sts.DOMAIN} resolves), the MX host on {@code .25}, the DNS server on {@code .53} and
 * the emulated AWS APIs on {@code .80}, each on a free port.
 *
 * @param dir the sandbox folder, absolute: the CA file, the logs and the state file go there
 * @param domain the sample mail domain
 * @param network the first three octets of the block, such as {@code 127.0.50}
 */
record SandboxPlan(Path dir, String domain, String network) {
  /** Loopback only (RFC 1122 §3.2.1.3: 127.0.0.0/8 never leaves the host). */
  private static final Pattern LOOPBACK_BLOCK =
      Pattern.compile("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
  private static final List<String> OPTIONS = List.of("--dir", "--domain", "--network");

  /**
   * Reads the command line {@code --dir DIR --domain DOMAIN --network 127.X.Y}, every problem
   * at once.
   *
   * @param args the arguments
   * @return the plan
   * @throws IllegalArgumentException naming each missing, unknown or bad option and the fix
   */
  static SandboxPlan parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (!OPTIONS.contains(option)) {
        problems.add("unknown argument '" + option + "': the options are " + OPTIONS);
      } else if (i + 1 == args.length) {
        problems.add(option + " needs a value");
      } else {
        values.put(option, args[++i]);
      }
    }
    for (String option : OPTIONS) {
      if (!values.containsKey(option) && problems.stream().noneMatch(p -> p.startsWith(option))) {
        problems.add(option + " is required");
      }
    }
    String network = values.get("--network");
    if (network != null && !LOOPBACK_BLOCK.matcher(network).matches()) {
      problems.add("--network '" + network + "' is not a loopback block: the sandbox listens on"
          + " loopback only; give the first three octets of one in 127.0.0.0/8, such as 127.0.50");
    }
    String domain = values.get("--domain");
    if (domain != null && domain.isBlank()) {
      problems.add("--domain is empty: give the sample mail domain, such as example.test");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new SandboxPlan(Path.of(values.get("--dir")).toAbsolutePath(), domain, network);
  }

  /** The HTTPS edge, standing in for CloudFront: where the policy host resolves. */
  InetAddress edge() {
    return host(1);
  }

  /** The domain's MX host. */
  InetAddress mx() {
    return host(25);
  }

  /** The DNS server answering from the emulated Route 53. */
  InetAddress dns() {
    return host(53);
  }

  /** The emulated AWS APIs (moto). */
  InetAddress aws() {
    return host(80);
  }

  /** The laboratory's part of the plan. */
  AwsLab.Addresses labAddresses() {
    return new AwsLab.Addresses(edge(), dns(), mx());
  }

  private InetAddress host(int last) {
    Matcher octets = LOOPBACK_BLOCK.matcher(network);
    if (!octets.matches()) {
      throw new IllegalStateException("not a loopback block: " + network);
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, (byte) Integer.parseInt(octets.group(1)),
          (byte) Integer.parseInt(octets.group(2)), (byte) last});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}

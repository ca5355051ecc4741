package io.github.mtasts.program;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaStsArgs;
import io.github.mtasts.sdk.VerificationOptions;
import io.github.mtasts.sdk.enums.VerificationScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the stack configuration of {@link MtaStsProgram} into {@link MtaStsArgs}, reporting every
 * missing or invalid key at once, each by its config key, value and fix.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code domain}</td><td>the mail domain (required)</td></tr>
 *   <tr><td>{@code mode}</td><td>{@code testing}, {@code enforce} or {@code none}
 *       (required)</td></tr>
 *   <tr><td>{@code mx}</td><td>MX host patterns, comma-separated or a list (required unless
 *       mode is none)</td></tr>
 *   <tr><td>{@code maxAge}</td><td>seconds senders cache the policy (default 604800, one
 *       week)</td></tr>
 *   <tr><td>{@code rua}</td><td>TLS-RPT report URIs, comma-separated or a list
 *       (optional)</td></tr>
 *   <tr><td>{@code dns}</td><td>{@code route53} (default) or {@code cloudflare}</td></tr>
 *   <tr><td>{@code route53ZoneId}</td><td>the Route 53 hosted zone of the domain (required with
 *       route53)</td></tr>
 *   <tr><td>{@code cloudflareZone}</td><td>the Cloudflare zone of the domain, its id or name
 *       (required with cloudflare)</td></tr>
 *   <tr><td>{@code hosting}</td><td>{@code s3-cloudfront} (default), {@code cloudflare-worker}
 *       or {@code github-pages}</td></tr>
 *   <tr><td>{@code bucketName}</td><td>the S3 bucket of the policy file (optional, with
 *       s3-cloudfront)</td></tr>
 *   <tr><td>{@code workerScript}</td><td>the Worker script that serves the policy (optional,
 *       with cloudflare-worker; default mtasts-policy)</td></tr>
 *   <tr><td>{@code githubRepository}</td><td>the repository that serves the policy, as
 *       OWNER/NAME (required with github-pages)</td></tr>
 *   <tr><td>{@code verifyTimeout}</td><td>seconds verifications retry (optional)</td></tr>
 *   <tr><td>{@code verifyScope}</td><td>{@code all} (default) or {@code policy-and-records}
 *       (no STARTTLS probes of the MX hosts, for networks that block port 25)</td></tr>
 *   <tr><td>{@code verifyFailOn}</td><td>{@code error}, {@code warning} or {@code never}
 *       (optional)</td></tr>
 *   <tr><td>{@code verifyHttpsPort}, {@code verifySmtpPort}</td><td>ports instead of 443 and
 *       25; test laboratories only</td></tr>
 * </table>
 */
public final class StackConfig {
  /** The default policy lifetime: one week, as RFC 8461 §3.2 expects "weeks or greater". */
  static final long DEFAULT_MAX_AGE_SECONDS = 604_800L;

  /** {@link MtaStsArgs} field names, as the configuration calls them, but for dns and hosting. */
  private static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("domain", "domain"), Map.entry("mode", "mode"), Map.entry("mx", "mx"),
      Map.entry("maxAge", "maxAge"), Map.entry("tlsRptRua", "rua"),
      Map.entry("timeout", "verifyTimeout"), Map.entry("failOn", "verifyFailOn"),
      Map.entry("httpsPort", "verifyHttpsPort"), Map.entry("smtpPort", "verifySmtpPort"));

  /** The DNS services of the {@code dns} key: the key of their zone and what it holds. */
  private enum DnsChoice {
    ROUTE53("route53", "route53ZoneId",
        "the id of the Route 53 hosted zone of the domain, such as Z0123456789ABCDEFGHIJ"),
    CLOUDFLARE("cloudflare", "cloudflareZone",
        "the Cloudflare zone of the domain: its name, such as example.com, or its id");

    final String word;
    final String zoneKey;
    final String zoneValue;

    DnsChoice(String word, String zoneKey, String zoneValue) {
      this.word = word;
      this.zoneKey = zoneKey;
      this.zoneValue = zoneValue;
    }

    Dns dns(String zone) {
      return this == ROUTE53 ? Dns.route53(zone) : Dns.cloudflare(zone);
    }
  }

  /** The hostings of the {@code hosting} key: the key of their one option, and whether it is required. */
  private enum HostingChoice {
    S3_CLOUDFRONT("s3-cloudfront", "bucketName", Optional.empty()),
    CLOUDFLARE_WORKER("cloudflare-worker", "workerScript", Optional.empty()),
    GITHUB_PAGES("github-pages", "githubRepository", Optional.of(
        "the repository that serves the policy, as OWNER/NAME, such as example-org/mta-sts"));

    final String word;
    final String optionKey;
    /** What the option holds, when the hosting requires it. */
    final Optional<String> requiredOption;

    HostingChoice(String word, String optionKey, Optional<String> requiredOption) {
      this.word = word;
      this.optionKey = optionKey;
      this.requiredOption = requiredOption;
    }

    Hosting hosting(Optional<String> option) {
      return switch (this) {
        case S3_CLOUDFRONT -> option.map(Hosting::s3CloudFront).orElseGet(Hosting::s3CloudFront);
        case CLOUDFLARE_WORKER -> option.map(Hosting::cloudflareWorker).orElseGet(Hosting::cloudflareWorker);
        case GITHUB_PAGES -> githubPages(option.orElseThrow());
      };
    }

    /** OWNER/NAME as the component's GitHub Pages hosting. */
    private static Hosting githubPages(String fullName) {
      String[] parts = fullName.split("/", -1);
      if (parts.length != 2) {
        throw new InvalidInputException(List.of(Problem.error("hosting", 0, fullName, "'" + fullName
            + "' is not OWNER/NAME: pulumi config set githubRepository example-org/mta-sts.")));
      }
      return Hosting.githubPages(parts[0], parts[1]);
    }
  }

  private final Function<String, Optional<String>> config;
  private final List<String> errors = new ArrayList<>();
  private final Set<String> keysInError = new HashSet<>();

  private StackConfig(Function<String, Optional<String>> config) {
    this.config = config;
  }

  /**
   * Reads the configuration.
   *
   * @param config the value of a key of the project's namespace, empty when unset
   * @return the component's inputs
   * @throws InvalidConfigException naming every missing or invalid key
   */
  public static MtaStsArgs read(Function<String, Optional<String>> config) {
    return new StackConfig(config).read();
  }

  private MtaStsArgs read() {
    MtaStsArgs.Builder args = MtaStsArgs.builder();
    required("domain", "the mail domain, such as example.com").ifPresent(args::domain);
    required("mode", "testing to start, enforce later").ifPresent(args::mode);
    args.mx(list("mx"));
    args.maxAge(seconds("maxAge", 0).orElse(DEFAULT_MAX_AGE_SECONDS));
    args.tlsRptRua(list("rua"));
    Optional<DnsChoice> dnsChoice = choice("dns", DnsChoice.values(), c -> c.word, DnsChoice.ROUTE53);
    Optional<HostingChoice> hostingChoice = choice("hosting", HostingChoice.values(), c -> c.word,
        HostingChoice.S3_CLOUDFRONT);
    dnsChoice.ifPresent(chosen -> {
      notFor("dns", chosen.word, Arrays.stream(DnsChoice.values()).filter(c -> c != chosen).map(c -> c.zoneKey));
      required(chosen.zoneKey, chosen.zoneValue).ifPresent(zone -> attempt(
          () -> args.dns(chosen.dns(zone)), Map.of("dns", chosen.zoneKey)));
    });
    hostingChoice.ifPresent(chosen -> {
      notFor("hosting", chosen.word,
          Arrays.stream(HostingChoice.values()).filter(c -> c != chosen).map(c -> c.optionKey));
      Optional<String> option = chosen.requiredOption.isPresent()
          ? required(chosen.optionKey, chosen.requiredOption.get()) : value(chosen.optionKey);
      if (chosen.requiredOption.isPresent() && option.isEmpty()) {
        keysInError.add("hosting"); // reported as missing by its option's key
      } else if (!attempt(() -> args.hosting(chosen.hosting(option)),
          Map.of("hosting", chosen.optionKey))) {
        keysInError.add("hosting"); // reported by its option's key
      }
    });
    VerificationOptions.Builder verification = VerificationOptions.builder();
    seconds("verifyTimeout", 1).ifPresent(s -> verification.timeout(Duration.ofSeconds(s)));
    value("verifyFailOn").ifPresent(verification::failOn);
    scope("verifyScope").ifPresent(verification::scope);
    seconds("verifyHttpsPort", 1).ifPresent(port -> verification.httpsPort(asPort(port)));
    seconds("verifySmtpPort", 1).ifPresent(port -> verification.smtpPort(asPort(port)));
    attempt(() -> args.verification(verification.build()), Map.of());
    MtaStsArgs built = null;
    try {
      built = args.build();
    } catch (InvalidInputException e) {
      // A pair the hosting refuses is the hosting key's: the zone key held no wrong value.
      report(e, Map.of("dns", dnsChoice.map(c -> c.zoneKey).orElse("dns"), "hosting", "hosting"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return built;
  }

  /**
   * Sets an input whose builder checks it, reporting its problems under the given keys.
   *
   * @return whether it was set
   */
  private boolean attempt(Runnable set, Map<String, String> keys) {
    try {
      set.run();
      return true;
    } catch (InvalidInputException e) {
      report(e, keys);
      return false;
    }
  }

  /** One of the words of a key, the default when unset; empty when invalid (then reported). */
  private <T> Optional<T> choice(String key, T[] choices, Function<T, String> word, T fallback) {
    Optional<String> given = value(key);
    if (given.isEmpty()) {
      return Optional.of(fallback);
    }
    Optional<T> chosen = Arrays.stream(choices).filter(c -> word.apply(c).equals(given.get())).findFirst();
    if (chosen.isEmpty()) {
      keysInError.add(key);
      errors.add("config " + key + ": '" + given.get() + "' is not one of "
          + Arrays.stream(choices).map(word).collect(Collectors.joining(", ")) + ": pulumi config set "
          + key + " " + word.apply(fallback) + ".");
    }
    return chosen;
  }

  /** Keys that only another choice of a key reads: set, they would be silently ignored. */
  private void notFor(String key, String chosen, Stream<String> otherKeys) {
    otherKeys.filter(other -> value(other).isPresent()).forEach(other -> {
      keysInError.add(other);
      errors.add("config " + other + " is set, but " + key + " is " + chosen + ", which does not"
          + " read it: pulumi config rm " + other + ", or set " + key + " to the choice that reads it.");
    });
  }

  private Optional<String> value(String key) {
    return config.apply(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private Optional<String> required(String key, String what) {
    Optional<String> value = value(key);
    if (value.isEmpty()) {
      keysInError.add(key);
      errors.add("config " + key + " is required: pulumi config set " + key + " VALUE, where"
          + " VALUE is " + what + ".");
    }
    return value;
  }

  /** A whole number of at least {@code min}, empty when unset or invalid (then reported). */
  private Optional<Long> seconds(String key, long min) {
    Optional<String> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long number = Long.parseLong(value.get());
      if (number >= min) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    keysInError.add(key);
    errors.add("config " + key + ": '" + value.get() + "' is not a whole number"
        + (min > 0 ? " of at least " + min : "") + ": pulumi config set " + key + " "
        + (key.equals("maxAge") ? DEFAULT_MAX_AGE_SECONDS : "NUMBER") + ".");
    return Optional.empty();
  }

  /** A scope of the final verification, by the word of the schema's enum; empty when unset or invalid. */
  private Optional<VerificationScope> scope(String key) {
    Optional<String> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<VerificationScope> scope = Arrays.stream(VerificationScope.values())
        .filter(candidate -> candidate.getValue().equals(value.get())).findFirst();
    if (scope.isEmpty()) {
      keysInError.add(key);
      errors.add("config " + key + ": '" + value.get() + "' is not one of " + String.join(", ",
          Arrays.stream(VerificationScope.values()).map(VerificationScope::getValue).toList())
          + ": pulumi config set " + key + " " + VerificationScope.POLICY_AND_RECORDS.getValue()
          + " where the network blocks outgoing port 25.");
    }
    return scope;
  }

  /** A port number as an int; a number beyond int stays out of range for the port check. */
  private static int asPort(long number) {
    return (int) Math.min(number, Integer.MAX_VALUE);
  }

  /** A list given as "a,b" or as a structured list ({@code pulumi config set --path 'k[0]'}). */
  private List<String> list(String key) {
    Optional<String> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (value.get().startsWith("[")) {
      try {
        JsonArray array = JsonParser.parseString(value.get()).getAsJsonArray();
        List<String> items = new ArrayList<>();
        for (JsonElement item : array) {
          if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
            throw new IllegalStateException("not a string: " + item);
          }
          items.add(item.getAsString().strip());
        }
        return items;
      } catch (JsonParseException | IllegalStateException e) {
        keysInError.add(key);
        errors.add("config " + key + ": '" + value.get() + "' is neither a list of strings nor"
            + " comma-separated: pulumi config set " + key + " 'first,second'.");
        return List.of();
      }
    }
    return Arrays.stream(value.get().split(",", -1)).map(String::strip).toList();
  }

  /**
   * Reports the problems of the component's inputs by config key instead of argument name; a key
   * already reported (missing, or not a number) is not reported twice.
   *
   * @param e the problems
   * @param keys config keys of argument names where they differ from {@link #KEYS}
   */
  private void report(InvalidInputException e, Map<String, String> keys) {
    for (Problem problem : e.problems()) {
      String key = keys.getOrDefault(problem.field(), KEYS.getOrDefault(problem.field(), problem.field()));
      if (keysInError.add(key) || (problem.isError() && !problem.text().isEmpty())) {
        String message = problem.message()
            .replaceFirst("^(MtaStsArgs|VerificationOptions)\\.\\w+: ", "");
        errors.add("config " + key + ": " + message);
      }
    }
  }
}

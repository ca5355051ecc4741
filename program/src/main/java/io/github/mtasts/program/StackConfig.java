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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
 *   <tr><td>{@code route53ZoneId}</td><td>the Route 53 hosted zone of the domain
 *       (required)</td></tr>
 *   <tr><td>{@code hosting}</td><td>{@code s3-cloudfront} (default) or {@code github-pages}
 *       </td></tr>
 *   <tr><td>{@code bucketName}</td><td>the S3 bucket of the policy file (optional; with
 *       s3-cloudfront)</td></tr>
 *   <tr><td>{@code githubRepository}</td><td>the repository that serves the policy, as
 *       OWNER/NAME (required with github-pages)</td></tr>
 *   <tr><td>{@code verifyTimeout}</td><td>seconds verifications retry (optional)</td></tr>
 *   <tr><td>{@code verifyFailOn}</td><td>{@code error}, {@code warning} or {@code never}
 *       (optional)</td></tr>
 *   <tr><td>{@code verifyHttpsPort}, {@code verifySmtpPort}</td><td>ports instead of 443 and
 *       25; test laboratories only</td></tr>
 * </table>
 */
public final class StackConfig {
  /** The default policy lifetime: one week, as RFC 8461 §3.2 expects "weeks or greater". */
  static final long DEFAULT_MAX_AGE_SECONDS = 604_800L;

  /** The words of the {@code hosting} key. */
  static final String S3_CLOUDFRONT = "s3-cloudfront";
  static final String GITHUB_PAGES = "github-pages";

  /** {@link MtaStsArgs} field names, as the configuration calls them; hosting is set apart. */
  private static final Map<String, String> KEYS = Map.ofEntries(
      Map.entry("domain", "domain"), Map.entry("mode", "mode"), Map.entry("mx", "mx"),
      Map.entry("maxAge", "maxAge"), Map.entry("tlsRptRua", "rua"),
      Map.entry("dns", "route53ZoneId"),
      Map.entry("timeout", "verifyTimeout"), Map.entry("failOn", "verifyFailOn"),
      Map.entry("httpsPort", "verifyHttpsPort"), Map.entry("smtpPort", "verifySmtpPort"));

  private final Function<String, Optional<String>> config;
  private final List<String> errors = new ArrayList<>();
  private final Set<String> keysInError = new HashSet<>();
  /** The key the hosting's problems are reported under: bucketName or githubRepository. */
  private String hostingKey = "bucketName";

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
    Optional<String> zone = required("route53ZoneId",
        "the id of the Route 53 hosted zone of the domain, such as Z0123456789ABCDEFGHIJ");
    VerificationOptions.Builder verification = VerificationOptions.builder();
    seconds("verifyTimeout", 1).ifPresent(s -> verification.timeout(Duration.ofSeconds(s)));
    value("verifyFailOn").ifPresent(verification::failOn);
    seconds("verifyHttpsPort", 1).ifPresent(port -> verification.httpsPort(asPort(port)));
    seconds("verifySmtpPort", 1).ifPresent(port -> verification.smtpPort(asPort(port)));
    try {
      zone.ifPresent(id -> args.dns(Dns.route53(id)));
    } catch (InvalidInputException e) {
      report(e);
    }
    try {
      hosting().ifPresent(args::hosting);
    } catch (InvalidInputException e) {
      report(e);
    }
    try {
      args.verification(verification.build());
    } catch (InvalidInputException e) {
      report(e);
    }
    MtaStsArgs built = null;
    try {
      built = args.build();
    } catch (InvalidInputException e) {
      report(e);
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException(errors);
    }
    return built;
  }

  /**
   * The hosting the {@code hosting} key names, with its own key; a key of the other hosting is
   * an error, since it would be ignored.
   */
  private Optional<Hosting> hosting() {
    String word = value("hosting").orElse(S3_CLOUDFRONT);
    Optional<String> bucket = value("bucketName");
    Optional<String> repository = value("githubRepository");
    if (word.equals(S3_CLOUDFRONT)) {
      repository.ifPresent(r -> misplaced("githubRepository", GITHUB_PAGES));
      return Optional.of(bucket.map(Hosting::s3CloudFront).orElseGet(Hosting::s3CloudFront));
    }
    if (word.equals(GITHUB_PAGES)) {
      hostingKey = "githubRepository";
      bucket.ifPresent(b -> misplaced("bucketName", S3_CLOUDFRONT));
      return required("githubRepository", "the repository that serves the policy, as OWNER/NAME,"
          + " such as example-org/mta-sts").flatMap(this::githubPages);
    }
    hostingKey = "hosting";
    keysInError.add("hosting");
    errors.add("config hosting: '" + word + "' is no hosting: pulumi config set hosting "
        + S3_CLOUDFRONT + " (S3 behind CloudFront) or " + GITHUB_PAGES + " (GitHub Pages).");
    return Optional.empty();
  }

  /** OWNER/NAME as the component's GitHub Pages hosting. */
  private Optional<Hosting> githubPages(String fullName) {
    String[] parts = fullName.split("/", -1);
    if (parts.length != 2) {
      keysInError.add("githubRepository");
      errors.add("config githubRepository: '" + fullName + "' is not OWNER/NAME: pulumi config"
          + " set githubRepository example-org/mta-sts.");
      return Optional.empty();
    }
    return Optional.of(Hosting.githubPages(parts[0], parts[1]));
  }

  private void misplaced(String key, String hosting) {
    keysInError.add(key);
    errors.add("config " + key + " is set, but it is a key of hosting " + hosting + ": set"
        + " hosting " + hosting + ", or pulumi config rm " + key + ".");
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
   */
  private void report(InvalidInputException e) {
    for (Problem problem : e.problems()) {
      String key = problem.field().equals("hosting") ? hostingKey
          : KEYS.getOrDefault(problem.field(), problem.field());
      if (keysInError.add(key) || (problem.isError() && !problem.text().isEmpty())) {
        String message = problem.message()
            .replaceFirst("^(MtaStsArgs|VerificationOptions)\\.\\w+: ", "");
        errors.add("config " + key + ": " + message);
      }
    }
  }
}

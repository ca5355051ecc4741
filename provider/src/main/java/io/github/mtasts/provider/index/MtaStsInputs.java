package io.github.mtasts.provider.index;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.PackageSchema;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaStsArgs;
import io.github.mtasts.sdk.VerificationOptions;
import io.github.mtasts.sdk.enums.VerificationScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the inputs of {@code mtasts:index:MtaSts} into the Java component's {@link MtaStsArgs}:
 * the schema's rules first (types, enums, required, defaults, nested objects), then every rule
 * of {@code MtaStsArgs} itself. Every problem is reported at once, by the property as the program
 * wrote it ({@code dns.route53ZoneId}, {@code maxAge}).
 *
 * <p>The DNS service and the hosting are objects with one property per target: a target is one
 * entry in {@link #DNS} or {@link #HOSTING}, which turns its property's value into the SDK's
 * strategy with the same factory a Java program calls.
 */
final class MtaStsInputs {
  private static final PackageSchema SCHEMA = Schema.model();
  private static final String DNS_TYPE = "mtasts:index:MtaStsDns";
  private static final String HOSTING_TYPE = "mtasts:index:MtaStsHosting";
  private static final String VERIFICATION_TYPE = "mtasts:index:MtaStsVerification";
  /** The Java classes the SDK's messages name before the property. */
  private static final List<String> JAVA_PREFIXES = List.of("MtaStsArgs.", "VerificationOptions.");

  /** The DNS targets, by their property in {@code dns}. */
  private static final Map<String, Target<Dns>> DNS = Map.of(
      "route53ZoneId", Target.text(Dns::route53),
      "cloudflareZone", Target.text(Dns::cloudflare));

  /** The hostings, by their property in {@code hosting}. */
  private static final Map<String, Target<Hosting>> HOSTING = Map.of(
      "s3CloudFront", Target.object("mtasts:index:MtaStsS3CloudFront", site -> site.text("bucketName")
          .map(Hosting::s3CloudFront).orElseGet(Hosting::s3CloudFront)),
      "cloudflareWorker", Target.object("mtasts:index:MtaStsCloudflareWorker", worker -> worker
          .text("script").map(Hosting::cloudflareWorker).orElseGet(Hosting::cloudflareWorker)),
      "githubPages", Target.object("mtasts:index:MtaStsGitHubPages", pages -> Hosting.githubPages(
          pages.text("owner").orElseThrow(), pages.text("repository").orElseThrow())));

  /**
   * One target's property: the schema type of its object, when it is one (checked before the
   * factory runs, so that the factory reads checked values), and the SDK factory a Java program
   * calls.
   */
  private record Target<T>(Optional<String> objectType, Function<PropertyValue, T> factory) {
    static <T> Target<T> text(Function<String, T> factory) {
      return new Target<>(Optional.empty(), value -> factory.apply(MtaStsInputs.text(value)));
    }

    static <T> Target<T> object(String type, Function<PropertyMap, T> factory) {
      return new Target<>(Optional.of(type), value -> factory.apply(MtaStsInputs.object(value)));
    }
  }

  /** The target an object names, by its property, and its strategy. */
  private record Chosen<T>(String property, T strategy) {}

  private MtaStsInputs() {}

  /**
   * Reads and checks the inputs.
   *
   * @param inputs the revealed, known inputs
   * @return the component's args
   * @throws IllegalArgumentException listing every problem, each naming the property, the value
   *     and the fix
   */
  static MtaStsArgs args(PropertyMap inputs) {
    InputCheck check = new InputCheck(SCHEMA.resource(MtaStsComponent.TOKEN), inputs);
    List<String> problems = new ArrayList<>();
    MtaStsArgs.Builder args = MtaStsArgs.builder();
    check.text("domain").ifPresent(args::domain);
    check.text("mode").ifPresent(args::mode);
    check.texts("mx").ifPresent(args::mx);
    check.wholeNumber("maxAge").ifPresent(args::maxAge);
    check.texts("tlsRptRua").ifPresent(args::tlsRptRua);
    Optional<Chosen<Dns>> dns = nested(check, "dns", DNS_TYPE, problems)
        .flatMap(object -> oneTarget("dns", object, DNS, problems));
    Optional<Chosen<Hosting>> hosting = nested(check, "hosting", HOSTING_TYPE, problems)
        .flatMap(object -> oneTarget("hosting", object, HOSTING, problems));
    dns.ifPresent(chosen -> args.dns(chosen.strategy()));
    hosting.ifPresent(chosen -> {
      // The SDK refuses an impossible pair too, naming its factories: here it is named by the
      // properties the program wrote.
      Optional<String> clash = dns.flatMap(d -> chosen.strategy().incompatibility(d.strategy()));
      clash.ifPresentOrElse(reason -> problems.add("hosting." + chosen.property()
              + " cannot be used with dns." + dns.orElseThrow().property() + ": " + reason),
          () -> args.hosting(chosen.strategy()));
    });
    nested(check, "verification", VERIFICATION_TYPE, problems)
        .flatMap(options -> verification(options, problems)).ifPresent(args::verification);
    check.failures().forEach(failure -> problems.add(failure.reason()));
    try {
      return valid(problems, args.build());
    } catch (InvalidInputException e) {
      // What the schema's checks or a target already reported is not repeated ("dns is required").
      e.problems().stream()
          .filter(problem -> problems.stream().noneMatch(p -> p.startsWith(problem.field())))
          .forEach(problem -> problems.add(unprefixed(problem)));
      throw invalid(problems);
    }
  }

  private static MtaStsArgs valid(List<String> problems, MtaStsArgs args) {
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return args;
  }

  private static IllegalArgumentException invalid(List<String> problems) {
    // The engine names the component; the message names its inputs.
    return new IllegalArgumentException(problems.size() == 1 ? problems.get(0)
        : problems.size() + " inputs are not usable:\n  - " + String.join("\n  - ", problems));
  }

  /** A nested object checked against its schema type, its problems named by their path. */
  private static Optional<PropertyMap> nested(InputCheck parent, String property, String type,
      List<String> problems) {
    if (parent.failed(property)) {
      return Optional.empty();
    }
    Optional<PropertyMap> value = parent.inputs().get(property).map(MtaStsInputs::object);
    value.ifPresent(object -> new InputCheck(SCHEMA.objectType(type), object).failures()
        .forEach(failure -> problems.add(property + "." + failure.reason())));
    return value;
  }

  /** The one target an object names, as its strategy. */
  private static <T> Optional<Chosen<T>> oneTarget(String property, PropertyMap object,
      Map<String, Target<T>> targets, List<String> problems) {
    List<String> given = object.keys().stream().filter(targets::containsKey).sorted().toList();
    if (given.size() != 1) {
      problems.add(property + " must set exactly one of " + String.join(", ", targets.keySet().stream()
          .sorted().toList()) + (given.isEmpty() ? ", and sets none" : ", and sets " + String.join(" and ", given)));
      return Optional.empty();
    }
    String name = given.get(0);
    Target<T> target = targets.get(name);
    PropertyValue value = object.get(name).orElseThrow();
    String path = property + "." + name;
    if (target.objectType().isPresent()) {
      if (!(value instanceof PropertyMap map)) {
        return Optional.empty(); // the type's check of the enclosing object reported it
      }
      List<String> failures = new InputCheck(SCHEMA.objectType(target.objectType().get()), map)
          .failures().stream().map(failure -> path + "." + failure.reason()).toList();
      if (!failures.isEmpty()) {
        problems.addAll(failures);
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new Chosen<>(name, target.factory().apply(value)));
    } catch (InvalidInputException e) {
      // The SDK names the argument (dns); the program wrote the nested property (dns.route53ZoneId).
      e.problems().forEach(problem -> problems.add(
          unprefixed(problem).replaceFirst("^" + property + ": ", path + ": ")));
      return Optional.empty();
    }
  }

  private static Optional<VerificationOptions> verification(PropertyMap options, List<String> problems) {
    VerificationOptions.Builder builder = VerificationOptions.builder();
    Optional<Double> timeout = options.number("timeout");
    if (timeout.isPresent() && timeout.get() < 1) {
      problems.add("verification.timeout must be a positive whole number of seconds, got "
          + timeout.get().longValue());
      return Optional.empty();
    }
    timeout.ifPresent(seconds -> builder.timeout(Duration.ofSeconds(seconds.longValue())));
    options.text("failOn").ifPresent(builder::failOn);
    Optional<String> scope = options.text("scope");
    if (scope.isPresent()) {
      Optional<VerificationScope> known = Arrays.stream(VerificationScope.values())
          .filter(value -> value.getValue().equals(scope.get())).findFirst();
      if (known.isEmpty()) {
        problems.add("verification.scope must be one of " + String.join(", ", Arrays.stream(VerificationScope.values())
            .map(VerificationScope::getValue).toList()) + ", got " + Excerpt.quote(scope.get()));
        return Optional.empty();
      }
      builder.scope(known.get());
    }
    options.number("httpsPort").ifPresent(port -> builder.httpsPort(port.intValue()));
    options.number("smtpPort").ifPresent(port -> builder.smtpPort(port.intValue()));
    try {
      return Optional.of(builder.build());
    } catch (InvalidInputException e) {
      e.problems().forEach(problem -> problems.add("verification." + unprefixed(problem)));
      return Optional.empty();
    }
  }

  /** The SDK's message without the Java class it names: the program wrote the property. */
  private static String unprefixed(Problem problem) {
    String message = problem.message();
    return JAVA_PREFIXES.stream().filter(message::startsWith).findFirst()
        .map(prefix -> message.substring(prefix.length())).orElse(message);
  }

  private static PropertyMap object(PropertyValue value) {
    return value instanceof PropertyMap map ? map : PropertyMap.empty();
  }

  private static String text(PropertyValue value) {
    return value instanceof PropertyValue.Text text ? text.value() : "";
  }
}

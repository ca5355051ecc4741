package io.github.mtasts.provider.index;

import static io.github.mtasts.provider.index.VerificationInputs.CA_FILE;
import static io.github.mtasts.provider.index.VerificationInputs.DOMAIN;
import static io.github.mtasts.provider.index.VerificationInputs.EXPECTED_ID;
import static io.github.mtasts.provider.index.VerificationInputs.EXPECTED_POLICY;
import static io.github.mtasts.provider.index.VerificationInputs.HTTPS_PORT;
import static io.github.mtasts.provider.index.VerificationInputs.RESOLVER;
import static io.github.mtasts.provider.index.VerificationInputs.SMTP_PORT;
import static io.github.mtasts.provider.index.VerificationInputs.TIMEOUT;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.PolicyId;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.DomainNames;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.Verifier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code mtasts:index:Verification}: runs the live verifier (what a sending MTA does, RFC 8461
 * §3 to §5) on create and on every input change, retrying failing checks until the timeout,
 * and records the report as outputs. With failOn {@code error} (the default) an error that
 * remains fails the deployment with the report's messages; with {@code warning} a warning does
 * too; with {@code never} nothing does.
 *
 * <p>A refresh returns the recorded report as it is: re-verifying there would make a refresh
 * fail a stack, or change it, for reasons the user did not change. Deleting changes nothing.
 * The resource's id is the domain; importing by domain verifies it once, without failing.
 */
public final class VerificationResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:index:Verification";

  static final String OK = "ok";
  static final String CHECKS = "checks";
  static final String SUMMARY = "summary";
  static final String VERIFIED_AT = "verifiedAt";

  /** A day: longer than any deployment should wait for its policy to go live. */
  static final long MAX_TIMEOUT_SECONDS = 86_400;

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);
  /** The failing checks a message lists one by one; the checks output holds them all. */
  private static final int MAX_LISTED = 20;

  /** One verification attempt. */
  @FunctionalInterface
  interface Attempt {
    /**
     * Verifies once.
     *
     * @param inputs what to verify and how
     * @param config the provider's configuration
     * @return the report
     */
    Report verify(VerificationInputs inputs, ProviderConfig config);
  }

  /** An attempt with the live verifier; a fresh one each time, so no answer is reused. */
  static final Attempt LIVE = (inputs, config) -> {
    try (Verifier verifier = Verifier.create(inputs.options(config))) {
      return verifier.verify(inputs.domain());
    }
  };

  private final Attempt attempt;
  private final Duration firstWait;

  /** The resource with the live verifier. */
  public VerificationResource() {
    this(LIVE, VerificationRun.FIRST_WAIT);
  }

  /**
   * The resource with another verifier, for tests of the retry and failure logic.
   *
   * @param attempt verifies once
   * @param firstWait the first wait between attempts
   */
  VerificationResource(Attempt attempt, Duration firstWait) {
    this.attempt = attempt;
    this.firstWait = firstWait;
  }

  @Override
  public InputSchema schema() {
    return INPUTS;
  }

  @Override
  public void validate(InputCheck check) {
    check.text(DOMAIN).ifPresent(domain -> {
      try {
        DomainNames.normalize(domain);
      } catch (IllegalArgumentException e) {
        check.fail(DOMAIN, e.getMessage());
      }
    });
    check.text(EXPECTED_POLICY).ifPresent(body -> check.failAll(EXPECTED_POLICY, messages(Policy.parse(body).errors())));
    check.text(EXPECTED_ID).ifPresent(id -> check.failAll(EXPECTED_ID, messages(PolicyId.parse(id).errors())));
    check.integer(TIMEOUT, 0, MAX_TIMEOUT_SECONDS, "seconds");
    CommonChecks.resolver(check, RESOLVER);
    CommonChecks.pemFile(check, CA_FILE);
    check.integer(HTTPS_PORT, 1, 65535, "port");
    check.integer(SMTP_PORT, 1, 65535, "port");
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    return new ResourceState(domainOf(inputs), inputs, verifyOrPreview(context, inputs));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    return verifyOrPreview(context, news);
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    if (!state.keys().isEmpty()) {
      return new ResourceState(id, inputs, state);
    }
    // An import: the id is the domain; verify once and adopt what is found, never failing.
    CheckResult checked = check(PropertyMap.empty(), PropertyMap.builder().put(DOMAIN, id).build());
    if (!checked.failures().isEmpty()) {
      throw new IllegalArgumentException("cannot import " + TOKEN + " " + Excerpt.quote(id) + ": the id must be a mail domain: "
          + checked.failures().get(0).reason());
    }
    PropertyMap imported = checked.inputs();
    VerificationInputs typed = VerificationInputs.of(imported);
    return new ResourceState(domainOf(imported), imported, outputs(imported, typed, attempt.verify(typed, context.config())));
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    // A verification changes nothing outside the stack.
  }

  private PropertyMap verifyOrPreview(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      // Nothing is verified in a preview: the report is known only once the deployment ran.
      return inputs.toBuilder()
          .put(OK, PropertyValue.UNKNOWN)
          .put(SUMMARY, PropertyValue.UNKNOWN)
          .put(CHECKS, PropertyValue.UNKNOWN)
          .put(VERIFIED_AT, PropertyValue.UNKNOWN)
          .build();
    }
    VerificationInputs typed = VerificationInputs.of(inputs);
    boolean never = typed.failOn() == VerificationInputs.FailOn.NEVER;
    // Under never nothing waits for a pass: retrying checks whose failure changes nothing would
    // hold every update for the whole timeout on a network where they cannot pass.
    Duration timeout = never ? Duration.ZERO
        : context.timeout().filter(t -> t.compareTo(typed.timeout()) < 0).orElse(typed.timeout());
    Report report = new VerificationRun(() -> attempt.verify(typed, context.config()), context.log(), context.cancellation(), firstWait)
        .run(typed.domain(), typed.failOn(), timeout);
    List<Check> failing = VerificationRun.failing(report, typed.failOn());
    if (!failing.isEmpty()) {
      if (!never) {
        throw new OperationFailedException(failure(report, failing, typed, timeout));
      }
      context.log().warning(notFailing(report, failing, typed));
    }
    context.log().info(VerificationRun.summary(report));
    return outputs(inputs, typed, report);
  }

  /** What failed under failOn never, which the update shows instead of failing on it. */
  private static String notFailing(Report report, List<Check> failing, VerificationInputs inputs) {
    // The ids of the STARTTLS probes' checks (CheckIds.MX_TLS_*) share this prefix.
    boolean probes = failing.stream().anyMatch(check -> check.id().startsWith("mx.tls."));
    return "the verification of " + report.domain() + " found " + failing.size() + " failing check"
        + (failing.size() == 1 ? "" : "s") + "; with failOn \"never\" they do not fail the update and were not"
        + " retried:\n" + lines(failing)
        + (probes && inputs.scope() == Scope.ALL
            ? "\nWhere the network blocks outgoing port 25, verify with scope \"" + Scope.POLICY_AND_RECORDS.word()
                + "\", which checks all but the STARTTLS probes of the MX hosts, and keep failOn \"error\"."
            : "");
  }

  private static String lines(List<Check> checks) {
    List<String> lines = checks.stream().limit(MAX_LISTED)
        .map(check -> "  " + check.severity().name().toLowerCase(Locale.ROOT) + " " + check.id() + ": " + check.message())
        .collect(Collectors.toCollection(ArrayList::new));
    if (checks.size() > MAX_LISTED) {
      lines.add("  and " + Excerpt.count(checks.size() - MAX_LISTED) + " more (see the checks output)");
    }
    return String.join("\n", lines);
  }

  private static PropertyMap outputs(PropertyMap inputs, VerificationInputs typed, Report report) {
    List<PropertyValue> checks = report.checks().stream()
        .map(check -> (PropertyValue) PropertyMap.builder()
            .put("id", check.id())
            .put("severity", check.severity().name().toLowerCase(Locale.ROOT))
            .put("message", check.message())
            .build())
        .toList();
    // The summary's shape is the verifier's (Summary), the same as mtasts verify --json prints.
    PropertyMap.Builder summary = PropertyMap.builder();
    report.summary().toMap().forEach((name, count) -> summary.put(name, PropertyValue.of(count)));
    return inputs.toBuilder()
        .put(OK, PropertyValue.of(VerificationRun.failing(report, typed.failOn()).isEmpty()))
        .put(SUMMARY, summary.build())
        .put(CHECKS, new PropertyValue.Array(checks))
        .put(VERIFIED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .build();
  }

  private static String failure(Report report, List<Check> failing, VerificationInputs inputs, Duration timeout) {
    String checks = lines(failing);
    String waited = timeout.isZero() ? "" : " (retried for " + timeout.toSeconds() + "s)";
    return "the verification of " + report.domain() + " found " + failing.size() + " failing check"
        + (failing.size() == 1 ? "" : "s") + " with failOn \"" + inputs.failOn().word() + "\"" + waited + ":\n" + checks
        + "\nFix the deployment and run the update again; to wait longer for it to go live, raise timeout.";
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }

  private static String domainOf(PropertyMap inputs) {
    return inputs.isUnknown(DOMAIN) ? "" : inputs.text(DOMAIN).map(DomainNames::normalize).orElse("");
  }
}

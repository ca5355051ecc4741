package io.github.mtasts.provider.index;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.MaxAge;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.FunctionHandler;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.verify.MxHosts;
import io.github.mtasts.verify.Verifier;
import io.github.mtasts.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code mtasts:index:checkMxCoverage}: which of a domain's current MX hosts the mx patterns of
 * a policy do not cover (RFC 8461 §4.1), looked up live the way a sender looks them up, with the
 * verifier's DNS (the provider's verifyResolver, else the authoritative servers). A program calls
 * it before it publishes a policy: in enforce mode senders refuse to deliver to an uncovered MX
 * host (RFC 8461 §5). It reports and does not judge; the caller decides whether an uncovered host
 * fails the deployment. A lookup that gets no answer fails the call: nothing can be said then.
 */
public final class CheckMxCoverageFunction implements FunctionHandler {

  /** The function token. */
  public static final String TOKEN = "mtasts:index:checkMxCoverage";

  static final String DOMAIN = "domain";
  static final String MODE = "mode";
  static final String MX = "mx";
  static final String MX_HOSTS = "mxHosts";
  static final String UNCOVERED = "uncovered";
  static final String MESSAGE = "message";
  static final String DOMAIN_EXISTS = "domainExists";

  private static final InputSchema ARGS = Schema.model().function(TOKEN);

  @Override
  public InputSchema schema() {
    return ARGS;
  }

  @Override
  public void validate(InputCheck check) {
    for (String arg : ARGS.names()) {
      if (check.inputs().isUnknown(arg)) {
        check.fail(arg, arg + " is not known yet: call " + TOKEN + " with known values (apply on the outputs first)");
      }
    }
    CommonChecks.domain(check, DOMAIN).ifPresent(domain -> check.put(DOMAIN, domain));
    check.text(MODE).ifPresent(mode -> failWith(check, MODE, Mode.parse(mode)));
    check.texts(MX).ifPresent(patterns -> {
      List<Problem> problems = new ArrayList<>();
      patterns.forEach(pattern -> problems.addAll(MxPattern.parse(pattern).errors()));
      check.failAll(MX, problems.stream().map(Problem::message).toList());
    });
  }

  @Override
  public PropertyMap invoke(ProviderConfig config, PropertyMap args) {
    MxCoverageArgs typed = MxCoverageArgs.of(args);
    List<MxPattern> patterns = typed.patterns();
    VerifyOptions options = VerificationInputs.dns(VerifyOptions.builder(), Optional.empty(), config).build();
    MxHosts found;
    try (Verifier verifier = Verifier.create(options)) {
      found = verifier.mxHosts(typed.domain());
    }
    if (found.outcome() == MxHosts.Outcome.LOOKUP_FAILED) {
      throw new OperationFailedException(found.description() + "; the MX coverage of the policy cannot be checked:"
          + " try again, or point the provider's verifyResolver at a resolver that answers");
    }
    // RFC 8461 §4.1: an MX host is covered when some mx pattern matches it. The policy's index
    // finds a host's patterns by its name, whatever their number (a policy of the given patterns;
    // its max_age plays no part in matching).
    Optional<Policy> policy = patterns.isEmpty() ? Optional.empty()
        : Optional.of(Policy.builder().mode(Mode.TESTING).mx(typed.mx()).maxAge(MaxAge.MAX_SECONDS).build());
    List<String> uncovered = found.hosts().stream()
        .filter(host -> policy.map(p -> p.patternsCovering(host).isEmpty()).orElse(true))
        .toList();
    boolean exists = found.outcome() != MxHosts.Outcome.NO_SUCH_DOMAIN;
    return PropertyMap.builder()
        .put(MX_HOSTS, PropertyValue.ofTexts(found.hosts()))
        .put(UNCOVERED, PropertyValue.ofTexts(uncovered))
        .put(DOMAIN_EXISTS, PropertyValue.of(exists))
        .put(MESSAGE, message(found, uncovered, typed.mx(), typed.mode()))
        .build();
  }

  private static String message(MxHosts found, List<String> uncovered, List<String> patterns, Mode mode) {
    if (found.outcome() == MxHosts.Outcome.NO_SUCH_DOMAIN) {
      // RFC 8461 §3: a policy is published for a domain that receives mail; none does here.
      return found.description() + ": a policy for it protects nothing; check the domain's spelling, or create"
          + " the domain before its policy";
    }
    if (found.hosts().isEmpty()) {
      return found.description() + ", so there is no MX host to cover";
    }
    if (uncovered.isEmpty()) {
      return found.description() + "; the mx patterns " + Excerpt.list(patterns) + " cover every one";
    }
    String consequence = switch (mode) {
      // RFC 8461 §5: in enforce mode senders must not deliver to a host that fails MX matching.
      case ENFORCE -> "in enforce mode senders will not deliver mail to "
          + (uncovered.size() == 1 ? "it" : "them");
      case TESTING -> "in testing mode senders still deliver, and report the failure (RFC 8460)";
      case NONE -> "in mode none senders ignore the policy, but the next mode will matter";
    };
    return found.description() + "; no mx pattern of " + Excerpt.list(patterns) + " matches " + Excerpt.list(uncovered)
        + ": " + consequence + "; add " + Excerpt.list(uncovered.stream().map(host -> "mx: " + host).toList())
        + " to the policy, or a wildcard that covers " + (uncovered.size() == 1 ? "it" : "them");
  }

  private static void failWith(InputCheck check, String property, ParseResult<?> parsed) {
    check.failAll(property, parsed.errors().stream().map(Problem::message).toList());
  }
}

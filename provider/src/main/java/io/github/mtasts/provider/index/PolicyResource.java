package io.github.mtasts.provider.index;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.MaxAge;
import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:index:Policy}: an MTA-STS policy computed from its inputs (RFC 8461 §3.2), with
 * its canonical body, derived id, {@code _mta-sts} TXT value (§3.1) and, when report addresses
 * are given, the {@code _smtp._tls} TXT value (RFC 8460 §3).
 *
 * <p>Pure: nothing outside the stack changes, so create, update and preview compute the same
 * outputs; in a preview an output is unknown exactly when an input it derives from is. The id
 * of the resource is its name: there is no remote object to identify, and {@code policyId}
 * changes with the body while a resource id never changes.
 */
public final class PolicyResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:index:Policy";

  static final String MODE = "mode";
  static final String MX = "mx";
  static final String MAX_AGE = "maxAge";
  static final String RUA = "rua";
  static final String BODY = "body";
  static final String POLICY_ID = "policyId";
  static final String STS_RECORD = "stsRecord";
  static final String TLS_RPT_RECORD = "tlsRptRecord";

  /**
   * The schema leaves mx optional, as a policy in mode none may leave it out (RFC 8461 §3.2): the
   * policy core's rule across mode and mx decides, in {@link #check}.
   */
  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  /** The policy core names fields as the policy text does; the inputs are camelCase. */
  private static final Map<String, String> PROPERTY_OF_FIELD = Map.of("mode", MODE, "mx", MX, "max_age", MAX_AGE, "rua", RUA);

  /** The body and its id and record derive from the policy fields; the TLS-RPT record from rua. */
  private static final Map<String, Set<String>> DERIVATIONS = Map.of(
      BODY, Set.of(MODE, MX, MAX_AGE),
      POLICY_ID, Set.of(MODE, MX, MAX_AGE),
      STS_RECORD, Set.of(MODE, MX, MAX_AGE),
      TLS_RPT_RECORD, Set.of(RUA));

  @Override
  public InputSchema schema() {
    return INPUTS;
  }

  @Override
  public Map<String, Set<String>> derivations() {
    return DERIVATIONS;
  }

  @Override
  public void validate(InputCheck check) {
    Optional<Mode> mode = check.text(MODE).map(word -> InputRecord.constant(Mode.class, word));
    Optional<List<String>> mx = check.texts(MX);
    mx.ifPresent(patterns -> {
      List<Problem> problems = new ArrayList<>();
      patterns.forEach(pattern -> problems.addAll(MxPattern.parse(pattern).errors()));
      failWith(check, MX, problems);
    });
    Optional<Long> maxAge = check.wholeNumber(MAX_AGE)
        .flatMap(seconds -> parsed(check, MAX_AGE, MaxAge.parse(Long.toString(seconds))));
    check.texts(RUA).filter(uris -> !uris.isEmpty()).ifPresent(uris -> {
      try {
        TlsRptRecord.of(uris);
      } catch (InvalidInputException e) {
        failWith(check, RUA, e.problems());
      }
    });
    boolean complete = mode.isPresent() && maxAge.isPresent() && (mx.isPresent() || !check.inputs().isSet(MX));
    if (complete && check.failures().isEmpty()) {
      // Rules across fields, such as mx being required unless mode is none (RFC 8461 §3.2).
      try {
        Policy.builder().mode(mode.get()).mx(mx.orElse(List.of())).maxAge(maxAge.get()).build();
      } catch (InvalidInputException e) {
        e.problems().forEach(problem -> failWith(check, PROPERTY_OF_FIELD.getOrDefault(problem.field(), MODE), List.of(problem)));
      }
    }
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    if (inputs.hasChanges()) {
      return inputs;
    }
    // Same inputs, yet a different canonical body (a newer renderer): the served body and its
    // id must follow, so this is an update of the computed outputs.
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>();
    PropertyMap computed = outputs(news);
    for (String output : List.of(BODY, POLICY_ID, STS_RECORD, TLS_RPT_RECORD)) {
      if (!computed.get(output).equals(oldState.get(output))) {
        changes.put(output, PropertyDiff.Kind.UPDATE);
      }
    }
    return new DiffResult(changes, false);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    warnAdvisories(context, inputs);
    return new ResourceState(context.name(), inputs, outputs(inputs));
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    if (inputs.keys().isEmpty()) {
      throw new IllegalArgumentException(TOKEN + " cannot be imported: it has no remote object; declare it in the "
          + "program with its inputs (" + String.join(", ", INPUTS.names()) + ") and its outputs are computed from them");
    }
    return new ResourceState(id, inputs, outputs(inputs));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    warnAdvisories(context, news);
    return outputs(news);
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    // Nothing outside the stack to remove.
  }

  /** The inputs plus every computed value; unknown where an input it derives from is unknown. */
  private static PropertyMap outputs(PropertyMap inputs) {
    PropertyMap.Builder outputs = PropertyMap.builder();
    INPUTS.names().forEach(key -> inputs.get(key).ifPresent(value -> outputs.put(key, value)));
    Optional<Policy> policy = policyOf(inputs);
    if (policy.isPresent()) {
      outputs.put(BODY, policy.get().render())
          .put(POLICY_ID, policy.get().id().value())
          .put(STS_RECORD, StsRecord.of(policy.get().id()).render());
    } else {
      outputs.put(BODY, PropertyValue.UNKNOWN).put(POLICY_ID, PropertyValue.UNKNOWN).put(STS_RECORD, PropertyValue.UNKNOWN);
    }
    if (inputs.isUnknown(RUA)) {
      outputs.put(TLS_RPT_RECORD, PropertyValue.UNKNOWN);
    } else {
      // An empty list means no report address, like an unset property.
      inputs.texts(RUA).filter(uris -> !uris.isEmpty())
          .ifPresent(uris -> outputs.put(TLS_RPT_RECORD, TlsRptRecord.of(uris).render()));
    }
    return outputs.build();
  }

  private static void warnAdvisories(OperationContext context, PropertyMap inputs) {
    policyOf(inputs).ifPresent(policy -> policy.advisories().forEach(advisory -> context.log().warning(advisory.message())));
  }

  /** The policy of checked inputs, or empty while a field it needs is unknown (a preview). */
  private static Optional<Policy> policyOf(PropertyMap inputs) {
    if (DERIVATIONS.get(BODY).stream().anyMatch(inputs::isUnknown)) {
      return Optional.empty();
    }
    return Optional.of(PolicyInputs.of(inputs.withoutUnknowns()).policy());
  }

  private static <T> Optional<T> parsed(InputCheck check, String property, ParseResult<T> result) {
    failWith(check, property, result.errors());
    return result.value();
  }

  /** The core's sentences, naming the field as the program writes it: maxAge, not max_age. */
  private static void failWith(InputCheck check, String property, List<Problem> problems) {
    check.failAll(property, problems.stream().map(problem -> named(problem, property)).toList());
  }

  private static String named(Problem problem, String property) {
    String field = problem.field();
    String message = problem.message();
    return PROPERTY_OF_FIELD.containsKey(field) && message.startsWith(field + " ")
        ? property + message.substring(field.length()) : message;
  }
}

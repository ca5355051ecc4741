package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.AcmCertificates;
import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.aws.PolicySiteIncompleteException;
import io.github.mtasts.aws.PolicySiteSpec;
import io.github.mtasts.aws.PolicySiteState;
import io.github.mtasts.aws.PolicySites;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.RecordedState;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceInitFailedException;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:aws:PolicySite}: the HTTPS host that serves a domain's MTA-STS policy at
 * {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} (RFC 8461 §3.3): a private S3 bucket
 * with the policy object behind a CloudFront distribution (origin access control, the alias
 * {@code mta-sts.DOMAIN}, the ACM certificate). Its id, also its import id, is the bucket name.
 *
 * <p>A new body is uploaded, the distribution's copy invalidated and the invalidation awaited
 * before an update returns: when it does, senders get the new body, so the {@code _mta-sts} id
 * may change after it. A create that fails part way (a permission missing, a wait that ran out)
 * reports what it made as a partial state; the next deployment's update finishes it. The domain
 * and the bucket identify a site: changing either replaces it, the old one deleted first unless
 * both change, because a bucket and the alias {@code mta-sts.DOMAIN} belong to one site only
 * (senders keep using their cached policy meanwhile, RFC 8461 §5.1).
 */
public final class AwsPolicySiteResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:aws:PolicySite";

  static final String DOMAIN = "domain";
  static final String CERTIFICATE_ARN = "certificateArn";
  static final String POLICY = "policy";
  static final String BUCKET_NAME = "bucketName";
  static final String CACHE_CONTROL = "cacheControl";
  static final String BUCKET_REGION = "bucketRegion";
  static final String DISTRIBUTION_ID = "distributionId";
  static final String DISTRIBUTION_ARN = "distributionArn";
  static final String DISTRIBUTION_DOMAIN_NAME = "distributionDomainName";
  static final String OAC_ID = "oacId";
  static final String POLICY_URL = "policyUrl";
  static final String POLICY_SHA256 = "policySha256";

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  /** The parts a complete site has; a state without one is finished by the next update. */
  private static final List<String> PARTS = List.of(OAC_ID, DISTRIBUTION_ID, POLICY_SHA256);

  /** CloudFront deploys a new or changed distribution in 5 to 15 minutes. */
  private static final Duration TIMEOUT = Duration.ofMinutes(45);

  private static final Map<String, Set<String>> DERIVATIONS = Map.of(
      POLICY_URL, Set.of(DOMAIN),
      POLICY_SHA256, Set.of(POLICY),
      BUCKET_REGION, Set.of(),
      DISTRIBUTION_ID, Set.of(DOMAIN, BUCKET_NAME),
      DISTRIBUTION_ARN, Set.of(DOMAIN, BUCKET_NAME),
      DISTRIBUTION_DOMAIN_NAME, Set.of(DOMAIN, BUCKET_NAME),
      OAC_ID, Set.of(BUCKET_NAME));

  private final AwsAccess aws;

  public AwsPolicySiteResource(AwsAccess aws) {
    this.aws = aws;
  }

  @Override
  public Map<String, Set<String>> derivations() {
    return DERIVATIONS;
  }

  @Override
  public InputSchema schema() {
    return INPUTS;
  }

  @Override
  public void validate(InputCheck check) {
    Optional<String> domain = CommonChecks.domain(check, DOMAIN).filter(name -> {
      if (name.startsWith(PolicySiteSpec.HOST_LABEL)) {
        check.fail(DOMAIN, DOMAIN + " " + Excerpt.quote(name) + " is a policy host: give the mail domain ("
            + name.substring(PolicySiteSpec.HOST_LABEL.length()) + "); the site adds " + PolicySiteSpec.HOST_LABEL);
        return false;
      }
      return true;
    });
    domain.ifPresent(name -> check.put(DOMAIN, name));
    check.text(CERTIFICATE_ARN).ifPresent(arn -> valid(check, CERTIFICATE_ARN,
        () -> AcmCertificates.checkArn(CERTIFICATE_ARN, arn)));
    // RFC 8461 §3.2: the body must be a policy senders can parse, or they ignore it.
    check.text(POLICY).ifPresent(body -> check.failAll(POLICY,
        Policy.parse(body).errors().stream().map(Problem::message).toList()));
    check.text(BUCKET_NAME).ifPresent(name -> valid(check, BUCKET_NAME, () -> PolicySiteSpec.checkBucketName(name)));
    if (!check.inputs().isSet(BUCKET_NAME)) {
      // The default bucket name derives from the domain, which the schema cannot say.
      check.put(BUCKET_NAME, check.inputs().isUnknown(DOMAIN) || domain.isEmpty()
          ? PropertyValue.UNKNOWN
          : PropertyValue.of(PolicySiteSpec.defaultBucketName(domain.get())));
    }
    if (check.failures().isEmpty() && !check.inputs().containsUnknowns()) {
      // The rules of the site as a whole, such as the Cache-Control header's characters.
      try {
        PolicySiteInputs.of(check.inputs()).spec();
      } catch (InvalidSpecException e) {
        check.fail(e.field().equals("policyBody") ? POLICY : e.field(), e.getMessage());
      }
    }
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>(inputs.changes());
    if (!oldState.keys().isEmpty() && inputs.replaces().isEmpty()) {
      // A part missing from the recorded state (a create that stopped, a refresh that found it
      // deleted) is made by an update.
      PARTS.stream().filter(part -> !oldState.isSet(part)).forEach(part -> changes.put(part, PropertyDiff.Kind.UPDATE));
    }
    boolean bothMove = changes.containsKey(DOMAIN) && changes.containsKey(BUCKET_NAME)
        && !news.isUnknown(DOMAIN) && !news.isUnknown(BUCKET_NAME);
    return new DiffResult(changes, !bothMove);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      return new ResourceState("", inputs, preview(inputs, PropertyMap.empty()));
    }
    PolicySiteSpec spec = PolicySiteInputs.of(inputs).spec();
    PolicySiteState state = aws.run(context, "the creation of the policy site " + spec.bucketName(),
        context.timeout().orElse(TIMEOUT), (clients, wait) -> {
          try {
            return new PolicySites(clients).create(spec, wait);
          } catch (PolicySiteIncompleteException e) {
            throw incomplete(inputs, e);
          }
        });
    return new ResourceState(state.id(), inputs, outputs(inputs, state));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    if (context.preview()) {
      return preview(news, oldState);
    }
    PolicySiteSpec spec = PolicySiteInputs.of(news).spec();
    PolicySiteState current = state(new RecordedState(TOKEN, id, oldState));
    PolicySiteState state = aws.run(context, "the update of the policy site " + id, context.timeout().orElse(TIMEOUT),
        (clients, wait) -> {
          try {
            return new PolicySites(clients).update(current, spec, wait);
          } catch (PolicySiteIncompleteException e) {
            throw incomplete(news, e);
          }
        });
    return outputs(news, state);
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    try {
      PolicySiteSpec.checkBucketName(id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": the id is the bucket name: " + e.getMessage(), e);
    }
    Optional<PolicySiteState> found = aws.read(context, "the read of the policy site " + id,
        clients -> new PolicySites(clients).read(id));
    if (found.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    PolicySiteState live = found.get();
    if (inputs.keys().isEmpty() && (live.domain().isEmpty() || live.certificateArn().isEmpty() || live.policyBody().isEmpty())) {
      throw new IllegalArgumentException("cannot import " + TOKEN + " " + Excerpt.quote(id) + ": the bucket exists, but "
          + (live.policyBody().isEmpty() ? "holds no " + PolicySiteSpec.OBJECT_KEY
              : "no CloudFront distribution with an alias " + PolicySiteSpec.HOST_LABEL + "DOMAIN and a certificate serves it")
          + "; declare the site in the program instead, and its creation adopts the bucket");
    }
    // What is live replaces what was recorded, so that the next update repairs any drift.
    PropertyMap.Builder current = inputs.toBuilder().put(BUCKET_NAME, id);
    live.domain().ifPresent(domain -> current.put(DOMAIN, domain));
    live.certificateArn().ifPresent(arn -> current.put(CERTIFICATE_ARN, arn));
    live.policyBody().ifPresent(body -> current.put(POLICY, body));
    current.put(CACHE_CONTROL, live.cacheControl().orElse(PolicySiteSpec.DEFAULT_CACHE_CONTROL));
    PropertyMap currentInputs = current.build();
    return new ResourceState(id, currentInputs, outputs(currentInputs, live));
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    PolicySiteState current = state(new RecordedState(TOKEN, id, state));
    aws.run(context, "the deletion of the policy site " + id, context.timeout().orElse(TIMEOUT), (clients, wait) -> {
      new PolicySites(clients).delete(current, wait);
      return id;
    });
  }

  /** A failure part way: the engine records what exists, the next update finishes the rest. */
  private static ResourceInitFailedException incomplete(PropertyMap inputs, PolicySiteIncompleteException e) {
    PolicySiteState partial = e.partialState();
    return new ResourceInitFailedException(e.getMessage() + " (the next pulumi up resumes from the state reached)",
        new ResourceState(partial.id(), inputs, outputs(inputs, partial)));
  }

  /** The outputs of a preview: what the inputs and the recorded state tell, the rest unknown. */
  private static PropertyMap preview(PropertyMap inputs, PropertyMap oldState) {
    PropertyMap.Builder outputs = inputs.toBuilder();
    for (String part : List.of(BUCKET_REGION, DISTRIBUTION_ID, DISTRIBUTION_ARN, DISTRIBUTION_DOMAIN_NAME, OAC_ID)) {
      // The bucket and the distribution stay through an update; a create makes new ones.
      outputs.put(part, oldState.get(part).orElse(PropertyValue.UNKNOWN));
    }
    outputs.put(POLICY_URL, inputs.isUnknown(DOMAIN) ? PropertyValue.UNKNOWN : PropertyValue.of(policyUrl(inputs.text(DOMAIN).orElseThrow())));
    outputs.put(POLICY_SHA256, inputs.isUnknown(POLICY) ? PropertyValue.UNKNOWN
        : PropertyValue.of(PolicySiteSpec.sha256(inputs.text(POLICY).orElseThrow())));
    return outputs.build();
  }

  /** The inputs plus what exists of the site; a part not made yet is absent. */
  private static PropertyMap outputs(PropertyMap inputs, PolicySiteState state) {
    PropertyMap.Builder outputs = inputs.toBuilder().put(BUCKET_REGION, state.bucketRegion());
    state.distributionId().ifPresent(value -> outputs.put(DISTRIBUTION_ID, value));
    state.distributionArn().ifPresent(value -> outputs.put(DISTRIBUTION_ARN, value));
    state.distributionDomainName().ifPresent(value -> outputs.put(DISTRIBUTION_DOMAIN_NAME, value));
    state.oacId().ifPresent(value -> outputs.put(OAC_ID, value));
    outputs.put(POLICY_URL, policyUrl(inputs.text(DOMAIN).orElseThrow()));
    state.policyBodySha256().ifPresent(value -> outputs.put(POLICY_SHA256, value));
    return outputs.build();
  }

  /**
   * The site's state as recorded: complete, or partial after a failure. The body counts as
   * published only with its hash; without one the next update uploads and invalidates again.
   */
  private static PolicySiteState state(RecordedState outputs) {
    outputs.require(BUCKET_NAME, BUCKET_REGION);
    PolicySiteState.Builder state = PolicySiteState.builder(outputs.text(BUCKET_NAME), outputs.text(BUCKET_REGION));
    state.domain(outputs.optionalText(DOMAIN).orElse(null))
        .oacId(outputs.optionalText(OAC_ID).orElse(null))
        .distribution(outputs.optionalText(DISTRIBUTION_ID).orElse(null),
            outputs.optionalText(DISTRIBUTION_ARN).orElse(null),
            outputs.optionalText(DISTRIBUTION_DOMAIN_NAME).orElse(null))
        .certificateArn(outputs.optionalText(CERTIFICATE_ARN).orElse(null))
        .policyBodySha256(outputs.optionalText(POLICY_SHA256).orElse(null))
        .cacheControl(outputs.optionalText(POLICY_SHA256).isPresent()
            ? outputs.optionalText(CACHE_CONTROL).orElse(null) : null);
    return state.build();
  }

  /** RFC 8461 §3.3: where senders fetch the policy. */
  private static String policyUrl(String domain) {
    return "https://" + PolicySiteSpec.HOST_LABEL + domain + "/" + PolicySiteSpec.OBJECT_KEY;
  }

  private static void valid(InputCheck check, String property, Runnable validation) {
    try {
      validation.run();
    } catch (InvalidSpecException e) {
      check.fail(property, e.getMessage());
    }
  }
}

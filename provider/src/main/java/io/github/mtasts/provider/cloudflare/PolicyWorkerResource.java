package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.cloudflare.InvalidSpecException;
import io.github.mtasts.cloudflare.PolicyHost;
import io.github.mtasts.cloudflare.PolicyHostIncompleteException;
import io.github.mtasts.cloudflare.PolicyHostSpec;
import io.github.mtasts.cloudflare.PolicyHostTakenException;
import io.github.mtasts.cloudflare.PolicyWorkerScript;
import io.github.mtasts.cloudflare.PolicyWorkers;
import io.github.mtasts.cloudflare.WorkerScript;
import io.github.mtasts.cloudflare.Zones;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.ImportAdvice;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceInitFailedException;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.verify.DomainNames;
import io.github.mtasts.wait.Waiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:cloudflare:PolicyWorker}: the HTTPS host of one mail domain's MTA-STS policy on
 * Cloudflare, {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} (RFC 8461 §3.3): the body in
 * a Worker script that may serve many domains, and {@code mta-sts.DOMAIN} attached to the script
 * as a Workers custom domain. Its id, also its import id, is {@code SCRIPT/DOMAIN}.
 *
 * <p>One resource per domain, many per script: each puts its own domain's body into the script
 * and takes it out again, one change of a script at a time ({@link PolicyWorkers}), so that
 * resources created or changed at once in one deployment never lose each other's bodies. A new
 * body is live when an update returns, so the {@code _mta-sts} id may change after it. A create
 * that fails part way (the host name taken, a permission missing) reports what it made as a
 * partial state; the next deployment's update finishes it. Script, zone and domain identify the
 * policy host: changing one replaces it, the old one deleted first while the domain stays,
 * because one host name is attached to one script only (senders keep using their cached policy
 * meanwhile, RFC 8461 §5.1).
 */
public final class PolicyWorkerResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:cloudflare:PolicyWorker";

  static final String SCRIPT_NAME = "scriptName";
  static final String ZONE_ID = "zoneId";
  static final String DOMAIN = "domain";
  static final String POLICY = "policy";
  static final String POLICY_HOST = "policyHost";
  static final String POLICY_URL = "policyUrl";
  static final String POLICY_SHA256 = "policySha256";
  static final String CUSTOM_DOMAIN_ID = "customDomainId";

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);
  /** The parts a complete policy host has; a state without one is finished by the next update. */
  private static final List<String> PARTS = List.of(POLICY_SHA256, CUSTOM_DOMAIN_ID);
  /** Uploads and attachments take seconds; retries of a rate limit may take minutes. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private static final String HOST_LABEL = "mta-sts.";

  private static final Map<String, Set<String>> DERIVATIONS = Map.of(
      POLICY_HOST, Set.of(DOMAIN),
      POLICY_URL, Set.of(DOMAIN),
      POLICY_SHA256, Set.of(POLICY),
      CUSTOM_DOMAIN_ID, Set.of(SCRIPT_NAME, ZONE_ID, DOMAIN));

  private final CloudflareAccess cloudflare;

  /**
   * The resource, reaching Cloudflare through the provider's settings.
   *
   * @param cloudflare the provider's access to Cloudflare
   */
  public PolicyWorkerResource(CloudflareAccess cloudflare) {
    this.cloudflare = cloudflare;
  }

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
    check.text(SCRIPT_NAME).ifPresent(name -> check.rule(SCRIPT_NAME, () -> WorkerScript.checkName(SCRIPT_NAME, name)));
    check.text(ZONE_ID).flatMap(zone -> check.rule(ZONE_ID, () -> Zones.checkId(ZONE_ID, zone)))
        .ifPresent(zone -> check.put(ZONE_ID, zone));
    Optional<String> domain = CommonChecks.domain(check, DOMAIN).filter(name -> {
      if (name.startsWith(HOST_LABEL)) {
        check.fail(DOMAIN, DOMAIN + " \"" + name + "\" is a policy host: give the mail domain ("
            + name.substring(HOST_LABEL.length()) + "); the Worker answers for " + HOST_LABEL + "<domain>");
        return false;
      }
      return true;
    });
    domain.ifPresent(name -> check.put(DOMAIN, name));
    // RFC 8461 §3.2 and §3.1: a policy senders can parse, in the rendering its id derives from.
    check.text(POLICY).ifPresent(body -> domain.ifPresent(name ->
        check.rule(POLICY, () -> PolicyWorkerScript.builder().policy(name, body))));
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>(inputs.changes());
    if (!oldState.keys().isEmpty() && inputs.replaces().isEmpty()) {
      // A part missing from the recorded state (a create that stopped, a refresh that found it
      // gone) is made by an update.
      PARTS.stream().filter(part -> !oldState.isSet(part)).forEach(part -> changes.put(part, PropertyDiff.Kind.UPDATE));
    }
    // The new policy host can exist beside the old one only for another domain.
    boolean otherDomain = !news.isUnknown(DOMAIN) && !news.get(DOMAIN).equals(oldInputs.get(DOMAIN));
    return new DiffResult(changes, !otherDomain);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      String id = inputs.isUnknown(SCRIPT_NAME) || inputs.isUnknown(DOMAIN) ? ""
          : PolicyWorkers.importId(inputs.text(SCRIPT_NAME).orElseThrow(), inputs.text(DOMAIN).orElseThrow());
      return new ResourceState(id, inputs, preview(inputs, PropertyMap.empty()));
    }
    PolicyHostSpec spec = spec(inputs);
    String id = PolicyWorkers.importId(spec.script(), spec.domain());
    PolicyHost host = serve(context, "the creation of the policy host " + id, inputs,
        (workers, waiter) -> workers.create(spec, waiter));
    return new ResourceState(id, inputs, outputs(inputs, host));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    if (context.preview()) {
      return preview(news, oldState);
    }
    PolicyHostSpec spec = spec(news);
    PolicyHost host = serve(context, "the update of the policy host " + id, news,
        (workers, waiter) -> workers.update(spec, waiter));
    return outputs(news, host);
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    String[] parts = parseId(id);
    Optional<PolicyHost> found = cloudflare.run(context, "the read of the policy host " + id, CloudflareAccess.READ_TIMEOUT,
        (client, waiter) -> client.policyWorkers().read(parts[0], parts[1], waiter));
    if (found.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    PolicyHost live = found.get();
    if (inputs.keys().isEmpty() && !live.complete()) {
      throw new IllegalArgumentException("cannot import " + TOKEN + " " + Excerpt.quote(id) + ": "
          + (live.body().isEmpty() ? "Worker " + parts[0] + " serves no policy for " + parts[1]
              : live.hostname() + " is not attached to Worker " + parts[0])
          + "; declare the policy host in the program instead, and its creation completes it");
    }
    // What is live replaces what was recorded, so that the next update repairs any drift.
    PropertyMap.Builder current = inputs.toBuilder().put(SCRIPT_NAME, parts[0]).put(DOMAIN, parts[1]);
    live.customDomain().ifPresent(attached -> current.put(ZONE_ID, attached.zoneId()));
    live.body().ifPresentOrElse(body -> current.put(POLICY, body), () -> current.remove(POLICY));
    PropertyMap currentInputs = current.build();
    return new ResourceState(id, currentInputs, outputs(currentInputs, live));
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    String[] parts = parseId(id);
    cloudflare.run(context, "the deletion of the policy host " + id, context.timeout().orElse(TIMEOUT),
        (client, waiter) -> {
          client.policyWorkers().delete(parts[0], parts[1], waiter);
          return id;
        });
  }

  /** Creates or updates, with the failures that need a message of this resource's own. */
  private PolicyHost serve(OperationContext context, String what, PropertyMap inputs, Operation operation) {
    return cloudflare.run(context, what, context.timeout().orElse(TIMEOUT), (client, waiter) -> {
      try {
        return operation.apply(client.policyWorkers(), waiter);
      } catch (PolicyHostIncompleteException e) {
        // The engine records what exists; the next update attaches the host.
        throw new ResourceInitFailedException(e.getMessage(), new ResourceState(
            PolicyWorkers.importId(e.partial().script(), e.partial().domain()), inputs, outputs(inputs, e.partial())));
      } catch (PolicyHostTakenException e) {
        throw new OperationFailedException(e.getMessage() + e.importId()
            .map(importId -> ". " + ImportAdvice.of(context, TOKEN, importId)).orElse(""));
      }
    });
  }

  /** A create or an update of the policy host, given the Workers operations and the operation's waiter. */
  @FunctionalInterface
  private interface Operation {
    PolicyHost apply(PolicyWorkers workers, Waiter waiter);
  }

  private static PolicyHostSpec spec(PropertyMap inputs) {
    try {
      return PolicyWorkerInputs.of(inputs).spec();
    } catch (InvalidSpecException e) {
      throw new OperationFailedException(e.getMessage());
    }
  }

  /** The outputs of a preview: what the inputs and the recorded state tell, the rest unknown. */
  private static PropertyMap preview(PropertyMap inputs, PropertyMap oldState) {
    PropertyMap.Builder outputs = inputs.toBuilder();
    Optional<String> domain = inputs.isUnknown(DOMAIN) ? Optional.empty() : inputs.text(DOMAIN);
    outputs.put(POLICY_HOST, domain.<PropertyValue>map(d -> PropertyValue.of(HOST_LABEL + d)).orElse(PropertyValue.UNKNOWN));
    outputs.put(POLICY_URL, domain.<PropertyValue>map(d -> PropertyValue.of(policyUrl(d))).orElse(PropertyValue.UNKNOWN));
    outputs.put(POLICY_SHA256, inputs.isUnknown(POLICY) ? PropertyValue.UNKNOWN
        : PropertyValue.of(sha256(inputs.text(POLICY).orElseThrow())));
    // The custom domain stays through an update; a create attaches one.
    outputs.put(CUSTOM_DOMAIN_ID, oldState.get(CUSTOM_DOMAIN_ID).orElse(PropertyValue.UNKNOWN));
    return outputs.build();
  }

  /** The inputs plus what exists of the policy host; a part not made yet is absent. */
  private static PropertyMap outputs(PropertyMap inputs, PolicyHost host) {
    PropertyMap.Builder outputs = inputs.toBuilder()
        .put(POLICY_HOST, host.hostname())
        .put(POLICY_URL, policyUrl(host.domain()))
        .remove(POLICY_SHA256)
        .remove(CUSTOM_DOMAIN_ID);
    host.body().ifPresent(body -> outputs.put(POLICY_SHA256, sha256(body)));
    host.customDomain().ifPresent(attached -> outputs.put(CUSTOM_DOMAIN_ID, attached.id()));
    return outputs.build();
  }

  /** {@code SCRIPT/DOMAIN}, checked: the script name and the mail domain, lower case. */
  private static String[] parseId(String id) {
    String[] parts = id == null ? new String[0] : id.split("/", -1);
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("it has no '/' between the script and the domain");
      }
      return new String[] {WorkerScript.checkName("script", parts[0]), DomainNames.normalize(parts[1])};
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": " + e.getMessage()
          + "; the id is SCRIPT/DOMAIN, e.g. mtasts-policy/example.com", e);
    }
  }

  /** RFC 8461 §3.3: where senders fetch the policy. */
  private static String policyUrl(String domain) {
    return "https://" + HOST_LABEL + domain + PolicyWorkerScript.WELL_KNOWN_PATH;
  }

  private static String sha256(String body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

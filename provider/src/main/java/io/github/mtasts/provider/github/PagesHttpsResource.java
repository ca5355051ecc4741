package io.github.mtasts.provider.github;

import io.github.mtasts.github.GitHub;
import io.github.mtasts.github.GitHubException;
import io.github.mtasts.github.InvalidSpecException;
import io.github.mtasts.github.PagesCertificate;
import io.github.mtasts.github.PagesSite;
import io.github.mtasts.github.PolicySiteSpec;
import io.github.mtasts.github.RepositoryName;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceInitFailedException;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:github:PagesHttps}: waits until GitHub has issued the certificate of a Pages
 * site's custom domain {@code mta-sts.DOMAIN}, then enforces HTTPS
 * ({@link io.github.mtasts.github.Pages#enforceHttps}). GitHub starts on the certificate after a
 * DNS check of the name, which passes once the name is a CNAME record to {@code OWNER.github.io}:
 * the component creates that record after the site and before this resource. Its id, also its
 * import id, is the repository as {@code OWNER/NAME}; deleting it changes nothing.
 *
 * <p>The wait reports GitHub's certificate states as the resource's status line. Issuance takes
 * minutes, sometimes hours ("up to 24 hours", "Securing your GitHub Pages site with HTTPS"): a
 * wait that runs out of its {@code timeout} (or of the engine's shorter customTimeouts) keeps the
 * state reached as a partial state, and the next {@code pulumi up} waits on.
 */
public final class PagesHttpsResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:github:PagesHttps";

  static final String REPOSITORY = "repository";
  static final String DOMAIN = "domain";
  static final String POLICY_HOST_FQDN = "policyHostFqdn";
  static final String TIMEOUT = "timeout";
  static final String CERTIFICATE_STATE = "certificateState";
  static final String HTTPS_ENFORCED = "httpsEnforced";
  static final String CERTIFICATE_EXPIRES_AT = "certificateExpiresAt";

  /** Longer than the 24 hours GitHub says issuance can take. */
  static final long MAX_TIMEOUT_SECONDS = 48 * 3600;

  /** The state GitHub reports when a site's custom domain has no certificate yet. */
  private static final String NO_CERTIFICATE = "none";
  /** A read after a wait ran out, to record where the certificate stands. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  private static final Map<String, Set<String>> DERIVATIONS = Map.of(
      CERTIFICATE_STATE, Set.of(REPOSITORY, DOMAIN),
      HTTPS_ENFORCED, Set.of(REPOSITORY, DOMAIN),
      CERTIFICATE_EXPIRES_AT, Set.of(REPOSITORY, DOMAIN));

  private final GitHubAccess github;

  /**
   * The resource over the provider's GitHub access.
   *
   * @param github how to reach GitHub
   */
  public PagesHttpsResource(GitHubAccess github) {
    this.github = github;
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
    check.text(REPOSITORY).ifPresent(name -> check.rule(REPOSITORY, () -> RepositoryName.parse(name)));
    CommonChecks.domain(check, DOMAIN).flatMap(domain -> check.rule(DOMAIN,
        () -> PolicySiteSpec.checkDomain(domain))).ifPresent(domain -> check.put(DOMAIN, domain));
    check.integer(TIMEOUT, 1, MAX_TIMEOUT_SECONDS, "seconds");
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news,
      Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>(inputs.changes());
    boolean served = oldState.get(HTTPS_ENFORCED).equals(Optional.of(PropertyValue.of(true)))
        && oldState.text(CERTIFICATE_STATE).filter(PagesCertificate.APPROVED::equals).isPresent();
    if (!oldState.keys().isEmpty() && inputs.replaces().isEmpty() && !served) {
      // A wait that ran out, or a refresh that found HTTPS no longer enforced: wait again.
      changes.put(HTTPS_ENFORCED, PropertyDiff.Kind.UPDATE);
    }
    return new DiffResult(changes, false);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    String id = inputs.isUnknown(REPOSITORY) ? "" : inputs.text(REPOSITORY).orElseThrow();
    return new ResourceState(id, inputs, awaitAndEnforce(context, inputs));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState,
      PropertyMap news) {
    return awaitAndEnforce(context, news);
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs,
      PropertyMap state) {
    RepositoryName name;
    try {
      name = RepositoryName.parse(id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": the id is the"
          + " repository as OWNER/NAME: " + e.getMessage(), e);
    }
    Optional<PagesSite> site = github.run(context, "the read of GitHub Pages of " + id,
        READ_TIMEOUT, (client, wait) -> client.pages().get(name, wait));
    if (site.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    PropertyMap current = inputs;
    if (inputs.keys().isEmpty()) {
      // An import: the domain is the custom domain's; the schema's default timeout.
      String host = site.get().cname().filter(c -> c.toLowerCase(Locale.ROOT)
          .startsWith(PolicySiteSpec.HOST_LABEL)).orElseThrow(() -> new IllegalArgumentException(
              "cannot import " + TOKEN + " " + Excerpt.quote(id) + ": its GitHub Pages site has no custom"
                  + " domain mta-sts.DOMAIN"));
      current = check(PropertyMap.empty(), PropertyMap.builder()
          .put(REPOSITORY, name.toString())
          .put(DOMAIN, host.substring(PolicySiteSpec.HOST_LABEL.length()))
          .put(POLICY_HOST_FQDN, host.toLowerCase(Locale.ROOT))
          .build()).inputs();
    }
    return new ResourceState(id, current, outputs(current, site.get()));
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    // Waiting changed nothing, and enforced HTTPS stays with the site it belongs to.
  }

  /**
   * Waits for the certificate and enforces HTTPS, within the timeout input or the engine's
   * shorter customTimeouts; a wait that runs out records where the certificate stands.
   */
  private PropertyMap awaitAndEnforce(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      PropertyMap.Builder outputs = inputs.toBuilder();
      for (String output : new String[] {CERTIFICATE_STATE, HTTPS_ENFORCED,
          CERTIFICATE_EXPIRES_AT}) {
        outputs.put(output, PropertyValue.UNKNOWN);
      }
      return outputs.build();
    }
    PagesHttpsInputs typed = PagesHttpsInputs.of(inputs);
    RepositoryName name = RepositoryName.parse(typed.repository());
    String host = PolicySiteSpec.HOST_LABEL + typed.domain();
    Duration budget = context.timeout().filter(t -> t.compareTo(typed.timeout()) < 0)
        .orElse(typed.timeout());
    PagesSite site = github.run(context, "the wait for the certificate of " + host, budget,
        (client, wait) -> {
          try {
            return client.pages().enforceHttps(name, host, wait);
          } catch (WaitTimeoutException e) {
            throw new ResourceInitFailedException(e.getMessage()
                + " (the next pulumi up waits on)", new ResourceState(typed.repository(), inputs,
                    outputs(inputs, current(client, name, wait))));
          }
        });
    context.log().info("HTTPS is enforced on " + host + " with GitHub's certificate ("
        + site.certificate().map(PagesCertificate::state).orElse(NO_CERTIFICATE) + ")");
    return outputs(inputs, site);
  }

  /** The site as it stands after a wait ran out; what the wait saw last if it cannot be read. */
  private static PagesSite current(GitHub client, RepositoryName name, WaitOptions wait) {
    try {
      return client.pages().get(name, wait.toBuilder().timeout(READ_TIMEOUT).build())
          .orElse(null);
    } catch (GitHubException | WaitTimeoutException e) {
      return null;
    }
  }

  /** The inputs, the certificate's state and whether HTTPS is enforced. */
  private static PropertyMap outputs(PropertyMap inputs, PagesSite site) {
    PropertyMap.Builder outputs = inputs.toBuilder()
        .put(CERTIFICATE_STATE, site == null ? "unknown"
            : site.certificate().map(PagesCertificate::state).orElse(NO_CERTIFICATE))
        .put(HTTPS_ENFORCED, PropertyValue.of(site != null && site.httpsEnforced()));
    if (site != null) {
      site.certificate().flatMap(PagesCertificate::expiresAt)
          .ifPresent(at -> outputs.put(CERTIFICATE_EXPIRES_AT, at));
    }
    return outputs.build();
  }
}

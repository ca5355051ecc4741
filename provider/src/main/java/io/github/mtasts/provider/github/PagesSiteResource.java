package io.github.mtasts.provider.github;

import io.github.mtasts.github.InvalidSpecException;
import io.github.mtasts.github.PolicySiteIncompleteException;
import io.github.mtasts.github.PolicySiteSpec;
import io.github.mtasts.github.PolicySiteState;
import io.github.mtasts.github.PolicySites;
import io.github.mtasts.github.RepositoryExistsException;
import io.github.mtasts.github.RepositoryName;
import io.github.mtasts.github.SiteFiles;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.Problem;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:github:PagesSite}: the policy site of a mail domain on GitHub Pages (see
 * {@link PolicySites}): a public repository, the files {@code .nojekyll},
 * {@code .well-known/mta-sts.txt} and {@code CNAME} in one commit, Pages published from the
 * default branch's root, and the custom domain {@code mta-sts.DOMAIN}. Its id, also its import
 * id, is {@code OWNER/NAME}.
 *
 * <p>A create refuses an existing repository it may not adopt and names the {@code pulumi
 * import} command that adopts it; an import reads the domain from the Pages site's custom domain
 * and the policy from the file, so that the next update commits the program's body (one
 * commit). A create that fails after the repository exists reports what it made as a partial
 * state, which the next update finishes. Whether the repository was created here is recorded
 * ({@code created}): only then does a delete remove it.
 */
public final class PagesSiteResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:github:PagesSite";

  static final String OWNER = "owner";
  static final String REPOSITORY = "repository";
  static final String DOMAIN = "domain";
  static final String POLICY = "policy";
  static final String FULL_NAME = "fullName";
  static final String DEFAULT_BRANCH = "defaultBranch";
  static final String CREATED = "created";
  static final String PAGES_HOST = "pagesHost";
  static final String POLICY_URL = "policyUrl";
  static final String COMMIT = "commit";
  static final String CUSTOM_DOMAIN = "customDomain";

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  /** Rate limits and retries aside, a site is a dozen requests. */
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static final Map<String, Set<String>> DERIVATIONS = Map.of(
      FULL_NAME, Set.of(OWNER, REPOSITORY),
      DEFAULT_BRANCH, Set.of(OWNER, REPOSITORY),
      CREATED, Set.of(),
      PAGES_HOST, Set.of(OWNER),
      POLICY_URL, Set.of(DOMAIN),
      COMMIT, Set.of(OWNER, REPOSITORY, DOMAIN, POLICY),
      CUSTOM_DOMAIN, Set.of(DOMAIN));

  private final GitHubAccess github;

  /**
   * The resource over the provider's GitHub access.
   *
   * @param github how to reach GitHub
   */
  public PagesSiteResource(GitHubAccess github) {
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
    // Each part checked alone, with a valid placeholder for the other.
    check.text(OWNER).ifPresent(owner -> check.rule(OWNER, () -> RepositoryName.of(owner, "x")));
    check.text(REPOSITORY).ifPresent(name -> check.rule(REPOSITORY,
        () -> RepositoryName.of("owner", name)));
    CommonChecks.domain(check, DOMAIN).flatMap(domain -> check.rule(DOMAIN,
        () -> PolicySiteSpec.checkDomain(domain))).ifPresent(domain -> check.put(DOMAIN, domain));
    // RFC 8461 §3.2: the body must be a policy senders can parse, or they ignore it.
    check.text(POLICY).ifPresent(body -> check.failAll(POLICY,
        Policy.parse(body).errors().stream().map(Problem::message).toList()));
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news,
      Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>(inputs.changes());
    if (!oldState.keys().isEmpty() && inputs.replaces().isEmpty()) {
      // What the recorded state lacks (a create that stopped, a refresh that found the files or
      // the custom domain changed) is made by an update.
      if (!oldState.isSet(COMMIT)) {
        changes.put(COMMIT, PropertyDiff.Kind.UPDATE);
      }
      Optional<String> host = oldState.text(DOMAIN).map(d -> PolicySiteSpec.HOST_LABEL + d);
      if (!oldState.text(CUSTOM_DOMAIN).map(d -> d.toLowerCase(Locale.ROOT)).equals(host)) {
        changes.put(CUSTOM_DOMAIN, PropertyDiff.Kind.UPDATE);
      }
    }
    // A custom domain belongs to one Pages site: the old site gives it up before the new one
    // asks for it.
    return new DiffResult(changes, true);
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      return new ResourceState(previewId(context, inputs), inputs,
          preview(context, inputs, PropertyMap.empty()));
    }
    PagesSiteInputs typed = PagesSiteInputs.of(inputs);
    PolicySiteSpec spec = typed.spec(GitHubAccess.owner(context.config(), typed.owner()));
    PolicySiteState state = github.run(context, "the creation of the policy site in "
        + spec.repository(), context.timeout().orElse(TIMEOUT), (client, wait) -> {
          try {
            return new PolicySites(client).create(spec, wait);
          } catch (RepositoryExistsException e) {
            throw new OperationFailedException(e.getMessage() + ". "
                + ImportAdvice.of(context, TOKEN, e.existing().name().toString()));
          } catch (PolicySiteIncompleteException e) {
            throw incomplete(inputs, spec, e);
          }
        });
    context.log().info("GitHub Pages of " + state.repository() + " serves " + spec.host());
    return new ResourceState(state.repository().toString(), inputs, outputs(inputs, spec, state));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState,
      PropertyMap news) {
    if (context.preview()) {
      return preview(context, news, oldState);
    }
    PagesSiteInputs typed = PagesSiteInputs.of(news);
    PolicySiteSpec spec = typed.spec(GitHubAccess.owner(context.config(), typed.owner()));
    PolicySiteState recorded = new PolicySiteState(RepositoryName.parse(id),
        oldState.text(DEFAULT_BRANCH).orElse(""), created(oldState), Optional.empty(),
        SiteFiles.builder().build(), false, Optional.empty());
    PolicySiteState state = github.run(context, "the update of the policy site in " + id,
        context.timeout().orElse(TIMEOUT), (client, wait) -> {
          try {
            return new PolicySites(client).update(recorded, spec, wait);
          } catch (PolicySiteIncompleteException e) {
            throw incomplete(news, spec, e);
          }
        });
    return outputs(news, spec, state);
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs,
      PropertyMap state) {
    RepositoryName name = repositoryId(id);
    Optional<PolicySiteState> found = github.run(context, "the read of the policy site in " + id,
        TIMEOUT, (client, wait) -> new PolicySites(client).read(name, wait));
    if (found.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    PolicySiteState live = found.get();
    boolean importing = inputs.keys().isEmpty();
    if (importing && (live.domain().isEmpty() || live.policyBody().isEmpty())) {
      throw new IllegalArgumentException("cannot import " + TOKEN + " " + Excerpt.quote(id) + ": the"
          + " repository exists, but " + (live.domain().isEmpty()
              ? "its GitHub Pages site has no custom domain mta-sts.DOMAIN"
              : "it holds no " + PolicySiteSpec.POLICY_PATH)
          + "; declare the site in the program instead: its creation adopts an empty repository,"
          + " and names what else a repository holds");
    }
    // What is live replaces what was recorded, so that the next update repairs any drift.
    PropertyMap.Builder current = inputs.toBuilder()
        .put(REPOSITORY, inputs.text(REPOSITORY)
            .filter(name.name()::equalsIgnoreCase).orElse(live.repository().name()));
    if (importing || inputs.isSet(OWNER)) {
      current.put(OWNER, inputs.text(OWNER).filter(live.repository().owner()::equalsIgnoreCase)
          .orElse(live.repository().owner()));
    }
    live.domain().ifPresent(domain -> current.put(DOMAIN, domain));
    live.policyBody().ifPresent(body -> current.put(POLICY, body));
    PropertyMap currentInputs = current.build();
    PolicySiteSpec spec = new PolicySiteSpec(live.repository(),
        currentInputs.text(DOMAIN).orElseThrow(), currentInputs.text(POLICY).orElseThrow());
    PolicySiteState recorded = new PolicySiteState(live.repository(), live.defaultBranch(),
        created(state), live.head(), live.files(), live.publishing(), live.customDomain());
    return new ResourceState(live.repository().toString(), currentInputs,
        outputs(currentInputs, spec, recorded));
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    PolicySiteState recorded = new PolicySiteState(repositoryId(id),
        state.text(DEFAULT_BRANCH).orElse(""), created(state), Optional.empty(),
        SiteFiles.builder().build(), false, Optional.empty());
    github.run(context, "the deletion of the policy site in " + id,
        context.timeout().orElse(TIMEOUT), (client, wait) -> {
          new PolicySites(client).delete(recorded, wait);
          return id;
        });
  }

  private static boolean created(PropertyMap state) {
    return state.get(CREATED).filter(PropertyValue.Bool.class::isInstance)
        .map(v -> ((PropertyValue.Bool) v).value()).orElse(false);
  }

  /** The id of a resource, its repository as OWNER/NAME. */
  private static RepositoryName repositoryId(String id) {
    try {
      return RepositoryName.parse(id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": the id is"
          + " the repository as OWNER/NAME: " + e.getMessage(), e);
    }
  }

  /** A failure part way: the engine records what exists, the next update finishes the rest. */
  private static ResourceInitFailedException incomplete(PropertyMap inputs, PolicySiteSpec spec,
      PolicySiteIncompleteException e) {
    PolicySiteState partial = e.partialState();
    return new ResourceInitFailedException(e.getMessage()
        + " (the next pulumi up resumes from the state reached)",
        new ResourceState(partial.repository().toString(), inputs,
            outputs(inputs, spec, partial)));
  }

  private static String previewId(OperationContext context, PropertyMap inputs) {
    if (inputs.isUnknown(OWNER) || inputs.isUnknown(REPOSITORY)) {
      return "";
    }
    return GitHubAccess.owner(context.config(), inputs.text(OWNER)) + "/"
        + inputs.text(REPOSITORY).orElseThrow();
  }

  /** The outputs of a preview: what the inputs and the recorded state tell, the rest unknown. */
  private static PropertyMap preview(OperationContext context, PropertyMap inputs,
      PropertyMap oldState) {
    PropertyMap.Builder outputs = inputs.toBuilder();
    String id = previewId(context, inputs);
    if (!inputs.isUnknown(OWNER)) {
      outputs.put(OWNER, id.isEmpty() ? PropertyValue.UNKNOWN
          : PropertyValue.of(id.substring(0, id.indexOf('/'))));
      outputs.put(PAGES_HOST, id.isEmpty() ? PropertyValue.UNKNOWN
          : PropertyValue.of(pagesHost(id.substring(0, id.indexOf('/')))));
    } else {
      outputs.put(PAGES_HOST, PropertyValue.UNKNOWN);
    }
    outputs.put(FULL_NAME, oldState.get(FULL_NAME)
        .orElse(id.isEmpty() ? PropertyValue.UNKNOWN : PropertyValue.of(id)));
    for (String part : new String[] {DEFAULT_BRANCH, CREATED}) {
      outputs.put(part, oldState.get(part).orElse(PropertyValue.UNKNOWN));
    }
    outputs.put(POLICY_URL, inputs.isUnknown(DOMAIN) ? PropertyValue.UNKNOWN
        : PropertyValue.of(policyUrl(inputs.text(DOMAIN).orElseThrow())));
    outputs.put(COMMIT, PropertyValue.UNKNOWN);
    outputs.put(CUSTOM_DOMAIN, inputs.isUnknown(DOMAIN) ? PropertyValue.UNKNOWN
        : PropertyValue.of(PolicySiteSpec.HOST_LABEL + inputs.text(DOMAIN).orElseThrow()));
    return outputs.build();
  }

  /** The inputs plus what exists of the site; a part not made yet is absent. */
  private static PropertyMap outputs(PropertyMap inputs, PolicySiteSpec spec,
      PolicySiteState state) {
    PropertyMap.Builder outputs = inputs.toBuilder()
        .put(OWNER, state.repository().owner())
        .put(FULL_NAME, state.repository().toString())
        .put(DEFAULT_BRANCH, state.defaultBranch())
        .put(CREATED, PropertyValue.of(state.created()))
        .put(PAGES_HOST, pagesHost(state.repository().owner()))
        .put(POLICY_URL, policyUrl(spec.domain()));
    if (state.files().equals(spec.files())) {
      state.head().ifPresent(head -> outputs.put(COMMIT, head));
    }
    if (state.publishing()) {
      state.customDomain().ifPresent(domain -> outputs.put(CUSTOM_DOMAIN, domain));
    }
    return outputs.build();
  }

  /**
   * "Managing a custom domain for your GitHub Pages site": the CNAME record of a subdomain points
   * at {@code OWNER.github.io}, the owner's login in lower case (host names are compared without
   * regard to case, RFC 4343).
   */
  private static String pagesHost(String owner) {
    return owner.toLowerCase(Locale.ROOT) + ".github.io";
  }

  /** RFC 8461 §3.3: where senders fetch the policy. */
  private static String policyUrl(String domain) {
    return "https://" + PolicySiteSpec.HOST_LABEL + domain + "/" + PolicySiteSpec.POLICY_PATH;
  }
}

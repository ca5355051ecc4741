package io.github.mtasts.sdk;

import com.pulumi.deployment.Deployment;
import io.github.mtasts.policy.GitHubPagesNames;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.github.PagesHttps;
import io.github.mtasts.sdk.github.PagesHttpsArgs;
import io.github.mtasts.sdk.github.PagesSite;
import io.github.mtasts.sdk.github.PagesSiteArgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * The policy on GitHub Pages, the by-hand recipe as resources: a {@link PagesSite} (the
 * repository, its files {@code .nojekyll}, {@code .well-known/mta-sts.txt} and {@code CNAME} in
 * one commit, Pages from the default branch's root, the custom domain {@code mta-sts.<domain>});
 * then the CNAME record {@code mta-sts.<domain>} pointing at {@code OWNER.github.io} in the
 * component's DNS; then a {@link PagesHttps} that waits for the certificate GitHub issues once
 * that record resolves, and enforces HTTPS. In that order because GitHub says to set a custom
 * domain on the site before pointing DNS at GitHub (so that no one else can serve a site at the
 * name), and checks the DNS record before it requests the certificate ("Managing a custom domain
 * for your GitHub Pages site", "Securing your GitHub Pages site with HTTPS").
 *
 * <p>One repository serves one mail domain: GitHub gives a Pages site one custom domain. For
 * several domains, give each component a repository of its own, such as
 * {@code Hosting.githubPages("example-org", "mta-sts-example-com")}; two components of one
 * program that name the same repository are refused when the second is declared, and a
 * repository that already serves another domain is refused by the provider when it is created.
 *
 * <p>The record is a plain CNAME in any DNS service: GitHub's DNS check and certificate need the
 * name to resolve to GitHub Pages itself, never through a proxy.
 */
public final class GitHubPagesHosting implements Hosting {

  /** Per program run: which domain each repository serves, to refuse a second domain. */
  private static final Map<Object, Map<String, String>> DECLARED = new WeakHashMap<>();
  /** What mtasts:github:PagesHttps takes as its longest timeout. */
  private static final long MAX_TIMEOUT_SECONDS = 48 * 3600;

  private final String owner;
  private final String repository;
  private final Optional<Duration> certificateTimeout;

  /**
   * Checks the names with the rules the provider applies too.
   *
   * @param owner the user or organisation that owns the repository
   * @param repository the repository's name
   * @param certificateTimeout how long to wait for the certificate, or empty for the default
   * @throws InvalidInputException naming the part that GitHub would refuse
   */
  GitHubPagesHosting(String owner, String repository, Optional<Duration> certificateTimeout) {
    List<Problem> problems = new ArrayList<>();
    GitHubPagesNames.ownerProblem(owner).ifPresent(fix -> problems.add(problem(owner,
        "owner '" + owner + "' is not a GitHub login: " + fix + ".")));
    GitHubPagesNames.repositoryProblem(repository).ifPresent(fix -> problems.add(problem(
        repository, "repository '" + repository + "' is not a repository name: " + fix + ".")));
    certificateTimeout.filter(t -> t.isNegative() || t.isZero() || t.getNano() != 0
        || t.getSeconds() > MAX_TIMEOUT_SECONDS).ifPresent(t -> problems.add(problem(t.toString(),
        "certificate timeout " + t + " is not a whole number of seconds from 1 to "
            + MAX_TIMEOUT_SECONDS + " (48 hours): GitHub says issuance takes up to 24 hours.")));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    this.owner = owner;
    this.repository = repository;
    this.certificateTimeout = certificateTimeout;
  }

  private static Problem problem(String value, String message) {
    return Problem.error("hosting", 0, value == null ? "" : value, "MtaStsArgs.hosting: " + message);
  }

  /**
   * Returns this hosting with another limit on the wait for the certificate: GitHub issues it in
   * minutes, sometimes hours, and says it can take up to 24 hours. A wait that runs out keeps its
   * state, and the next {@code pulumi up} waits on.
   *
   * @param timeout a whole number of seconds, at most 48 hours; one hour unless set
   * @return the hosting
   * @throws InvalidInputException when the timeout is out of range
   */
  public GitHubPagesHosting certificateTimeout(Duration timeout) {
    return new GitHubPagesHosting(owner, repository, Optional.of(Objects.requireNonNull(timeout,
        "timeout")));
  }

  @Override
  public HostedSite declare(SiteRequest request) {
    refuseASecondDomain(request.domain());
    GitHubPagesNames.customDomainProblem(request.policyHost()).ifPresent(fix -> {
      throw new InvalidInputException(List.of(Problem.error("domain", 0, request.domain(),
          "MtaStsArgs.domain: " + fix)));
    });
    // Every child waits for the policy, whose mode passed the MX preflight.
    var site = new PagesSite(request.resourceName("site"), PagesSiteArgs.builder()
        .owner(owner)
        .repository(repository)
        .domain(request.domain())
        .policy(request.policyBody())
        .build(), request.options(request.policy()));
    // After the site (its pagesHost output), before the certificate wait.
    var policyHost = request.pointPolicyHostAt(site.pagesHost());
    PagesHttpsArgs.Builder https = PagesHttpsArgs.builder()
        .repository(site.fullName())
        .domain(request.domain())
        .policyHostFqdn(policyHost.fqdn());
    certificateTimeout.ifPresent(t -> https.timeout((int) t.getSeconds()));
    var certificate = new PagesHttps(request.resourceName("https"), https.build(),
        request.options());
    return new HostedSite(site.policyUrl(), List.of(site, policyHost.resource(), certificate));
  }

  /** Two components of one program run that name one repository: the second is refused. */
  private void refuseASecondDomain(String domain) {
    String key = (owner + "/" + repository).toLowerCase(Locale.ROOT);
    String first;
    synchronized (DECLARED) {
      first = DECLARED.computeIfAbsent(Deployment.getInstance(), run -> new HashMap<>())
          .putIfAbsent(key, domain);
    }
    if (first != null && !first.equals(domain)) {
      throw new InvalidInputException(List.of(problem(describe(), describe() + " already serves "
          + first + " in this program, and a GitHub Pages site has one custom domain: give "
          + domain + " a repository of its own, such as Hosting.githubPages(\"" + owner
          + "\", \"mta-sts-" + domain.replace('.', '-') + "\").")));
    }
  }

  @Override
  public String describe() {
    return "Hosting.githubPages(\"" + owner + "\", \"" + repository + "\")"
        + certificateTimeout.map(t -> ".certificateTimeout(" + t + ")").orElse("");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GitHubPagesHosting that && that.owner.equalsIgnoreCase(owner)
        && that.repository.equalsIgnoreCase(repository)
        && that.certificateTimeout.equals(certificateTimeout);
  }

  @Override
  public int hashCode() {
    return (owner + "/" + repository).toLowerCase(Locale.ROOT).hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}

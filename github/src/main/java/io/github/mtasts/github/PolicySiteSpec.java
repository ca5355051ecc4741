package io.github.mtasts.github;

import io.github.mtasts.policy.DomainName;
import io.github.mtasts.policy.GitHubPagesNames;
import io.github.mtasts.policy.ParseResult;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy site on GitHub Pages serves: the policy of one mail domain from one repository
 * (GitHub gives a Pages site one custom domain, so one repository serves one domain).
 *
 * <p>The site's files are those of the by-hand recipe, each for a reason: {@code .nojekyll},
 * empty, because Jekyll leaves out folders whose name starts with a dot ("About GitHub Pages and
 * Jekyll"); {@code .well-known/mta-sts.txt}, the policy body byte for byte (RFC 8461 §3.3); and
 * {@code CNAME}, the custom domain {@code mta-sts.DOMAIN} as GitHub writes it when the domain is
 * set in the repository's settings, at the root of the publishing source ("Managing a custom
 * domain for your GitHub Pages site").
 *
 * @param repository the repository that serves the site
 * @param domain the mail domain, lower case, e.g. {@code example.com}
 * @param policyBody the policy body to serve
 */
public record PolicySiteSpec(RepositoryName repository, String domain, String policyBody) {

  /** RFC 8461 §3.3: the policy host is {@code mta-sts.DOMAIN}. */
  public static final String HOST_LABEL = "mta-sts.";
  /** RFC 8461 §3.3: where senders fetch the policy on the policy host. */
  public static final String POLICY_PATH = ".well-known/mta-sts.txt";
  /** The file that turns Jekyll off, so that {@code .well-known/} is published. */
  public static final String NOJEKYLL_PATH = ".nojekyll";
  /** The file that names the custom domain of a site published from a branch. */
  public static final String CNAME_PATH = "CNAME";

  /**
   * Checks the parts.
   *
   * @throws InvalidSpecException naming the part that cannot serve a policy site
   */
  public PolicySiteSpec {
    Objects.requireNonNull(repository, "repository");
    checkDomain(domain);
    if (policyBody == null || policyBody.isEmpty()) {
      throw new InvalidSpecException("policy", policyBody, "give the policy body to serve");
    }
  }

  /**
   * Checks that a mail domain can have a policy site on GitHub Pages.
   *
   * @param domain the mail domain in lower case A-labels, e.g. {@code example.com}
   * @return the domain
   * @throws InvalidSpecException when it is no mail domain in that form, or when
   *     {@code mta-sts.DOMAIN} is too long for GitHub to obtain a certificate
   */
  public static String checkDomain(String domain) {
    ParseResult<DomainName> parsed = DomainName.parseMailDomain(domain == null ? "" : domain);
    if (!parsed.isValid()) {
      throw new InvalidSpecException("domain", domain, parsed.errors().get(0).message());
    }
    String ascii = parsed.value().orElseThrow().ascii();
    if (!ascii.equals(domain)) {
      throw new InvalidSpecException("domain", domain, "write it in lower case A-labels: "
          + ascii);
    }
    if (domain.startsWith(HOST_LABEL)) {
      throw new InvalidSpecException("domain", domain, "this is a policy host: give the mail"
          + " domain (" + domain.substring(HOST_LABEL.length()) + "); the site adds "
          + HOST_LABEL.substring(0, HOST_LABEL.length() - 1));
    }
    GitHubPagesNames.customDomainProblem(HOST_LABEL + domain).ifPresent(fix -> {
      throw new InvalidSpecException("domain", domain, fix);
    });
    return domain;
  }

  /**
   * Returns the custom domain of the site.
   *
   * @return {@code mta-sts.DOMAIN}
   */
  public String host() {
    return HOST_LABEL + domain;
  }

  /**
   * Returns the site's files, each byte for byte.
   *
   * @return {@code .nojekyll}, {@code .well-known/mta-sts.txt} and {@code CNAME}
   */
  public SiteFiles files() {
    return SiteFiles.builder()
        .file(NOJEKYLL_PATH, new byte[0])
        .file(POLICY_PATH, policyBody)
        .file(CNAME_PATH, host())
        .build();
  }

  /**
   * Returns the description a repository this package creates for the site gets: what tells,
   * later, that the repository was made for this domain's policy and by whom.
   *
   * @return e.g. {@code MTA-STS policy of example.com, published by mtasts}
   */
  public String description() {
    return description(domain);
  }

  static String description(String domain) {
    return "MTA-STS policy of " + domain + ", published by mtasts";
  }

  /**
   * Returns the domain named by a description this package wrote, if it is one.
   *
   * @param description a repository's description
   * @return the mail domain, or empty when the description is not one of this package's
   */
  static Optional<String> domainOf(String description) {
    String prefix = "MTA-STS policy of ";
    String suffix = ", published by mtasts";
    if (description.startsWith(prefix) && description.endsWith(suffix)
        && description.length() > prefix.length() + suffix.length()) {
      return Optional.of(description.substring(prefix.length(),
          description.length() - suffix.length()).toLowerCase(Locale.ROOT));
    }
    return Optional.empty();
  }
}

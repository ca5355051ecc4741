package io.github.mtasts.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names a policy site on GitHub Pages is made of: the repository's owner and name, and the
 * custom domain {@code mta-sts.DOMAIN}. The one set of rules that the SDK (when a program's
 * arguments are built) and the GitHub client (before any request, and so the provider's Check)
 * both apply, so that a name one accepts the other never refuses. It lives in the policy core
 * because that is the lowest layer both depend on; these are GitHub's rules, not RFC 8461's.
 */
public final class GitHubPagesNames {

  /**
   * "Securing your GitHub Pages site with HTTPS": GitHub obtains no certificate for a custom
   * domain of 64 characters or more.
   */
  public static final int MAX_CUSTOM_DOMAIN_LENGTH = 63;

  // A login: letters, digits and single hyphens, not at either end, at most 39 characters.
  private static final Pattern LOGIN =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
  // A repository name: letters, digits, '.', '-', '_', at most 100 characters.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private GitHubPagesNames() {}

  /**
   * Tells how to fix a login that cannot own a repository.
   *
   * @param owner a user or organisation login as given, may be null
   * @return the fix, a clause to follow the rejected value in a message; empty when valid
   */
  public static Optional<String> ownerProblem(String owner) {
    return owner != null && LOGIN.matcher(owner).matches() ? Optional.empty()
        : Optional.of("use a GitHub user or organisation login: letters, digits and single"
            + " hyphens, not at either end, at most 39 characters");
  }

  /**
   * Tells how to fix a repository name GitHub would refuse.
   *
   * @param name the name as given, without the owner, may be null
   * @return the fix; empty when valid
   */
  public static Optional<String> repositoryProblem(String name) {
    return name != null && NAME.matcher(name).matches() && !name.equals(".")
        && !name.equals("..") && !name.toLowerCase(Locale.ROOT).endsWith(".git")
        ? Optional.empty()
        : Optional.of("use 1 to 100 letters, digits, '.', '-' or '_', without .git, e.g. mta-sts");
  }

  /**
   * Tells why GitHub cannot obtain a certificate for a custom domain.
   *
   * @param customDomain the custom domain, e.g. {@code mta-sts.example.com}
   * @return the reason and the fix; empty when its length lets GitHub certify it
   */
  public static Optional<String> customDomainProblem(String customDomain) {
    return customDomain.length() <= MAX_CUSTOM_DOMAIN_LENGTH ? Optional.empty()
        : Optional.of("GitHub Pages obtains no certificate for a custom domain of more than "
            + MAX_CUSTOM_DOMAIN_LENGTH + " characters, and " + customDomain + " has "
            + customDomain.length() + " (\"Securing your GitHub Pages site with HTTPS\"): serve"
            + " this domain's policy from another hosting");
  }
}

package io.github.mtasts.provider.github;

import io.github.mtasts.github.PolicySiteSpec;
import io.github.mtasts.github.RepositoryName;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.util.Optional;

/**
 * The checked inputs of a {@code mtasts:github:PagesSite}, decoded once.
 *
 * @param owner the repository's owner, if given; else the provider's githubOwner
 * @param repository the repository's name
 * @param domain the mail domain, normalised
 * @param policy the policy body to serve (RFC 8461 §3.3)
 */
public record PagesSiteInputs(Optional<String> owner, String repository, String domain,
    String policy) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static PagesSiteInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, PagesSiteInputs.class);
  }

  /**
   * The site these inputs declare.
   *
   * @param owner the owner resolved from the input or the provider's settings
   * @return the site's specification
   * @throws io.github.mtasts.github.InvalidSpecException when a part cannot serve a site
   */
  PolicySiteSpec spec(String owner) {
    return new PolicySiteSpec(RepositoryName.of(owner, repository), domain, policy);
  }
}

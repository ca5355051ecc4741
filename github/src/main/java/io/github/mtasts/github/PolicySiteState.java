package io.github.mtasts.github;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What exists of a policy site on GitHub Pages: after a create or an update, as far as it got, or
 * as read.
 *
 * @param repository the repository, as GitHub spells its name
 * @param defaultBranch the branch Pages publishes from
 * @param created whether this package created the repository (so that deleting the site deletes
 *     it); a read cannot tell and says false
 * @param head the branch's head when last seen, empty for a repository without a commit
 * @param files the site's files found on the branch ({@code .nojekyll},
 *     {@code .well-known/mta-sts.txt}, {@code CNAME}), those that exist
 * @param publishing whether Pages publishes the root of the default branch
 * @param customDomain the custom domain of the Pages site, if it has one
 */
public record PolicySiteState(RepositoryName repository, String defaultBranch, boolean created,
    Optional<String> head, SiteFiles files, boolean publishing, Optional<String> customDomain) {

  /** Requires every part. */
  public PolicySiteState {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(defaultBranch, "defaultBranch");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(customDomain, "customDomain");
  }

  /** A repository before anything of the site was done in it. */
  static PolicySiteState of(Repository repository, boolean created) {
    return new PolicySiteState(repository.name(), repository.defaultBranch(), created,
        Optional.empty(), SiteFiles.builder().build(), false, Optional.empty());
  }

  /**
   * Returns whether this is the site the spec describes, serving its body.
   *
   * @param spec the site wanted
   * @return true when the branch holds exactly the spec's files, Pages publishes the branch's
   *     root, and the custom domain is the spec's
   */
  public boolean serves(PolicySiteSpec spec) {
    return files.equals(spec.files()) && publishing
        && customDomain.filter(spec.host()::equalsIgnoreCase).isPresent();
  }

  /**
   * Returns the policy body the branch holds.
   *
   * @return the text of {@code .well-known/mta-sts.txt}, if it exists
   */
  public Optional<String> policyBody() {
    return files.text(PolicySiteSpec.POLICY_PATH);
  }

  /**
   * Returns the mail domain whose policy host the Pages site answers for.
   *
   * @return the custom domain without {@code mta-sts.}, if it is a policy host
   */
  public Optional<String> domain() {
    return customDomain.filter(name -> name.length() > PolicySiteSpec.HOST_LABEL.length()
            && name.regionMatches(true, 0, PolicySiteSpec.HOST_LABEL, 0,
                PolicySiteSpec.HOST_LABEL.length()))
        .map(name -> name.substring(PolicySiteSpec.HOST_LABEL.length()).toLowerCase(
            Locale.ROOT));
  }

  PolicySiteState withFiles(String newHead, SiteFiles newFiles) {
    return new PolicySiteState(repository, defaultBranch, created, Optional.of(newHead), newFiles,
        publishing, customDomain);
  }

  PolicySiteState withPages(boolean newPublishing, Optional<String> newCustomDomain) {
    return new PolicySiteState(repository, defaultBranch, created, head, files, newPublishing,
        newCustomDomain);
  }
}

package io.github.mtasts.github;

/**
 * A repository with the name asked for already exists; nothing was changed.
 *
 * <p>What a caller must do: decide whether to adopt {@link #existing()} (for example when it is
 * empty, or serves this very policy site), and otherwise ask the user for another name; never
 * write into a repository the user did not name for this purpose.
 */
public final class RepositoryExistsException extends GitHubException {

  private final transient Repository existing;

  RepositoryExistsException(Repository existing) {
    this(existing, "");
  }

  /** With the reason the repository cannot simply be taken, e.g. the files it holds. */
  RepositoryExistsException(Repository existing, String reason) {
    super("repository " + existing.name() + " already exists" + (reason.isEmpty() ? "" : " and "
        + reason) + ": adopt it (import it) if it is meant to serve the policy, or choose another"
        + " repository name");
    this.existing = existing;
  }

  /**
   * Returns the repository that exists.
   *
   * @return the repository as read just after the refused create
   */
  public Repository existing() {
    return existing;
  }
}

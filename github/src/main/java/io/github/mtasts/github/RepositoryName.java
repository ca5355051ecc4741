package io.github.mtasts.github;

import io.github.mtasts.policy.GitHubPagesNames;
import java.util.Locale;

/**
 * The name of a repository: its owner's login and its own name, as in {@code owner/name}.
 * GitHub compares both without regard to case ("Get a repository": "The name is not case
 * sensitive"), and so does {@link #equals(Object)}.
 */
public final class RepositoryName {

  private final String owner;
  private final String name;

  private RepositoryName(String owner, String name) {
    this.owner = owner;
    this.name = name;
  }

  /**
   * Returns the name of {@code owner}'s repository {@code name}.
   *
   * @param owner a user or organisation login
   * @param name the repository's name without {@code .git}
   * @return the name
   * @throws InvalidSpecException naming the part that is malformed
   */
  public static RepositoryName of(String owner, String name) {
    String checkedOwner = checkOwner("owner", owner);
    GitHubPagesNames.repositoryProblem(name).ifPresent(fix -> {
      throw new InvalidSpecException("repository", name, fix);
    });
    return new RepositoryName(checkedOwner, name);
  }

  /**
   * Parses {@code owner/name}.
   *
   * @param fullName e.g. {@code example-org/mta-sts}
   * @return the name
   * @throws InvalidSpecException when it is not of that form
   */
  public static RepositoryName parse(String fullName) {
    int slash = fullName == null ? -1 : fullName.indexOf('/');
    if (slash < 0 || fullName.indexOf('/', slash + 1) >= 0) {
      throw new InvalidSpecException("repository", fullName,
          "write OWNER/NAME, e.g. example-org/mta-sts");
    }
    return of(fullName.substring(0, slash), fullName.substring(slash + 1));
  }

  static String checkOwner(String field, String owner) {
    GitHubPagesNames.ownerProblem(owner).ifPresent(fix -> {
      throw new InvalidSpecException(field, owner, fix);
    });
    return owner;
  }

  /**
   * Returns the owner's login.
   *
   * @return e.g. {@code example-org}
   */
  public String owner() {
    return owner;
  }

  /**
   * Returns the repository's own name.
   *
   * @return e.g. {@code mta-sts}
   */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RepositoryName that
        && owner.equalsIgnoreCase(that.owner) && name.equalsIgnoreCase(that.name);
  }

  @Override
  public int hashCode() {
    return toString().toLowerCase(Locale.ROOT).hashCode();
  }

  /** Returns {@code owner/name}. */
  @Override
  public String toString() {
    return owner + "/" + name;
  }
}

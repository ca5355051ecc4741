package io.github.mtasts.github;

/**
 * The operations on GitHub that serve an MTA-STS policy with GitHub Pages, over one HTTP client
 * (see the package documentation). Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (GitHub github = GitHub.connect(GitHubSettings.builder()
 *     .token(System.getenv("GITHUB_TOKEN")).owner("example-org").build())) {
 *   RepositoryName name = RepositoryName.of("example-org", "mta-sts");
 *   Repository repository = github.repositories().create(name, "MTA-STS policy", wait);
 *   github.contents().commit(name, repository.defaultBranch(), files, "Publish the policy", wait);
 *   github.pages().enable(name, repository.defaultBranch(), wait);
 *   github.pages().setCustomDomain(name, "mta-sts.example.com", wait);
 *   github.pages().enforceHttps(name, "mta-sts.example.com", wait);
 * }
 * }</pre>
 */
public final class GitHub implements AutoCloseable {

  private final GitHubSettings settings;
  private final GitHubHttp http;

  private GitHub(GitHubSettings settings) {
    this.settings = settings;
    this.http = new GitHubHttp(settings);
  }

  /**
   * Creates the client; no request is sent until an operation is called.
   *
   * @param settings token, owner and API URL
   * @return the client
   */
  public static GitHub connect(GitHubSettings settings) {
    return new GitHub(settings);
  }

  /**
   * Returns the settings this client was created with.
   *
   * @return the settings
   */
  public GitHubSettings settings() {
    return settings;
  }

  /**
   * Returns the repository operations.
   *
   * @return the operations
   */
  public Repositories repositories() {
    return new Repositories(http);
  }

  /**
   * Returns the file operations (one commit of several files).
   *
   * @return the operations
   */
  public Contents contents() {
    return new Contents(http);
  }

  /**
   * Returns the Pages operations.
   *
   * @return the operations
   */
  public Pages pages() {
    return new Pages(http);
  }

  /** The branch heads, for the operations of this package that compose the others. */
  Branches branches() {
    return new Branches(http);
  }

  @Override
  public String toString() {
    return "GitHub{" + settings + "}";
  }

  @Override
  public void close() {
    http.close();
  }
}

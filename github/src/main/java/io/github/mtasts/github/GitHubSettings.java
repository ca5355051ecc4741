package io.github.mtasts.github;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How to reach GitHub: the token, the account that owns the policy repositories, the API's base
 * URL (GitHub, GitHub Enterprise Server, or a test double) and how often to retry.
 *
 * <p>The token is sent as {@code Authorization: Bearer} ("Authenticating to the REST API") and
 * nowhere else: {@link #toString()}, exception messages and progress never show it. Built by the
 * caller, who reads it from a secret; surrounding white space (a copied line end) is trimmed.
 */
public final class GitHubSettings {

  /** GitHub's REST API. */
  public static final String GITHUB_API = "https://api.github.com";

  /** Attempts per idempotent request that fails with a server error, the first included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  private final String token;
  private final String owner;
  private final HttpUrl apiUrl;
  private final int maxAttempts;
  private final Duration retryDelay;

  private GitHubSettings(Builder builder) {
    this.token = builder.token;
    this.owner = builder.owner;
    this.apiUrl = builder.apiUrl;
    this.maxAttempts = builder.maxAttempts;
    this.retryDelay = builder.retryDelay;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The token, for the Authorization header only. */
  String token() {
    return token;
  }

  /**
   * Returns the account (user or organisation) that owns the policy repositories when a caller
   * names none: operations themselves always take the repository's owner.
   *
   * @return the login, as given, if one was set
   */
  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  /**
   * Returns the base URL of the REST API.
   *
   * @return {@value #GITHUB_API} unless overridden
   */
  public String apiUrl() {
    return apiUrl.toString();
  }

  HttpUrl apiHttpUrl() {
    return apiUrl;
  }

  /**
   * Returns how many attempts an idempotent request gets when GitHub answers with a server error
   * or the connection fails, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the pause before the first retry after a server error; it doubles on each retry.
   *
   * @return a positive duration
   */
  public Duration retryDelay() {
    return retryDelay;
  }

  @Override
  public String toString() {
    return "GitHubSettings{owner=" + (owner == null ? "(none)" : owner) + ", apiUrl=" + apiUrl + ", token=(set, not shown)"
        + ", maxAttempts=" + maxAttempts + ", retryDelay=" + retryDelay + "}";
  }

  /** Builds {@link GitHubSettings}. */
  public static final class Builder {
    private String token;
    private String owner;
    private HttpUrl apiUrl = HttpUrl.get(GITHUB_API);
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration retryDelay = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Sets the token: a fine-grained personal access token, a classic one, or an app token.
     *
     * @param token the token; white space around it is removed
     * @return this builder
     * @throws InvalidSpecException (never showing the value) when it is empty or holds a space or
     *     a control character
     */
    public Builder token(String token) {
      String trimmed = token == null ? "" : token.strip();
      if (trimmed.isEmpty()) {
        throw InvalidSpecException.secret("githubToken",
            "it is empty: set mtasts:githubToken (a secret) or GITHUB_TOKEN");
      }
      if (trimmed.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
        throw InvalidSpecException.secret("githubToken",
            "it holds a space, a line break or a non-ASCII character: copy the token exactly");
      }
      this.token = trimmed;
      return this;
    }

    /**
     * Sets the account that owns the policy repositories.
     *
     * @param owner a GitHub user or organisation login, e.g. {@code example-org}
     * @return this builder
     * @throws InvalidSpecException when it is not shaped like a login
     */
    public Builder owner(String owner) {
      this.owner = RepositoryName.checkOwner("githubOwner", owner);
      return this;
    }

    /**
     * Sends requests to this base URL instead of GitHub's: a GitHub Enterprise Server
     * ({@code https://HOST/api/v3}) or a test double.
     *
     * @param url an absolute http or https URL without user info, query or fragment
     * @return this builder
     * @throws InvalidSpecException when the URL is not of that form
     */
    public Builder apiUrl(String url) {
      HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
      if (parsed == null || !parsed.username().isEmpty() || !parsed.password().isEmpty()
          || parsed.query() != null || parsed.fragment() != null) {
        // The value is not shown: a URL with user info may carry a credential.
        throw InvalidSpecException.secret("githubApiBaseUrl",
            "use an absolute http or https URL without user info, query or fragment, such as "
                + "https://github.example.com/api/v3");
      }
      this.apiUrl = parsed;
      return this;
    }

    /**
     * Sets how many attempts an idempotent request gets on a server error.
     *
     * @param maxAttempts 1 (no retry) to 10
     * @return this builder
     * @throws InvalidSpecException outside that range
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw new InvalidSpecException("maxAttempts", maxAttempts, "use 1 to 10");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the pause before the first retry after a server error.
     *
     * @param retryDelay a positive duration, at most one minute
     * @return this builder
     * @throws InvalidSpecException outside that range
     */
    public Builder retryDelay(Duration retryDelay) {
      if (retryDelay == null || retryDelay.isNegative() || retryDelay.isZero()
          || retryDelay.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new InvalidSpecException("retryDelay", retryDelay,
            "use a positive duration of at most one minute");
      }
      this.retryDelay = retryDelay;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws InvalidSpecException when the token is missing
     */
    public GitHubSettings build() {
      if (token == null) {
        throw InvalidSpecException.secret("githubToken",
            "it is missing: set mtasts:githubToken (a secret) or GITHUB_TOKEN");
      }
      Objects.requireNonNull(apiUrl);
      return new GitHubSettings(this);
    }
  }
}

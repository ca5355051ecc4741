package io.github.mtasts.provider.github;

import io.github.mtasts.github.GitHub;
import io.github.mtasts.github.GitHubException;
import io.github.mtasts.github.GitHubSettings;
import io.github.mtasts.github.InvalidSpecException;
import io.github.mtasts.provider.host.ConfigKey;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.ProviderConfig;
import io.github.mtasts.wait.WaitCancelledException;
import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the GitHub resources reach GitHub: a client built from the provider's configuration
 * ({@code githubToken}, {@code githubApiBaseUrl}) on first use only, so that starting the plugin
 * and every Check stay free of it; the owner of a repository a resource names none for
 * ({@code githubOwner}); and the one place that runs a GitHub operation for a resource: with the
 * engine's time budget, progress as the resource's status line, stopped by the engine's Cancel,
 * failures turned into messages for the user. The token goes into the client's Authorization
 * header and nowhere else; the host masks it in every message in any case it may take.
 */
public final class GitHubAccess {

  /**
   * Polls start at 5 s and back off to a minute: a certificate GitHub issues in minutes is seen
   * soon, one that takes hours costs few requests (conditional ones, which a 304 answers without
   * counting against the rate limit).
   */
  private static final Duration FIRST_POLL = Duration.ofSeconds(5);
  private static final Duration LONGEST_POLL = Duration.ofMinutes(1);

  /** Clients per distinct token and API URL; a configuration rarely changes within a run. */
  private final Map<List<Optional<String>>, GitHub> clients = new HashMap<>();

  /**
   * The client for a configuration, built on first use.
   *
   * @param config the provider's configuration
   * @return the client
   * @throws IllegalArgumentException naming the setting when the token is missing or malformed,
   *     or the API URL is not valid; never showing the token
   */
  synchronized GitHub client(ProviderConfig config) {
    Optional<String> token = config.get(ConfigKey.GITHUB_TOKEN);
    Optional<String> apiUrl = config.get(ConfigKey.GITHUB_API_BASE_URL);
    return clients.computeIfAbsent(List.of(token, apiUrl), key -> {
      GitHubSettings.Builder settings = GitHubSettings.builder();
      try {
        settings.token(token.orElse(""));
        apiUrl.ifPresent(settings::apiUrl);
        return GitHub.connect(settings.build());
      } catch (InvalidSpecException e) {
        ConfigKey setting = e.field().equals("githubToken") ? ConfigKey.GITHUB_TOKEN
            : ConfigKey.GITHUB_API_BASE_URL;
        throw new IllegalArgumentException("the provider setting " + setting.key() + " ("
            + config.source(setting) + ") is not valid: " + e.getMessage(), e);
      }
    });
  }

  /**
   * The owner of a repository: the resource's own, or the provider's {@code githubOwner}.
   *
   * @param config the provider's configuration
   * @param given the resource's owner input, if set
   * @return the login
   * @throws IllegalArgumentException when neither is set
   */
  static String owner(ProviderConfig config, Optional<String> given) {
    return given.or(() -> config.get(ConfigKey.GITHUB_OWNER)).orElseThrow(() ->
        new IllegalArgumentException("owner: the resource names no owner of its repository and "
            + "the provider setting " + ConfigKey.GITHUB_OWNER.key() + " ("
            + config.source(ConfigKey.GITHUB_OWNER) + ") is unset: set one of them to the user"
            + " or organisation that owns the repository"));
  }

  /**
   * Runs one GitHub operation of a resource: waits report progress as the resource's status
   * line and end with the engine's Cancel, and a {@link GitHubException} or a wait that ran out
   * or was cancelled becomes an {@link OperationFailedException} with its message (which names
   * the operation, GitHub's answer and what to do).
   *
   * @param context the resource operation
   * @param what the operation in words, for a cancellation message
   * @param timeout the time budget of all its waits together
   * @param operation the operation, given the client and the wait options
   * @param <T> its result
   * @return its result
   */
  <T> T run(OperationContext context, String what, Duration timeout, Operation<T> operation) {
    GitHub github = client(context.config());
    WaitOptions wait = context.waitOptions(timeout)
        .pollInterval(FIRST_POLL)
        .maxPollInterval(LONGEST_POLL)
        .build();
    return context.cancellation().interruptibly(what, () -> {
      try {
        return operation.run(github, wait);
      } catch (GitHubException | WaitTimeoutException | WaitCancelledException e) {
        throw new OperationFailedException(e.getMessage());
      }
    });
  }

  /** A GitHub operation of a resource. */
  @FunctionalInterface
  interface Operation<T> {
    /**
     * Runs it.
     *
     * @param github the client
     * @param wait the time budget and progress of its waits
     * @return its result
     */
    T run(GitHub github, WaitOptions wait);
  }
}

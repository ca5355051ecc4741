package io.github.mtasts.github;

import java.time.Instant;
import java.util.Optional;

/**
 * GitHub refused requests for a rate limit, and waiting for it to lift would exceed the
 * operation's time budget.
 *
 * <p>What a caller must do: nothing was changed by the refused request; run the operation again
 * after {@link #retryAt()} (or with a longer timeout), and avoid running many operations with the
 * same token at once: GitHub counts the primary limit per token and may ban integrations that
 * keep sending while limited ("Rate limits for the REST API").
 */
public final class RateLimitedException extends GitHubException {

  private final Instant retryAt;

  RateLimitedException(String message, int status, String requestId, Instant retryAt) {
    super(message, status, requestId, false, null);
    this.retryAt = retryAt;
  }

  /**
   * Returns when GitHub said requests may resume.
   *
   * @return the instant, if GitHub named one
   */
  public Optional<Instant> retryAt() {
    return Optional.ofNullable(retryAt);
  }
}

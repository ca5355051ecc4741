package io.github.mtasts.github;

import java.util.Optional;

/**
 * A GitHub operation failed. The message names the operation, GitHub's answer and what to do;
 * it never contains the token.
 *
 * <p>What a caller must do: show the message. When {@link #outcomeUnknown()} is true the request
 * was a write whose answer was lost (a 5xx or a broken connection): GitHub may have carried it
 * out, so read the current state before deciding anything, as running the operation again does.
 * Subclasses name the cases that call for something else.
 */
public class GitHubException extends RuntimeException {

  private final int status;
  private final String requestId;
  private final boolean outcomeUnknown;

  GitHubException(String message, int status, String requestId, boolean outcomeUnknown,
      Throwable cause) {
    super(message, cause);
    this.status = status;
    this.requestId = requestId;
    this.outcomeUnknown = outcomeUnknown;
  }

  GitHubException(String message) {
    this(message, 0, null, false, null);
  }

  /**
   * Returns the HTTP status GitHub answered.
   *
   * @return the status, or 0 when no answer came (connection failure, or a decision taken here)
   */
  public int status() {
    return status;
  }

  /**
   * Returns the {@code x-github-request-id} of the failed request, which GitHub Support asks for.
   *
   * @return the id, if GitHub sent one
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Returns whether a write may have taken effect although it failed (a 5xx answer, or a
   * connection lost after the request was sent).
   *
   * @return true when the state at GitHub must be read again before acting
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}

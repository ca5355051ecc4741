package io.github.mtasts.cloudflare;

import java.util.List;

/**
 * A Cloudflare API call failed in a way that retrying does not fix, or kept failing until the
 * deadline of the operation's {@link io.github.mtasts.wait.Waiter}.
 *
 * <p>What a caller must do: stop the operation and report {@link #getMessage()} to the user; it
 * names the operation, Cloudflare's status and error codes, and what to do, and never holds the
 * API token. Nothing was rolled back: every operation of this package can be run again with the
 * same input and continues from what exists. Subclasses mark failures that need their own
 * reaction.
 */
public class CloudflareException extends RuntimeException {

  private final int status;
  private final List<CloudflareError> errors;

  CloudflareException(String message, int status, List<CloudflareError> errors, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /**
   * Returns the HTTP status of Cloudflare's answer.
   *
   * @return the status, or 0 when no answer came
   */
  public int status() {
    return status;
  }

  /**
   * Returns the errors of Cloudflare's answer.
   *
   * @return the errors, empty when the answer had none
   */
  public List<CloudflareError> errors() {
    return errors;
  }

  /** Whether one of the answer's errors has this code. */
  boolean hasCode(int code) {
    return errors.stream().anyMatch(e -> e.code() == code);
  }
}

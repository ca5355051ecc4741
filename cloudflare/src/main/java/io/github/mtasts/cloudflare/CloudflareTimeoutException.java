package io.github.mtasts.cloudflare;

import java.util.List;

/**
 * Cloudflare kept answering with a rate limit (HTTP 429), a server error or a broken connection
 * until the operation's {@link TimeBudget} ran out, or asked to wait longer than what was left.
 *
 * <p>What a caller must do: report the message and let the user run the operation again later
 * (or with a longer timeout). The operation may have been partly done: every operation of this
 * package, run again, continues from what exists, and a create never makes a second record.
 */
public final class CloudflareTimeoutException extends CloudflareException {

  CloudflareTimeoutException(String message, int status, List<CloudflareError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}

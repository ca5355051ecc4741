package io.github.mtasts.cloudflare;

import java.util.List;

/**
 * Cloudflare kept answering with a rate limit (HTTP 429), a server error or a broken connection
 * until the deadline of the operation's {@link io.github.mtasts.wait.Waiter}, or asked to wait
 * longer than what was left; or another change of the same Worker script held it that long.
 *
 * <p>What a caller must do: report the message and let the user run the operation again later
 * (or with a longer timeout). The operation may have been partly done: every operation of this
 * package, run again, continues from what exists, and a create never makes a second record.
 *
 * <p>Why not {@link io.github.mtasts.wait.WaitTimeoutException}: that one is a wait for the
 * service to reach a state, which goes on by itself ("the service goes on with it"). Here
 * nothing goes on: the call was refused or not sent, and Cloudflare's answer matters (the
 * message names the operation, Cloudflare's last status and error codes, the attempts and the
 * wait that did not fit). It is a {@link CloudflareException}, so that a caller that handles
 * every failure of a Cloudflare call catches it with the rest. Cancellation, which needs nothing
 * of Cloudflare's, is the shared {@link io.github.mtasts.wait.WaitCancelledException}.
 */
public final class CloudflareTimeoutException extends CloudflareException {

  CloudflareTimeoutException(String message, int status, List<CloudflareError> errors, Throwable cause) {
    super(message, status, errors, cause);
  }
}

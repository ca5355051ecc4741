package io.github.mtasts.cloudflare;

import io.github.mtasts.wait.WaitCancelledException;
import java.util.List;

/**
 * The policy body is in the Worker script, but the host name could not be attached to it (it is
 * taken, the token may not attach it, Cloudflare kept failing, the operation was cancelled):
 * senders do not get the policy yet.
 *
 * <p>What a caller must do: keep {@link #partial()} as the state reached and report the
 * message, which says what to fix; running the same update again attaches the host name.
 */
public final class PolicyHostIncompleteException extends CloudflareException {

  private final transient PolicyHost partial;

  PolicyHostIncompleteException(PolicyHost partial, CloudflareException cause) {
    this(partial, cause, cause.status(), cause.errors());
  }

  PolicyHostIncompleteException(PolicyHost partial, WaitCancelledException cause) {
    this(partial, cause, 0, List.of());
  }

  private PolicyHostIncompleteException(PolicyHost partial, RuntimeException cause, int status,
      List<CloudflareError> errors) {
    super(cause.getMessage() + " (the policy of " + partial.domain() + " is in Worker "
        + partial.script() + "; the next run attaches " + partial.hostname() + ")", status,
        errors, cause);
    this.partial = partial;
  }

  /**
   * Returns what exists: the body in the script, no custom domain.
   *
   * @return the state reached
   */
  public PolicyHost partial() {
    return partial;
  }
}

package io.github.mtasts.wait;

import java.time.Duration;

/**
 * A wait for a service to reach a state (a DNS change in sync, a certificate issued, a
 * distribution deployed) ran out of the operation's time budget.
 *
 * <p>What a caller must do: the service goes on with what it was asked, so keep whatever state
 * the operation reached (for Pulumi: report it as the partial state of the resource) and run the
 * operation again later, or with a longer timeout; it resumes waiting instead of starting over. If
 * the last status named here never changes, read the hint, when there is one: the service's own
 * explanation, such as what GitHub's DNS health check says of a custom domain.
 */
public final class WaitTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String subject;
  private final String lastStatus;
  private final Duration waited;

  /**
   * Creates the exception.
   *
   * @param subject what was awaited
   * @param lastStatus the last status the service reported
   * @param waited how long the operation lasted
   * @param hint what may explain the wait, or ""
   */
  public WaitTimeoutException(String subject, String lastStatus, Duration waited, String hint) {
    super("timed out after " + waited.toSeconds() + " s waiting for " + subject
        + " (last status: " + lastStatus + "); the service goes on with it: run the operation"
        + " again to resume waiting, or allow a longer timeout" + (hint.isEmpty() ? "" : "; "
        + hint));
    this.subject = subject;
    this.lastStatus = lastStatus;
    this.waited = waited;
  }

  /**
   * Returns the same timeout with a hint added to its message.
   *
   * @param hint what may explain the wait, e.g. from GitHub's Pages health check
   * @return a new exception
   */
  public WaitTimeoutException withHint(String hint) {
    return new WaitTimeoutException(subject, lastStatus, waited, hint);
  }

  /**
   * Returns what was awaited.
   *
   * @return e.g. {@code "the HTTPS certificate of mta-sts.example.com"}
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the last status the service reported before the time ran out.
   *
   * @return e.g. {@code "InProgress"} or {@code "authorization_pending"}
   */
  public String lastStatus() {
    return lastStatus;
  }

  /**
   * Returns how long the operation lasted.
   *
   * @return the elapsed time
   */
  public Duration waited() {
    return waited;
  }
}

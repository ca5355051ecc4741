package io.github.mtasts.github;

import java.time.Duration;

/**
 * A wait for GitHub to reach a state (a Pages certificate issued) ran out of the operation's time
 * budget.
 *
 * <p>What a caller must do: GitHub continues on its own (a certificate can take up to 24 hours,
 * "Securing your GitHub Pages site with HTTPS"), so keep whatever state exists and run the
 * operation again later, or with a longer timeout: it resumes waiting instead of starting over.
 * If the last status named here never changes, read the hint: it carries what GitHub's DNS health
 * check says of the custom domain.
 */
public final class WaitTimeoutException extends GitHubException {

  private final String subject;
  private final String lastStatus;
  private final Duration waited;

  WaitTimeoutException(String subject, String lastStatus, Duration waited, String hint) {
    super("timed out after " + waited.toSeconds() + " s waiting for " + subject
        + " (last status: " + lastStatus + "); GitHub continues on its own: run the operation again"
        + " to resume waiting, or allow a longer timeout" + (hint.isEmpty() ? "" : "; " + hint));
    this.subject = subject;
    this.lastStatus = lastStatus;
    this.waited = waited;
  }

  /**
   * Returns the same timeout with a hint added to its message.
   *
   * @param hint what may explain the wait, e.g. from the Pages health check
   * @return a new exception
   */
  WaitTimeoutException withHint(String hint) {
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
   * Returns the last status GitHub reported before the time ran out.
   *
   * @return e.g. {@code "authorization_pending"}
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

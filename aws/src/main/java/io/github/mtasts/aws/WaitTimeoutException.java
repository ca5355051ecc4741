package io.github.mtasts.aws;

import java.time.Duration;

/**
 * A wait for AWS to reach a state (a DNS change in sync, a certificate issued, a distribution
 * deployed, an invalidation completed) ran out of time.
 *
 * <p>What a caller must do: the change continues at AWS, so keep whatever state the operation
 * returned or attached (see {@link PolicySiteIncompleteException}) and run the operation again
 * later, or with a longer timeout; it resumes waiting instead of starting over. If the last
 * status named here never changes, look at the resource in the AWS console.
 */
public final class WaitTimeoutException extends AwsOperationException {

  private final String subject;
  private final String lastStatus;
  private final Duration waited;

  WaitTimeoutException(String subject, String lastStatus, Duration waited) {
    super(
        "timed out after " + waited.toSeconds() + " s waiting for " + subject + " (last status: "
            + lastStatus + "); AWS continues the change: run the operation again to resume waiting,"
            + " or allow a longer timeout",
        null,
        null);
    this.subject = subject;
    this.lastStatus = lastStatus;
    this.waited = waited;
  }

  /**
   * Returns what was awaited.
   *
   * @return e.g. {@code "CloudFront distribution E2ABC to be Deployed"}
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the last status AWS reported before the time ran out.
   *
   * @return e.g. {@code "InProgress"}
   */
  public String lastStatus() {
    return lastStatus;
  }

  /**
   * Returns how long the wait lasted.
   *
   * @return the elapsed time
   */
  public Duration waited() {
    return waited;
  }
}

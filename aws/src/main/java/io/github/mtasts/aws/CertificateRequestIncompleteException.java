package io.github.mtasts.aws;

import io.github.mtasts.wait.WaitTimeoutException;

/**
 * ACM accepted a certificate request, but the wait for its DNS validation records failed or ran
 * out of time: the certificate exists, and {@link #arn()} names it.
 *
 * <p>What a caller must do: keep the ARN (for Pulumi: report the create as partially failed with
 * it as the id, so that the next {@code pulumi up} completes the certificate and
 * {@code pulumi destroy} deletes it), show the message, and later call
 * {@link AcmCertificates#awaitValidationRecords} with the ARN. {@link #getCause()} is the failure
 * that stopped the wait, e.g. a {@link WaitTimeoutException}.
 */
public final class CertificateRequestIncompleteException extends AwsOperationException {

  private final String arn;

  CertificateRequestIncompleteException(String arn, String domain, RuntimeException cause) {
    super("ACM certificate " + arn + " for " + domain + " was requested, but its validation records are not known: "
        + cause.getMessage(), AwsErrors.code(cause), cause);
    this.arn = arn;
  }

  /**
   * Returns the ARN of the certificate that was requested.
   *
   * @return the certificate ARN
   */
  public String arn() {
    return arn;
  }
}

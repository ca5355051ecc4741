package io.github.mtasts.aws;

/**
 * ACM gave up on issuing a certificate ({@code FAILED}, {@code VALIDATION_TIMED_OUT}) or it is
 * no longer usable ({@code REVOKED}, {@code EXPIRED}, {@code INACTIVE}).
 *
 * <p>What a caller must do: a certificate in these states never becomes issued. Tell the user
 * the reason; for {@code VALIDATION_TIMED_OUT} the validation CNAME was not publicly resolvable
 * within 72 hours (check that the hosted zone is the one the domain is delegated to). Then
 * replace the certificate: delete it and request a new one.
 */
public final class CertificateFailedException extends AwsOperationException {

  private final String arn;
  private final String status;

  CertificateFailedException(String arn, String status, String reason) {
    super("ACM certificate " + arn + " is " + status + (reason == null ? "" : " (" + reason + ")")
        + " and will not be issued: "
        + ("VALIDATION_TIMED_OUT".equals(status)
            ? "ACM did not find the validation CNAME in public DNS; check that the hosted zone"
                + " is the one the domain is delegated to, then replace the certificate"
            : "replace the certificate"), null, null);
    this.arn = arn;
    this.status = status;
  }

  /**
   * Returns the certificate ARN.
   *
   * @return the ARN
   */
  public String arn() {
    return arn;
  }

  /**
   * Returns ACM's status of the certificate.
   *
   * @return e.g. {@code VALIDATION_TIMED_OUT}
   */
  public String status() {
    return status;
  }
}

package io.github.mtasts.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ACM certificate as read from ACM: its ARN, status and the DNS records that validate it.
 *
 * @param arn the certificate ARN (the resource id)
 * @param domainName the domain the certificate is for, e.g. {@code mta-sts.example.com}
 * @param status ACM's status: {@code PENDING_VALIDATION}, {@code ISSUED}, {@code INACTIVE},
 *     {@code EXPIRED}, {@code VALIDATION_TIMED_OUT}, {@code REVOKED} or {@code FAILED}
 * @param validationRecords the records to publish for DNS validation, empty until ACM has
 *     generated them
 * @param inUseBy ARNs of the resources (e.g. CloudFront distributions) that use it
 * @param failureReason why issuance failed, when it did
 */
public record AcmCertificate(String arn, String domainName, String status,
    List<ValidationRecord> validationRecords, List<String> inUseBy,
    Optional<String> failureReason) {

  /** ACM's status of a certificate that can be used. */
  public static final String ISSUED = "ISSUED";

  /** ACM's status of a certificate waiting for its validation records. */
  public static final String PENDING_VALIDATION = "PENDING_VALIDATION";

  /** Copies the lists. */
  public AcmCertificate {
    Objects.requireNonNull(arn, "arn");
    validationRecords = List.copyOf(validationRecords);
    inUseBy = List.copyOf(inUseBy);
    Objects.requireNonNull(failureReason, "failureReason");
  }

  /**
   * Returns whether the certificate is issued and usable.
   *
   * @return whether the status is {@code ISSUED}
   */
  public boolean issued() {
    return ISSUED.equals(status);
  }
}

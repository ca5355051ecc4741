package io.github.mtasts.aws;

import io.github.mtasts.wait.WaitOptions;
import io.github.mtasts.wait.WaitTimeoutException;
import io.github.mtasts.wait.Waiter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * Requests, reads, awaits and deletes DNS-validated ACM certificates in us-east-1, the only
 * region whose certificates CloudFront accepts.
 *
 * <p>The life of a certificate for the MTA-STS policy host (RFC 8461 §3.3: the host
 * {@code mta-sts.DOMAIN} must present a certificate valid for that name): {@link #request}
 * returns as soon as ACM has generated the validation CNAME; the caller publishes it (see
 * {@link ValidationRecord#toRecordSet}); {@link #awaitIssued} waits until ACM has seen it and
 * issued the certificate.
 */
public final class AcmCertificates {

  private static final Set<String> FINAL_FAILURES =
      Set.of("FAILED", "VALIDATION_TIMED_OUT", "REVOKED", "EXPIRED", "INACTIVE");

  private final AcmClient acm;

  /**
   * Creates the operations over the given clients.
   *
   * @param clients the AWS clients
   */
  public AcmCertificates(AwsClients clients) {
    this.acm = clients.acm();
  }

  /**
   * Requests a certificate with a fresh idempotency token; see
   * {@link #request(String, String, WaitOptions)}.
   *
   * @param domainName the name to certify, e.g. {@code mta-sts.example.com}
   * @param wait timeout and progress of the wait for the validation records
   * @return the certificate, pending validation, with its validation records
   */
  public AcmCertificate request(String domainName, WaitOptions wait) {
    return request(domainName, UUID.randomUUID().toString().replace("-", ""), wait);
  }

  /**
   * Requests a DNS-validated certificate and waits until ACM exposes its validation records
   * (they can take a few seconds to appear).
   *
   * <p>Requests with the same idempotency token within one hour return the same certificate
   * instead of a new one; the SDK's retries of a lost response reuse the token. A caller that
   * saves the token before calling can pass it again after a crash to get the same certificate.
   *
   * @param domainName the name to certify, e.g. {@code mta-sts.example.com}
   * @param idempotencyToken 1 to 32 letters, digits or underscores
   * @param wait timeout and progress of the wait for the validation records
   * @return the certificate, pending validation, with its validation records
   * @throws InvalidSpecException when the domain or the token is malformed
   * @throws CertificateRequestIncompleteException when the certificate was requested but the
   *     wait for its records failed or ran out of time; it carries the ARN
   * @throws AwsOperationException for other failures
   */
  public AcmCertificate request(String domainName, String idempotencyToken, WaitOptions wait) {
    String domain = RecordSet.normalizeName("domainName", domainName);
    if (domain.startsWith("*.")) {
      throw new InvalidSpecException("domainName", domainName,
          "the policy host is a single name such as mta-sts.example.com, not a wildcard");
    }
    if (idempotencyToken == null || !idempotencyToken.matches("\\w{1,32}")) {
      throw new InvalidSpecException("idempotencyToken", idempotencyToken,
          "use 1 to 32 letters, digits or underscores");
    }
    Waiter waiter = Waiter.start(wait);
    String arn;
    try {
      arn = acm.requestCertificate(r -> r.domainName(domain)
          .validationMethod(ValidationMethod.DNS)
          .idempotencyToken(idempotencyToken)).certificateArn();
    } catch (SdkException e) {
      throw AwsErrors.failure("request ACM certificate for " + domain, e);
    }
    waiter.progress().report("requested ACM certificate " + arn + " for " + domain);
    try {
      return untilValidationRecords(waiter, arn);
    } catch (AwsOperationException | WaitTimeoutException e) {
      throw new CertificateRequestIncompleteException(arn, domain, e);
    }
  }

  /**
   * Waits until ACM exposes the validation records of a requested certificate, e.g. to complete
   * a {@link #request} that ended with a {@link CertificateRequestIncompleteException}.
   *
   * @param arn the certificate ARN
   * @param wait timeout and progress of the wait
   * @return the certificate with its validation records
   * @throws InvalidSpecException when the ARN is not an ACM ARN in us-east-1
   * @throws WaitTimeoutException when ACM does not expose the records in time
   * @throws AwsOperationException when the certificate does not exist, or for other failures
   */
  public AcmCertificate awaitValidationRecords(String arn, WaitOptions wait) {
    checkArn("certificateArn", arn);
    return untilValidationRecords(Waiter.start(wait), arn);
  }

  private AcmCertificate untilValidationRecords(Waiter waiter, String arn) {
    return waiter.until("the DNS validation records of ACM certificate " + arn, () -> {
      AcmCertificate certificate = describe(arn);
      return certificate.validationRecords().isEmpty()
          ? Waiter.Poll.pending("not generated yet")
          : Waiter.Poll.done(certificate);
    });
  }

  /**
   * Waits until ACM has issued the certificate, which it does once the validation records
   * resolve publicly (usually minutes after they are published).
   *
   * @param arn the certificate ARN
   * @param wait timeout and progress of the wait
   * @return the issued certificate
   * @throws CertificateFailedException when the certificate reaches a state that never leads to
   *     issuance
   * @throws WaitTimeoutException when it is not issued in time (ACM keeps trying for 72 hours)
   * @throws AwsOperationException when the certificate does not exist, or for other failures
   */
  public AcmCertificate awaitIssued(String arn, WaitOptions wait) {
    checkArn("certificateArn", arn);
    return Waiter.start(wait).until("ACM certificate " + arn + " to be ISSUED", () -> {
      AcmCertificate certificate = describe(arn);
      if (certificate.issued()) {
        return Waiter.Poll.done(certificate);
      }
      if (FINAL_FAILURES.contains(certificate.status())) {
        throw new CertificateFailedException(arn, certificate.status(),
            certificate.failureReason().orElse(null));
      }
      return Waiter.Poll.pending(certificate.status() + certificate.validationRecords().stream()
          .map(r -> "; ACM looks for " + r.type() + " " + r.name() + " -> " + r.value())
          .reduce("", String::concat));
    });
  }

  /**
   * Reads a certificate.
   *
   * @param arn the certificate ARN
   * @return the certificate, or empty when it does not exist (any more)
   * @throws InvalidSpecException when the ARN is not an ACM ARN in us-east-1
   * @throws AwsOperationException for other failures
   */
  public Optional<AcmCertificate> read(String arn) {
    checkArn("certificateArn", arn);
    try {
      return Optional.of(describe(arn));
    } catch (AwsOperationException e) {
      if (e.getCause() instanceof ResourceNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Deletes a certificate. While a CloudFront distribution still uses it (CloudFront releases
   * it some minutes after the distribution is deleted), ACM refuses: the deletion is retried
   * until the timeout. Deleting a certificate that does not exist succeeds.
   *
   * @param arn the certificate ARN
   * @param wait timeout and progress of the wait
   * @throws WaitTimeoutException when it is still in use at the timeout
   * @throws AwsOperationException for other failures
   */
  public void delete(String arn, WaitOptions wait) {
    checkArn("certificateArn", arn);
    Waiter.start(wait).until("ACM certificate " + arn + " to be released and deleted", () -> {
      try {
        acm.deleteCertificate(r -> r.certificateArn(arn));
        return Waiter.Poll.done(arn);
      } catch (ResourceNotFoundException e) {
        return Waiter.Poll.done(arn);
      } catch (ResourceInUseException e) {
        return Waiter.Poll.pending("still in use: " + AwsErrors.message(e));
      } catch (SdkException e) {
        throw AwsErrors.failure("delete ACM certificate " + arn, e);
      }
    });
  }

  private AcmCertificate describe(String arn) {
    CertificateDetail detail;
    try {
      detail = acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
    } catch (SdkException e) {
      throw AwsErrors.failure("read ACM certificate " + arn, e);
    }
    List<ResourceRecord> records = detail.domainValidationOptions().stream()
        .map(DomainValidation::resourceRecord)
        .toList();
    // ACM fills in the records for all names at once; until then some are missing.
    List<ValidationRecord> validation = records.contains(null) ? List.of() : records.stream()
        .map(r -> new ValidationRecord(RecordSet.normalizeName("validation.name", r.name()),
            r.typeAsString(), RecordSet.normalizeName("validation.value", r.value())))
        .distinct()
        .toList();
    return new AcmCertificate(detail.certificateArn(), detail.domainName(),
        detail.statusAsString(), validation, detail.inUseBy(),
        Optional.ofNullable(detail.failureReasonAsString()));
  }

  /**
   * Checks that a value is the ARN of an ACM certificate in us-east-1.
   *
   * @param field the input's name, for the message
   * @param arn the value
   * @return the ARN
   * @throws InvalidSpecException naming the field otherwise
   */
  public static String checkArn(String field, String arn) {
    if (arn == null || !arn.matches("arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[\\w-]+")) {
      throw new InvalidSpecException(field, arn, "use the ARN of an ACM certificate in us-east-1"
          + " (arn:aws:acm:us-east-1:ACCOUNT:certificate/ID): CloudFront accepts no other region");
    }
    return arn;
  }
}

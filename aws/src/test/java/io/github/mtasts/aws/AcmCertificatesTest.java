package io.github.mtasts.aws;

import io.github.mtasts.testlab.FaultProxy;
import io.github.mtasts.testlab.MotoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ACM certificates against moto's ACM. Moto issues a requested certificate after
 * {@link MotoServer#ACM_VALIDATION_WAIT_SECONDS} seconds (the variable MOTO_ACM_VALIDATION_WAIT,
 * default 60), without looking at DNS; real ACM issues once the validation CNAME resolves.
 */
@ExtendWith(MotoExtension.class)
class AcmCertificatesTest {

  private static final String DESCRIBE = "CertificateManager.DescribeCertificate";

  private AwsFixture aws;
  private AcmCertificates certificates;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
    this.certificates = new AcmCertificates(aws.clients);
  }

  @Test
  void requestExposesTheValidationRecordThenWaitsUntilIssued() {
    AcmCertificate requested = certificates.request("mta-sts.example.com", aws.fastWait());

    assertEquals("mta-sts.example.com", requested.domainName());
    assertEquals(AcmCertificate.PENDING_VALIDATION, requested.status());
    assertTrue(requested.arn().startsWith("arn:aws:acm:us-east-1:"), requested.arn());
    assertEquals(1, requested.validationRecords().size());
    ValidationRecord record = requested.validationRecords().get(0);
    assertEquals("CNAME", record.type());
    assertTrue(record.name().endsWith(".mta-sts.example.com"), record.name());
    assertTrue(record.value().endsWith(".acm-validations.aws"), record.value());
    String sent = aws.proxy.exchanges().stream()
        .filter(e -> "CertificateManager.RequestCertificate".equals(e.target()))
        .findFirst().orElseThrow().body();
    assertTrue(sent.contains("\"ValidationMethod\":\"DNS\""), sent);
    assertTrue(sent.contains("\"IdempotencyToken\":"), sent);

    AcmCertificate issued = certificates.awaitIssued(requested.arn(), aws.fastWait());

    assertTrue(issued.issued());
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("PENDING_VALIDATION")
        && m.contains(record.name())), aws.progress.toString());
  }

  @Test
  void pollsUntilAcmHasGeneratedTheValidationRecords() {
    // Real ACM returns DomainValidationOptions without ResourceRecord for a few seconds after
    // the request; moto has it at once. The proxy removes it from the first two answers.
    aws.proxy.rewriteFirst(FaultProxy.target(DESCRIBE), 2, AcmCertificatesTest::withoutRecords);

    AcmCertificate requested = certificates.request("mta-sts.example.com", aws.fastWait());

    assertEquals(1, requested.validationRecords().size());
    assertEquals(3, aws.proxy.exchanges().stream().filter(e -> DESCRIBE.equals(e.target())).count());
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("not generated yet")),
        aws.progress.toString());
  }

  @Test
  void theSameIdempotencyTokenReturnsTheSameCertificate() {
    AcmCertificate first = certificates.request("mta-sts.example.com", "token1", aws.fastWait());
    AcmCertificate again = certificates.request("mta-sts.example.com", "token1", aws.fastWait());
    AcmCertificate other = certificates.request("mta-sts.example.com", "token2", aws.fastWait());

    assertEquals(first.arn(), again.arn());
    assertNotEquals(first.arn(), other.arn());
  }

  @Test
  void throttledRequestIsRetried() {
    aws.proxy.failFirst(FaultProxy.target("CertificateManager.RequestCertificate"), 1,
        FaultProxy.jsonThrottling());

    AcmCertificate requested = certificates.request("mta-sts.example.com", aws.fastWait());

    assertEquals(List.of(400, 200), aws.proxy.exchanges().stream()
        .filter(e -> "CertificateManager.RequestCertificate".equals(e.target()))
        .map(FaultProxy.Exchange::status).toList());
    assertTrue(certificates.read(requested.arn()).isPresent());
  }

  @Test
  void failedValidationEndsTheWaitWithTheReason() {
    // Stands for ACM giving up, e.g. a CAA record that does not allow amazon.com.
    AcmCertificate requested = certificates.request("mta-sts.example.com", aws.fastWait());
    aws.proxy.rewriteFirst(FaultProxy.target(DESCRIBE), 1, body -> {
      JsonObject json = JsonParser.parseString(body).getAsJsonObject();
      json.getAsJsonObject("Certificate").addProperty("Status", "FAILED");
      json.getAsJsonObject("Certificate").addProperty("FailureReason", "CAA_ERROR");
      return json.toString();
    });

    CertificateFailedException failed = assertThrows(CertificateFailedException.class,
        () -> certificates.awaitIssued(requested.arn(), aws.fastWait()));

    assertEquals("FAILED", failed.status());
    assertTrue(failed.getMessage().contains("CAA_ERROR"), failed.getMessage());
  }

  @Test
  void deleteWaitsWhileTheCertificateIsInUseAndIsIdempotent() {
    AcmCertificate requested = certificates.request("mta-sts.example.com", aws.fastWait());
    // ACM refuses while CloudFront still holds the certificate, for some minutes after the
    // distribution is deleted; moto tracks no such use.
    aws.proxy.failFirst(FaultProxy.target("CertificateManager.DeleteCertificate"), 2,
        new MockResponse.Builder().code(400)
            .addHeader("Content-Type", "application/x-amz-json-1.1")
            .body("{\"__type\":\"ResourceInUseException\",\"message\":\"Certificate "
                + requested.arn() + " in use by a CloudFront distribution\"}")
            .build());

    certificates.delete(requested.arn(), aws.fastWait());

    assertEquals(Optional.empty(), certificates.read(requested.arn()));
    assertEquals(3, aws.proxy.exchanges().stream()
        .filter(e -> "CertificateManager.DeleteCertificate".equals(e.target())).count());
    assertTrue(aws.progress.stream().anyMatch(m -> m.contains("still in use")),
        aws.progress.toString());
    certificates.delete(requested.arn(), aws.fastWait());
  }

  @Test
  void badInputIsRefusedBeforeAnyCall() {
    InvalidSpecException arn = assertThrows(InvalidSpecException.class,
        () -> certificates.read("arn:aws:acm:eu-west-1:123456789012:certificate/abc"));
    assertEquals("certificateArn", arn.field());
    assertTrue(arn.getMessage().contains("us-east-1"), arn.getMessage());

    InvalidSpecException token = assertThrows(InvalidSpecException.class,
        () -> certificates.request("mta-sts.example.com", "not-a-token!", aws.fastWait()));
    assertEquals("idempotencyToken", token.field());

    InvalidSpecException domain = assertThrows(InvalidSpecException.class,
        () -> certificates.request("*.example.com", aws.fastWait()));
    assertEquals("domainName", domain.field());
    assertFalse(aws.proxy.exchanges().stream().anyMatch(e -> e.target() != null));
  }

  private static String withoutRecords(String body) {
    JsonObject json = JsonParser.parseString(body).getAsJsonObject();
    for (JsonElement option : json.getAsJsonObject("Certificate")
        .getAsJsonArray("DomainValidationOptions")) {
      option.getAsJsonObject().remove("ResourceRecord");
    }
    return json.toString();
  }
}

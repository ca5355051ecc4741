package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.AcmCertificate;
import io.github.mtasts.aws.AcmCertificates;
import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code mtasts:aws:CertificateValidation}: waits until ACM has issued a certificate, which it
 * does once the certificate's validation record resolves publicly. Resources that must use an
 * issued certificate (the CloudFront distribution of a policy site) take its
 * {@code certificateArn} output, so they wait too. Its id is the certificate ARN; deleting it
 * changes nothing.
 */
public final class AwsCertificateValidationResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:aws:CertificateValidation";

  static final String CERTIFICATE_ARN = "certificateArn";
  static final String TIMEOUT = "timeout";
  static final String STATUS = "status";

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  /** ACM gives up on a pending validation after 72 hours. */
  static final long MAX_TIMEOUT_SECONDS = 72 * 3600;

  private final AwsAccess aws;

  public AwsCertificateValidationResource(AwsAccess aws) {
    this.aws = aws;
  }

  @Override
  public Map<String, Set<String>> derivations() {
    return Map.of(STATUS, Set.of(CERTIFICATE_ARN));
  }

  @Override
  public InputSchema schema() {
    return INPUTS;
  }

  @Override
  public void validate(InputCheck check) {
    check.text(CERTIFICATE_ARN).ifPresent(arn -> {
      try {
        AcmCertificates.checkArn(CERTIFICATE_ARN, arn);
      } catch (InvalidSpecException e) {
        check.fail(CERTIFICATE_ARN, e.getMessage());
      }
    });
    check.integer(TIMEOUT, 1, MAX_TIMEOUT_SECONDS, "seconds");
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    String arn = inputs.isUnknown(CERTIFICATE_ARN) ? "" : inputs.text(CERTIFICATE_ARN).orElseThrow();
    return new ResourceState(arn, inputs, awaitIssued(context, inputs));
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    try {
      AcmCertificates.checkArn("id", id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": " + e.getMessage(), e);
    }
    Optional<AcmCertificate> live = aws.read(context, "the read of ACM certificate " + id,
        clients -> new AcmCertificates(clients).read(id));
    if (live.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    // An import adopts the certificate with the schema's default timeout.
    PropertyMap current = inputs.keys().isEmpty()
        ? check(PropertyMap.empty(), PropertyMap.builder().put(CERTIFICATE_ARN, id).build()).inputs()
        : inputs;
    return new ResourceState(id, current, current.toBuilder().put(STATUS, live.get().status()).build());
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    return awaitIssued(context, news);
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    // Waiting changed nothing; the certificate belongs to its mtasts:aws:Certificate.
  }

  /** Waits for ISSUED, within the timeout input or the engine's shorter customTimeouts. */
  private PropertyMap awaitIssued(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      return inputs.toBuilder().put(STATUS, PropertyValue.UNKNOWN).build();
    }
    CertificateValidationInputs typed = CertificateValidationInputs.of(inputs);
    String arn = typed.certificateArn();
    Duration timeout = typed.timeout();
    Duration budget = context.timeout().filter(t -> t.compareTo(timeout) < 0).orElse(timeout);
    AcmCertificate issued = aws.run(context, "the wait for ACM certificate " + arn, budget,
        (clients, wait) -> new AcmCertificates(clients).awaitIssued(arn, wait));
    context.log().info("ACM certificate " + arn + " is " + issued.status());
    return inputs.toBuilder().put(STATUS, issued.status()).build();
  }
}

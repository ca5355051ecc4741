package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.AcmCertificate;
import io.github.mtasts.aws.AcmCertificates;
import io.github.mtasts.aws.CertificateRequestIncompleteException;
import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.provider.host.CommonChecks;
import io.github.mtasts.provider.host.DiffResult;
import io.github.mtasts.provider.host.InputCheck;
import io.github.mtasts.provider.host.InputDiff;
import io.github.mtasts.provider.host.InputSchema;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.OperationFailedException;
import io.github.mtasts.provider.host.PropertyMap;
import io.github.mtasts.provider.host.PropertyValue;
import io.github.mtasts.provider.host.ResourceHandler;
import io.github.mtasts.provider.host.ResourceInitFailedException;
import io.github.mtasts.provider.host.ResourceState;
import io.github.mtasts.provider.host.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pulumirpc.Provider.PropertyDiff;

/**
 * {@code mtasts:aws:Certificate}: an ACM certificate for the policy host (RFC 8461 §3.3: the host
 * {@code mta-sts.DOMAIN} must present a certificate valid for its name), in us-east-1, where
 * CloudFront takes its certificates from, validated through DNS. Its id is the certificate ARN.
 *
 * <p>Create requests the certificate and returns once ACM exposes the validation record, without
 * waiting for issuance: the record must be published first (a {@code mtasts:aws:Record}), and a
 * {@code mtasts:aws:CertificateValidation} then waits. Another domain is another certificate: a
 * replacement, the new one requested before the old one, still used by the distribution, is
 * deleted. Delete waits while CloudFront still holds the certificate.
 *
 * <p>A create whose wait for the validation record fails after ACM accepted the request reports
 * the certificate as partially created, with its ARN as the id: the next {@code pulumi up}
 * finishes it through Update, and {@code pulumi destroy} deletes it.
 */
public final class AwsCertificateResource implements ResourceHandler {

  /** The type token. */
  public static final String TOKEN = "mtasts:aws:Certificate";

  static final String DOMAIN = "domain";
  static final String ARN = "arn";
  static final String VALIDATION_RECORDS = "validationRecords";
  static final String STATUS = "status";

  private static final InputSchema INPUTS = Schema.model().resource(TOKEN);

  /** ACM generates the validation record within seconds. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
  /** CloudFront releases a certificate some minutes after a distribution stops using it. */
  private static final Duration DELETE_TIMEOUT = Duration.ofMinutes(45);

  private final AwsAccess aws;

  public AwsCertificateResource(AwsAccess aws) {
    this.aws = aws;
  }

  @Override
  public InputSchema schema() {
    return INPUTS;
  }

  @Override
  public void validate(InputCheck check) {
    CommonChecks.domain(check, DOMAIN).ifPresent(domain -> check.put(DOMAIN, domain));
  }

  @Override
  public DiffResult diff(PropertyMap oldInputs, PropertyMap oldState, PropertyMap news, Set<String> ignoreChanges) {
    DiffResult inputs = InputDiff.diff(oldInputs, news, INPUTS.replaceOnChanges(), ignoreChanges);
    if (oldState.keys().isEmpty() || !inputs.replaces().isEmpty() || oldState.isSet(VALIDATION_RECORDS)) {
      return inputs;
    }
    // A create that stopped before ACM exposed the validation records: an update awaits them.
    Map<String, PropertyDiff.Kind> changes = new LinkedHashMap<>(inputs.changes());
    changes.put(VALIDATION_RECORDS, PropertyDiff.Kind.UPDATE);
    return new DiffResult(changes, inputs.deleteBeforeReplace());
  }

  @Override
  public ResourceState create(OperationContext context, PropertyMap inputs) {
    if (context.preview()) {
      return new ResourceState("", inputs, inputs.toBuilder()
          .put(ARN, PropertyValue.UNKNOWN)
          .put(VALIDATION_RECORDS, PropertyValue.UNKNOWN)
          .put(STATUS, PropertyValue.UNKNOWN)
          .build());
    }
    String domain = CertificateInputs.of(inputs).domain();
    AcmCertificate certificate = aws.run(context, "the request of an ACM certificate for " + domain,
        context.timeout().orElse(REQUEST_TIMEOUT), (clients, wait) -> {
          try {
            return new AcmCertificates(clients).request(domain, wait);
          } catch (CertificateRequestIncompleteException e) {
            // The certificate exists: the engine records it, or it would be left behind.
            throw new ResourceInitFailedException(e.getMessage() + " (the next pulumi up completes it)",
                new ResourceState(e.arn(), inputs, inputs.toBuilder().put(ARN, e.arn()).build()));
          }
        });
    return new ResourceState(certificate.arn(), inputs, outputs(inputs, certificate));
  }

  @Override
  public ResourceState read(OperationContext context, String id, PropertyMap inputs, PropertyMap state) {
    checkArn(id);
    Optional<AcmCertificate> live = aws.read(context, "the read of ACM certificate " + id,
        clients -> new AcmCertificates(clients).read(id));
    if (live.isEmpty()) {
      return new ResourceState("", PropertyMap.empty(), PropertyMap.empty());
    }
    // The domain of a certificate never changes: recorded inputs stay; an import adopts ACM's.
    PropertyMap current = inputs.keys().isEmpty()
        ? PropertyMap.builder().put(DOMAIN, live.get().domainName()).build()
        : inputs;
    return new ResourceState(id, current, outputs(current, live.get()));
  }

  @Override
  public PropertyMap update(OperationContext context, String id, PropertyMap oldState, PropertyMap news) {
    // Nothing of a certificate changes in place; an update reads it, and after a create that
    // stopped early, waits until ACM exposes the validation records.
    if (context.preview()) {
      PropertyMap.Builder preview = oldState.toBuilder().putAll(news);
      if (!oldState.isSet(VALIDATION_RECORDS)) {
        preview.put(VALIDATION_RECORDS, PropertyValue.UNKNOWN).put(STATUS, PropertyValue.UNKNOWN);
      }
      return preview.build();
    }
    AcmCertificate certificate = aws.run(context, "the completion of ACM certificate " + id,
        context.timeout().orElse(REQUEST_TIMEOUT), (clients, wait) -> {
          AcmCertificates certificates = new AcmCertificates(clients);
          AcmCertificate live = certificates.read(id)
              .orElseThrow(() -> new OperationFailedException("ACM certificate " + id + " no longer exists: run pulumi"
                  + " refresh, then update again to request a new one"));
          return live.validationRecords().isEmpty() ? certificates.awaitValidationRecords(id, wait) : live;
        });
    return outputs(news, certificate);
  }

  @Override
  public void delete(OperationContext context, String id, PropertyMap state) {
    checkArn(id);
    aws.run(context, "the deletion of ACM certificate " + id, context.timeout().orElse(DELETE_TIMEOUT), (clients, wait) -> {
      new AcmCertificates(clients).delete(id, wait);
      return id;
    });
  }

  private static PropertyMap outputs(PropertyMap inputs, AcmCertificate certificate) {
    List<PropertyValue> records = certificate.validationRecords().stream()
        .map(record -> (PropertyValue) PropertyMap.builder()
            .put("name", record.name())
            .put("type", record.type())
            .put("value", record.value())
            .build())
        .toList();
    return inputs.toBuilder()
        .put(ARN, certificate.arn())
        .put(VALIDATION_RECORDS, new PropertyValue.Array(records))
        .put(STATUS, certificate.status())
        .build();
  }

  private static void checkArn(String id) {
    try {
      AcmCertificates.checkArn("id", id);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException("cannot read " + TOKEN + " " + Excerpt.quote(id) + ": " + e.getMessage(), e);
    }
  }
}

package io.github.mtasts.sdk;

import com.pulumi.exceptions.ResourceException;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.S3BucketName;
import io.github.mtasts.sdk.aws.Certificate;
import io.github.mtasts.sdk.aws.CertificateArgs;
import io.github.mtasts.sdk.aws.CertificateValidation;
import io.github.mtasts.sdk.aws.CertificateValidationArgs;
import io.github.mtasts.sdk.aws.PolicySite;
import io.github.mtasts.sdk.aws.PolicySiteArgs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policy in a private S3 bucket behind CloudFront: an ACM {@link Certificate} for the policy
 * host, validated by a CNAME in the component's DNS and waited for ({@link
 * CertificateValidation}); a {@link PolicySite} (bucket, object, distribution with the alias);
 * and the {@code mta-sts} CNAME pointing at the distribution. Works with any DNS target: ACM and
 * senders look the records up in public DNS, wherever the zone is served.
 */
final class S3CloudFrontHosting implements Hosting {

  private final Optional<String> bucketName;

  /**
   * Checks the bucket name with the rule the provider applies too.
   *
   * @param bucketName the bucket's name, or empty for the default
   * @throws InvalidInputException when the name cannot be the policy bucket's name
   */
  S3CloudFrontHosting(Optional<String> bucketName) {
    this.bucketName = Objects.requireNonNull(bucketName, "bucketName");
    bucketName.flatMap(S3BucketName::problem).ifPresent(fix -> {
      throw new InvalidInputException(List.of(Problem.error("hosting", 0, bucketName.get(),
          "MtaStsArgs.hosting: bucket name '" + bucketName.get() + "' cannot hold the policy: "
              + fix + ".")));
    });
  }

  /**
   * Returns the bucket name given, if any.
   *
   * @return the name, or empty for the default {@code mta-sts-<domain with dashes>}
   */
  Optional<String> bucketName() {
    return bucketName;
  }

  @Override
  public HostedSite declare(SiteRequest request) {
    String host = request.policyHost();
    // Every child waits for the policy, whose mode passed the MX preflight.
    var certificate = new Certificate(request.resourceName("certificate"),
        CertificateArgs.builder().domain(host).build(), request.options(request.policy()));
    var validationRecord = certificate.validationRecords().applyValue(records -> {
      if (records.isEmpty()) {
        throw new ResourceException("ACM gave no DNS validation record for " + host
            + "; run pulumi up again", certificate, true);
      }
      return records.get(0);
    });
    var validationCname = request.publish("validation-record",
        validationRecord.applyValue(r -> r.name()), DnsRecord.Type.CNAME,
        validationRecord.applyValue(r -> List.of(r.value())));
    var validation = new CertificateValidation(request.resourceName("certificate-validation"),
        CertificateValidationArgs.builder()
            .certificateArn(certificate.arn())
            .validationRecordFqdns(validationCname.fqdn().applyValue(List::of))
            .build(), request.options());

    PolicySiteArgs.Builder siteArgs = PolicySiteArgs.builder()
        .domain(request.domain())
        .certificateArn(validation.certificateArn())
        .policy(request.policyBody());
    bucketName.ifPresent(siteArgs::bucketName);
    var site = new PolicySite(request.resourceName("site"), siteArgs.build(), request.options());
    var policyHost = request.pointPolicyHostAt(site.distributionDomainName());
    return new HostedSite(site.policyUrl(), List.of(site, policyHost.resource()));
  }

  @Override
  public String describe() {
    return bucketName.map(name -> "Hosting.s3CloudFront(\"" + name + "\")")
        .orElse("Hosting.s3CloudFront()");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof S3CloudFrontHosting hosting && hosting.bucketName.equals(bucketName);
  }

  @Override
  public int hashCode() {
    return bucketName.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}

package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mtasts.sdk.aws.Certificate;
import io.github.mtasts.sdk.aws.CertificateArgs;
import io.github.mtasts.sdk.aws.CertificateValidation;
import io.github.mtasts.sdk.aws.CertificateValidationArgs;
import io.github.mtasts.sdk.aws.PolicySite;
import io.github.mtasts.sdk.aws.PolicySiteArgs;
import io.github.mtasts.sdk.aws.Record;
import io.github.mtasts.sdk.aws.RecordArgs;
import io.github.mtasts.sdk.aws.enums.RecordType;
import io.github.mtasts.sdk.enums.FailOn;
import io.github.mtasts.sdk.enums.VerificationScope;
import io.github.mtasts.sdk.outputs.VerificationSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for one mail domain: the policy, the site that serves
 * it, the DNS records that announce it, and live verifications that gate each step.
 *
 * <pre>{@code
 * var sts = new MtaSts("example-com", MtaStsArgs.builder()
 *     .domain("example.com")
 *     .mode(Mode.TESTING)                         // later ENFORCE
 *     .mx("mx1.example.com", "*.mail.example.net")
 *     .maxAge(Duration.ofDays(7))
 *     .tlsRptRua("mailto:tlsrpt@example.com")
 *     .dns(Dns.route53("Z0123456789ABCDEFGHIJ"))
 *     .hosting(Hosting.s3CloudFront())
 *     .build());
 * ctx.export("stsRecord", sts.stsRecord());
 * }</pre>
 *
 * <p>The component declares, as its children (Route 53 and S3 with CloudFront):
 *
 * <ol>
 *   <li>a {@link Policy}: the canonical body, its content-derived id and both TXT values;
 *   <li>an ACM {@link Certificate} for {@code mta-sts.<domain>}, the {@link Record} that validates
 *       it and a {@link CertificateValidation} that waits until it is issued;
 *   <li>a {@link PolicySite} serving the body at
 *       {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3) and the CNAME
 *       {@code mta-sts.<domain>} pointing at it;
 *   <li>the {@code _smtp._tls.<domain>} TXT record, when report URIs are given;
 *   <li>a {@link Verification} of the policy host alone, which fetches the policy as a sender does
 *       and compares it with the body;
 *   <li>the {@code _mta-sts.<domain>} TXT record with the policy id, only after that verification
 *       passed: a sender that sees a new id fetches the policy at once (RFC 8461 §3.1), so the new
 *       body must be live before the id changes;
 *   <li>a final {@link Verification} of everything (records, policy, MX coverage, STARTTLS of each
 *       MX host) after every record.
 * </ol>
 *
 * <p>Before any of that, the inputs were checked by {@link MtaStsArgs}, and the component asks the
 * provider for the domain's current MX hosts ({@code mtasts:index:checkMxCoverage}, also in
 * preview): a host that no MX pattern covers fails the deployment in enforce mode, since senders
 * would refuse to deliver to it (RFC 8461 §4.1), and is a warning in testing mode.
 *
 * <p>Changing the mode or any policy input changes exactly the policy, the served object, the two
 * verifications and the {@code _mta-sts} record. Resource options (an explicit
 * {@code providers(...)}, for example) are inherited by the children.
 */
public final class MtaSts extends ComponentResource {

  /** The component's type token. */
  public static final String TYPE = "mtasts:index:MtaSts";

  /** The CNAME record set name under the domain that serves the policy (RFC 8461 §3.3). */
  private static final String POLICY_HOST_LABEL = "mta-sts";
  /** RFC 8461 §3.1: the TXT record is at {@code _mta-sts.<domain>}. */
  private static final String STS_LABEL = "_mta-sts";
  /** RFC 8460 §3: the TXT record is at {@code _smtp._tls.<domain>}. */
  private static final String TLSRPT_LABEL = "_smtp._tls";

  private final Output<String> policyUrl;
  private final Output<String> policyId;
  private final Output<String> policyBody;
  private final Output<String> stsRecord;
  private final Output<Optional<String>> tlsRptRecord;
  private final Output<VerificationSummary> verification;

  /**
   * Declares MTA-STS and TLS-RPT for a domain.
   *
   * @param name the unique name of the component; its children's names start with it
   * @param args the checked inputs
   */
  public MtaSts(String name, MtaStsArgs args) {
    this(name, args, null);
  }

  /**
   * Declares MTA-STS and TLS-RPT for a domain with resource options.
   *
   * @param name the unique name of the component; its children's names start with it
   * @param args the checked inputs
   * @param options options such as {@code providers(...)} or {@code protect}, or {@code null}
   */
  public MtaSts(String name, MtaStsArgs args, @Nullable ComponentResourceOptions options) {
    super(TYPE, name, options);
    Objects.requireNonNull(args, "args");
    String domain = args.domain();
    // Route 53 and S3 with CloudFront are the only DNS and hosting the sealed types permit.
    String zoneId = ((Dns.Route53) args.dns()).zoneId();
    Hosting.S3CloudFront hosting = (Hosting.S3CloudFront) args.hosting();

    // The policy's mode passes through the MX preflight, and every other child waits for the
    // policy (the certificate explicitly, the rest through its outputs): nothing is created or
    // changed for a domain whose preflight fails.
    var policy = new Policy(name + "-policy", PolicyArgs.builder()
        .mode(MxPreflight.gate(this, args))
        .mx(args.mx())
        .maxAge((int) args.maxAge().getSeconds())
        .rua(args.tlsRptRua().isEmpty() ? null : Output.of(args.tlsRptRua()))
        .build(), child());

    var certificate = new Certificate(name + "-certificate", CertificateArgs.builder()
        .domain(POLICY_HOST_LABEL + "." + domain)
        .build(), child(policy));
    var validationRecord = certificate.validationRecords().applyValue(records -> {
      if (records.isEmpty()) {
        throw new ResourceException("ACM gave no DNS validation record for "
            + POLICY_HOST_LABEL + "." + domain + "; run pulumi up again", certificate, true);
      }
      return records.get(0);
    });
    var validationCname = new Record(name + "-validation-record", RecordArgs.builder()
        .zoneId(zoneId)
        .name(validationRecord.applyValue(r -> r.name()))
        .type(RecordType.CNAME)
        .values(validationRecord.applyValue(r -> List.of(r.value())))
        .build(), child());
    var validation = new CertificateValidation(name + "-certificate-validation",
        CertificateValidationArgs.builder()
            .certificateArn(certificate.arn())
            .validationRecordFqdns(validationCname.fqdn().applyValue(List::of))
            .build(), child());

    PolicySiteArgs.Builder siteArgs = PolicySiteArgs.builder()
        .domain(domain)
        .certificateArn(validation.certificateArn())
        .policy(policy.body());
    hosting.bucketName().ifPresent(siteArgs::bucketName);
    var site = new PolicySite(name + "-site", siteArgs.build(), child());
    var policyHost = new Record(name + "-policy-host", RecordArgs.builder()
        .zoneId(zoneId)
        .name(POLICY_HOST_LABEL + "." + domain)
        .type(RecordType.CNAME)
        .values(site.distributionDomainName().applyValue(List::of))
        .build(), child());

    List<Resource> records = new ArrayList<>(List.of(validationCname, policyHost));
    if (args.tlsRptRecord().isPresent()) {
      records.add(new Record(name + "-tlsrpt", RecordArgs.builder()
          .zoneId(zoneId)
          .name(TLSRPT_LABEL + "." + domain)
          .type(RecordType.TXT)
          .values(policy.tlsRptRecord().applyValue(value -> List.of(value.orElseThrow())))
          .build(), child()));
    }

    var policyHostVerification = new Verification(name + "-verify-policy-host",
        verificationArgs(args, VerificationScope.POLICY_HOST)
            .expectedPolicy(policy.body())
            .build(), child(site, policyHost));
    // RFC 8461 §3.1: senders fetch the policy when the id changes; announce the new id only
    // once the policy host serves the new body.
    var sts = new Record(name + "-sts", RecordArgs.builder()
        .zoneId(zoneId)
        .name(STS_LABEL + "." + domain)
        .type(RecordType.TXT)
        .values(policy.stsRecord().applyValue(List::of))
        .build(), child(policyHostVerification));
    records.add(sts);

    var finalVerification = new Verification(name + "-verify-all",
        verificationArgs(args, VerificationScope.ALL)
            .expectedPolicy(policy.body())
            .expectedId(policy.policyId())
            .build(), child(records.toArray(Resource[]::new)));

    this.policyUrl = site.policyUrl();
    this.policyId = policy.policyId();
    this.policyBody = policy.body();
    this.stsRecord = policy.stsRecord();
    this.tlsRptRecord = policy.tlsRptRecord();
    this.verification = finalVerification.summary();

    Map<String, Output<?>> outputs = new LinkedHashMap<>();
    outputs.put("policyUrl", policyUrl);
    outputs.put("policyId", policyId);
    outputs.put("stsRecord", stsRecord);
    outputs.put("tlsRptRecord", tlsRptRecord);
    outputs.put("policyBody", policyBody);
    outputs.put("verification", verificationCounts());
    registerOutputs(outputs);
  }

  private static VerificationArgs.Builder verificationArgs(
      MtaStsArgs args, VerificationScope scope) {
    VerificationOptions options = args.verification();
    VerificationArgs.Builder builder = VerificationArgs.builder()
        .domain(args.domain())
        .scope(scope);
    options.timeout().ifPresent(timeout -> builder.timeout((int) timeout.getSeconds()));
    // VerificationOptions accepted the word; each FailOn constant is its word in upper case.
    options.failOn().ifPresent(
        failOn -> builder.failOn(FailOn.valueOf(failOn.toUpperCase(Locale.ROOT))));
    options.httpsPort().ifPresent(builder::httpsPort);
    options.smtpPort().ifPresent(builder::smtpPort);
    return builder;
  }

  /** Options of a child: parented to this component, after the given resources. */
  private CustomResourceOptions child(Resource... after) {
    CustomResourceOptions.Builder options = CustomResourceOptions.builder().parent(this);
    if (after.length > 0) {
      options.dependsOn(after);
    }
    return options.build();
  }

  /**
   * Returns the URL senders fetch the policy from.
   *
   * @return {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
   */
  public Output<String> policyUrl() {
    return policyUrl;
  }

  /**
   * Returns the id of the policy, derived from its body: it changes exactly when the body does.
   *
   * @return 1 to 32 letters and digits (RFC 8461 §3.1)
   */
  public Output<String> policyId() {
    return policyId;
  }

  /**
   * Returns the policy body as served.
   *
   * @return the canonical body, CRLF line ends (RFC 8461 §3.2)
   */
  public Output<String> policyBody() {
    return policyBody;
  }

  /**
   * Returns the value of the {@code _mta-sts} TXT record.
   *
   * @return for example {@code v=STSv1; id=...}
   */
  public Output<String> stsRecord() {
    return stsRecord;
  }

  /**
   * Returns the value of the {@code _smtp._tls} TXT record.
   *
   * @return for example {@code v=TLSRPTv1; rua=mailto:...}; empty when no report URI was given
   */
  public Output<Optional<String>> tlsRptRecord() {
    return tlsRptRecord;
  }

  /**
   * Returns how many checks of the final verification ended in each severity.
   *
   * @return the counts
   */
  public Output<VerificationSummary> verification() {
    return verification;
  }

  /**
   * Returns the counts of {@link #verification()} as a map, the form stack outputs take (the Java
   * SDK serialises no output object types).
   *
   * @return {@code errors}, {@code warnings}, {@code infos} and {@code passes}
   */
  public Output<Map<String, Integer>> verificationCounts() {
    return verification.applyValue(s -> Map.of("errors", s.errors(), "warnings", s.warnings(),
        "infos", s.infos(), "passes", s.passes()));
  }
}

package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
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
 * <p>The component declares, as its children, in this order of dependence:
 *
 * <ol>
 *   <li>a {@link Policy}: the canonical body, its content-derived id and both TXT values;
 *   <li>the site of its {@link Hosting} serving the body at
 *       {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 §3.3), with the records
 *       the hosting asks of the {@link Dns} (for S3 with CloudFront: an ACM certificate, the
 *       record that validates it and the wait until it is issued, the bucket and distribution,
 *       and the CNAME {@code mta-sts.<domain>} pointing at it);
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
 * <p>The DNS service and the hosting are strategies: the component calls them and never asks
 * which ones it has, so the same order holds for every pair {@link MtaStsArgs} accepts.
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
    Dns dns = args.dns();

    // 1. The policy. Its mode passes through the MX preflight, and every other child waits for
    // the policy (explicitly or through its outputs): nothing is created or changed for a domain
    // whose preflight fails.
    var policy = new Policy(name + "-policy", PolicyArgs.builder()
        .mode(MxPreflight.gate(this, args))
        .mx(args.mx())
        .maxAge((int) args.maxAge().getSeconds())
        .rua(args.tlsRptRua().isEmpty() ? null : Output.of(args.tlsRptRua()))
        .build(), child());

    // 2. The site that serves the body at the policy host, with the records it needs.
    HostedSite site = args.hosting().declare(new SiteRequest(this, name, domain, policy, dns));

    // 3. The TLS-RPT record, when report URIs are given.
    List<Resource> records = new ArrayList<>();
    if (args.tlsRptRecord().isPresent()) {
      records.add(dns.publish(new DnsRecord(name + "-tlsrpt", Output.of(TLSRPT_LABEL + "." + domain),
          DnsRecord.Type.TXT, policy.tlsRptRecord().applyValue(value -> List.of(value.orElseThrow())),
          child())).resource());
    }

    // 4. The policy host verified alone: the body served is the body declared.
    var policyHostVerification = new Verification(name + "-verify-policy-host",
        gate(verificationArgs(args, VerificationScope.POLICY_HOST), args)
            .expectedPolicy(policy.body())
            .build(), child(site.serving().toArray(Resource[]::new)));

    // 5. RFC 8461 §3.1: senders fetch the policy when the id changes; announce the new id only
    // once the policy host serves the new body.
    records.add(dns.publish(new DnsRecord(name + "-sts", Output.of(STS_LABEL + "." + domain),
        DnsRecord.Type.TXT, policy.stsRecord().applyValue(List::of),
        child(policyHostVerification))).resource());

    // 6. Everything verified as a sender sees it, after every record and the site.
    records.addAll(site.serving());
    var finalVerification = new Verification(name + "-verify-all",
        verificationArgs(args, args.verification().scope().orElse(VerificationScope.ALL))
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

  /**
   * The verification that gates the {@code _mta-sts} record fails on errors even when the options
   * say never: RFC 8461 §3.1 requires the new body to be live before the id changes, and a record
   * published before it is would announce a policy senders cannot fetch.
   */
  private static VerificationArgs.Builder gate(VerificationArgs.Builder builder, MtaStsArgs args) {
    if (args.verification().failOn().filter("never"::equals).isPresent()) {
      builder.failOn(FailOn.ERROR);
    }
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

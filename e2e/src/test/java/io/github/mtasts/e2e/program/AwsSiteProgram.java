package io.github.mtasts.e2e.program;

import io.github.mtasts.sdk.MtaSts;
import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.Policy;
import io.github.mtasts.sdk.PolicyArgs;
import io.github.mtasts.sdk.aws.Certificate;
import io.github.mtasts.sdk.aws.CertificateArgs;
import io.github.mtasts.sdk.aws.CertificateValidation;
import io.github.mtasts.sdk.aws.CertificateValidationArgs;
import io.github.mtasts.sdk.aws.PolicySite;
import io.github.mtasts.sdk.aws.PolicySiteArgs;
import io.github.mtasts.sdk.aws.Record;
import io.github.mtasts.sdk.aws.RecordArgs;
import io.github.mtasts.sdk.aws.enums.RecordType;
import io.github.mtasts.sdk.enums.Mode;
import java.util.List;

/**
 * A Pulumi program that publishes MTA-STS on AWS with the SDK's AWS resources, as the MtaSts
 * component wires them: the certificate for the policy host and its validation record, the wait
 * for issuance, the policy site, the policy host's CNAME, then the {@code _mta-sts} TXT record
 * after the site. With {@code tlsRpt} configured it also declares the {@code _smtp._tls} record.
 */
public final class AwsSiteProgram {

  private AwsSiteProgram() {}

  /**
   * Runs the program; the Java language host starts it with {@code java -jar}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(AwsSiteProgram::declare);
  }

  private static void declare(Context ctx) {
    var config = ctx.config();
    String zoneId = config.require("zoneId");
    String domain = config.require("domain");
    var policy = new Policy("policy", PolicyArgs.builder()
        .mode(Mode.TESTING).mx("mx1." + domain).maxAge(604800).build());
    var certificate = new Certificate("policy-host", CertificateArgs.builder()
        .domain("mta-sts." + domain).build());
    var validationRecord = new Record("policy-host-validation", RecordArgs.builder()
        .zoneId(zoneId)
        .name(certificate.validationRecords().applyValue(records -> records.get(0).name()))
        .type(RecordType.CNAME)
        .values(certificate.validationRecords().applyValue(records -> List.of(records.get(0).value())))
        .build());
    var validation = new CertificateValidation("policy-host", CertificateValidationArgs.builder()
        .certificateArn(certificate.arn())
        .validationRecordFqdns(validationRecord.fqdn().applyValue(List::of))
        .build());
    var site = new PolicySite("site", PolicySiteArgs.builder()
        .domain(domain)
        .certificateArn(validation.certificateArn())
        .policy(policy.body())
        .build());
    new Record("policy-host-cname", RecordArgs.builder()
        .zoneId(zoneId)
        .name("mta-sts." + domain)
        .type(RecordType.CNAME)
        .values(site.distributionDomainName().applyValue(List::of))
        .build());
    // RFC 8461 §3.1: the id announces a policy senders can fetch, so the record follows the site.
    new Record("sts", RecordArgs.builder()
        .zoneId(zoneId)
        .name("_mta-sts." + domain)
        .type(RecordType.TXT)
        .values(policy.stsRecord().applyValue(List::of))
        .build(), CustomResourceOptions.builder().dependsOn(site).build());
    config.get("tlsRpt").ifPresent(value -> new Record("tls-rpt", RecordArgs.builder()
        .zoneId(zoneId)
        .name("_smtp._tls." + domain)
        .type(RecordType.TXT)
        .values(value)
        .build()));
    ctx.export("policyUrl", site.policyUrl());
    ctx.export("distributionDomainName", site.distributionDomainName());
    ctx.export("certificateStatus", validation.status());
    ctx.export("stsRecord", policy.stsRecord());
  }
}

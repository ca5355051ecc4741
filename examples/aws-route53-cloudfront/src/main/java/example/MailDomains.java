package example;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;
import java.time.Duration;
import java.util.Map;

/**
 * MTA-STS and TLS-RPT for two mail domains whose mail goes through the same MX hosts, each with
 * its own Route 53 hosted zone; the policies are served from S3 through CloudFront.
 *
 * <p>Stack config: {@code exampleComZoneId} and {@code exampleOrgZoneId} (the hosted zones) and
 * {@code mode} ({@code testing} unless set; {@code enforce} once the TLS reports are clean).
 */
public final class MailDomains {
  private MailDomains() {}

  /**
   * Runs the program; Pulumi's Java language host starts it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(MailDomains::stack);
  }

  /**
   * Declares both domains.
   *
   * @param ctx the program's context
   */
  public static void stack(Context ctx) {
    var config = ctx.config();
    String mode = config.get("mode").orElse("testing");
    domain(ctx, "example.com", config.require("exampleComZoneId"), mode);
    domain(ctx, "example.org", config.require("exampleOrgZoneId"), mode);
  }

  private static void domain(Context ctx, String domain, String zoneId, String mode) {
    var sts = new MtaSts(domain.replace('.', '-'), MtaStsArgs.builder()
        .domain(domain)
        .mode(mode)
        .mx("mx1.example.com", "*.mail.example.net")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(Dns.route53(zoneId))
        .hosting(Hosting.s3CloudFront())
        .build());
    ctx.export(domain, Output.tuple(sts.policyUrl(), sts.stsRecord(), sts.verificationCounts())
        .applyValue(t -> Map.of("policyUrl", t.t1, "stsRecord", t.t2, "verification", t.t3)));
  }
}

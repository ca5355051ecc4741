package example;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;
import io.github.mtasts.sdk.VerificationOptions;
import java.time.Duration;
import java.util.Map;

/**
 * MTA-STS and TLS-RPT for two mail domains whose mail goes through the same MX hosts, each in its
 * own Cloudflare zone, both policies served by one Cloudflare Worker (the script
 * {@code mtasts-policy}, each domain's body at its {@code mta-sts.<domain>}).
 *
 * <p>Stack config: {@code mode} ({@code testing} unless set; {@code enforce} once the TLS reports
 * are clean); the provider's {@code mtasts:cloudflareApiToken} (secret) and
 * {@code mtasts:cloudflareAccountId}. {@code verifyHttpsPort} and {@code verifySmtpPort} are for
 * test laboratories only: senders always use 443 and 25.
 */
public final class CloudflareMailDomains {
  private CloudflareMailDomains() {}

  /**
   * Runs the program; Pulumi's Java language host starts it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(CloudflareMailDomains::stack);
  }

  /**
   * Declares both domains on one Worker.
   *
   * @param ctx the program's context
   */
  public static void stack(Context ctx) {
    var config = ctx.config();
    String mode = config.get("mode").orElse("testing");
    VerificationOptions.Builder verification = VerificationOptions.builder();
    config.getInteger("verifyHttpsPort").ifPresent(verification::httpsPort);
    config.getInteger("verifySmtpPort").ifPresent(verification::smtpPort);
    // One hosting for both: one Worker script serves every domain's policy.
    Hosting worker = Hosting.cloudflareWorker();
    domain(ctx, "example.com", mode, worker, verification.build());
    domain(ctx, "example.org", mode, worker, verification.build());
  }

  private static void domain(Context ctx, String domain, String mode, Hosting worker,
      VerificationOptions verification) {
    var sts = new MtaSts(domain.replace('.', '-'), MtaStsArgs.builder()
        .domain(domain)
        .mode(mode)
        .mx("mx1.example.com", "*.mail.example.net")
        .maxAge(Duration.ofDays(7))
        .tlsRptRua("mailto:tlsrpt@example.com")
        .dns(Dns.cloudflare(domain))          // the zone of that name; or its id
        .hosting(worker)
        .verification(verification)
        .build());
    ctx.export(domain, Output.tuple(sts.policyUrl(), sts.stsRecord(), sts.verificationCounts())
        .applyValue(t -> Map.of("policyUrl", t.t1, "stsRecord", t.t2, "verification", t.t3)));
  }
}

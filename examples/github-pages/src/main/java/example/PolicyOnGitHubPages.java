package example;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mtasts.sdk.Dns;
import io.github.mtasts.sdk.Hosting;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;
import io.github.mtasts.sdk.VerificationOptions;
import java.time.Duration;
import java.util.Arrays;

/**
 * The by-hand recipe for MTA-STS on GitHub Pages, as code: one {@link MtaSts} component does
 * each of its steps, in the order GitHub needs them, and checks the result as a sending mail
 * server would.
 *
 * <ol>
 *   <li>"Create a new public repository called mta-sts": the repository {@code repository} of
 *       {@code owner} (created, or adopted when it is empty).
 *   <li>"Add a single empty file called .nojekyll" and "Create the MTA-STS policy in
 *       .well-known/mta-sts.txt": both, with the {@code CNAME} file, in one commit; the policy
 *       is rendered from {@code mode}, {@code mx} and a week's max_age, its mx listed once each.
 *   <li>"Activate GitHub Pages": from the default branch's root, custom domain
 *       {@code mta-sts.<domain>}; then the CNAME record {@code mta-sts.<domain>} to
 *       {@code <owner>.github.io} in the Route 53 zone.
 *   <li>"GitHub will begin the process of issuing an SSL certificate ... enable Enforce HTTPS":
 *       the wait for the certificate, with GitHub's states as progress, then enforced HTTPS.
 *   <li>"Adding the DNS TXT record": {@code _mta-sts.<domain>}, whose id is derived from the
 *       policy, so it changes exactly when the policy does, and only once the new policy is
 *       served; and TLS-RPT's {@code _smtp._tls.<domain>}.
 * </ol>
 *
 * <p>Stack config: {@code domain}, {@code zoneId} (its Route 53 hosted zone), {@code owner} (the
 * GitHub user or organisation), {@code repository} (default {@code mta-sts}), {@code mx} (the MX
 * host patterns, comma-separated), {@code rua} (where TLS reports go), {@code mode}
 * ({@code testing} unless set). {@code verifyHttpsPort} and {@code verifySmtpPort} are for test
 * laboratories only.
 */
public final class PolicyOnGitHubPages {
  private PolicyOnGitHubPages() {}

  /**
   * Runs the program; Pulumi's Java language host starts it.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(PolicyOnGitHubPages::stack);
  }

  /**
   * Declares the domain's MTA-STS and TLS-RPT.
   *
   * @param ctx the program's context
   */
  public static void stack(Context ctx) {
    var config = ctx.config();
    String domain = config.require("domain");
    VerificationOptions.Builder verification = VerificationOptions.builder();
    config.getInteger("verifyHttpsPort").ifPresent(verification::httpsPort);
    config.getInteger("verifySmtpPort").ifPresent(verification::smtpPort);
    var sts = new MtaSts(domain.replace('.', '-'), MtaStsArgs.builder()
        .domain(domain)
        .mode(config.get("mode").orElse("testing"))
        .mx(Arrays.stream(config.require("mx").split(",")).map(String::strip).toList())
        .maxAge(Duration.ofDays(7))
        .tlsRptRua(config.require("rua"))
        .dns(Dns.route53(config.require("zoneId")))
        .hosting(Hosting.githubPages(config.require("owner"),
            config.get("repository").orElse("mta-sts")))
        .verification(verification.build())
        .build());
    ctx.export("policyUrl", sts.policyUrl());
    ctx.export("stsRecord", sts.stsRecord());
    ctx.export("verification", sts.verificationCounts());
  }
}

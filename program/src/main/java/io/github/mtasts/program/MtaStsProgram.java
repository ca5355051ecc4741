package io.github.mtasts.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;

/**
 * The ready-to-run Pulumi program of this repository's {@code Pulumi.yaml}: publishes MTA-STS and
 * TLS-RPT for one mail domain from stack configuration alone, so that no Java needs to be
 * written: records in Route 53 or Cloudflare DNS, the policy served by S3 with CloudFront, by a
 * Cloudflare Worker or by GitHub Pages. The keys are those of {@link StackConfig}.
 *
 * <pre>
 * pulumi config set domain example.com
 * pulumi config set mode testing
 * pulumi config set mx 'mx1.example.com,*.mail.example.net'
 * pulumi config set rua mailto:tlsrpt@example.com
 * pulumi config set route53ZoneId Z0123456789ABCDEFGHIJ     # or: dns cloudflare, cloudflareZone example.com
 * pulumi up
 * </pre>
 */
public final class MtaStsProgram {
  private MtaStsProgram() {}

  /**
   * Runs the program; the Java language host starts it with {@code java -jar}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(MtaStsProgram::declare);
  }

  /**
   * Declares the component from the stack configuration and exports its outputs.
   *
   * @param ctx the program's context
   * @throws InvalidConfigException naming every missing or invalid configuration key
   */
  static void declare(Context ctx) {
    MtaStsArgs args = StackConfig.read(key -> ctx.config().get(key));
    var sts = new MtaSts(args.domain().replace('.', '-'), args);
    ctx.export("policyUrl", sts.policyUrl());
    ctx.export("policyId", sts.policyId());
    ctx.export("policyBody", sts.policyBody());
    ctx.export("stsRecord", sts.stsRecord());
    ctx.export("tlsRptRecord", sts.tlsRptRecord());
    ctx.export("verification", sts.verificationCounts());
  }
}

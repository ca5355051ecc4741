package io.github.mtasts.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.deployment.internal.DeploymentImpl;
import io.github.mtasts.sdk.MtaSts;
import io.github.mtasts.sdk.MtaStsArgs;
import java.util.logging.Logger;

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
  /**
   * The logger the Pulumi Java SDK (1.17.0) writes each error to besides sending it to the engine.
   * Its copy goes to standard error, which the Java language host prints again when the program
   * fails; kept here so that the setting below is not lost with a collected logger.
   */
  private static final Logger PULUMI_LOG = Logger.getLogger(DeploymentImpl.class.getName());

  private MtaStsProgram() {}

  /**
   * Runs the program; the Java language host starts it with {@code java -jar}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    quietUnlessVerbose(System.getenv("PULUMI_JAVA_LOG_VERBOSE"));
    Pulumi.run(MtaStsProgram::declare);
  }

  /**
   * Leaves each error to the engine, which shows it once: the SDK logs the error of an exception
   * that ends the program both to the engine and to Java logging, whose console copy would be the
   * same message a second time. The SDK's own switch for its log, {@code
   * PULUMI_JAVA_LOG_VERBOSE=true}, keeps the console copy and everything else the SDK logs.
   *
   * @param verbose the value of {@code PULUMI_JAVA_LOG_VERBOSE}, or null
   */
  static void quietUnlessVerbose(String verbose) {
    PULUMI_LOG.setUseParentHandlers(Boolean.parseBoolean(verbose));
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

package io.github.mtasts.e2e.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import io.github.mtasts.sdk.Policy;
import io.github.mtasts.sdk.PolicyArgs;
import io.github.mtasts.sdk.Provider;
import io.github.mtasts.sdk.ProviderArgs;
import io.github.mtasts.sdk.Verification;
import io.github.mtasts.sdk.VerificationArgs;
import java.util.List;

/**
 * A Pulumi program as a user writes it, run by the real engine in the end-to-end test: one
 * MTA-STS policy and, when {@code verifyDomain} is configured, a verification of what that
 * domain serves against the policy. Inputs come from stack config, so the test changes them
 * with {@code pulumi config set} between updates.
 */
public final class MailDomainProgram {

  private MailDomainProgram() {}

  /**
   * Runs the program; the Java language host starts it with {@code java -jar}.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Pulumi.run(MailDomainProgram::declare);
  }

  private static void declare(Context ctx) {
    var config = ctx.config();
    var policy =
        new Policy(
            "example-com",
            PolicyArgs.builder()
                .mode(config.require("mode"))
                .mx(List.of(config.require("mx").split(",")))
                .maxAge(config.requireInteger("maxAge"))
                .rua(List.of(config.require("rua").split(",")))
                .build());
    ctx.export("mode", policy.mode());
    ctx.export("body", policy.body());
    ctx.export("policyId", policy.policyId());
    ctx.export("stsRecord", policy.stsRecord());
    ctx.export("tlsRptRecord", policy.tlsRptRecord());

    // An explicit provider given a setting as a secret: the SDK must send it, and the engine
    // store it, as a secret.
    config.get("explicitProviderEndpoint").ifPresent(endpoint -> {
      var provider = new Provider(
          "explicit", ProviderArgs.builder().awsEndpoint(Output.ofSecret(endpoint)).build());
      new Policy(
          "explicit-provider",
          PolicyArgs.builder().mode("none").mx("mx.example.org").maxAge(86400).build(),
          CustomResourceOptions.builder().provider(provider).build());
    });

    config.get("verifyDomain").ifPresent(domain -> {
      var args = VerificationArgs.builder()
          .domain(domain)
          .expectedPolicy(policy.body())
          .timeout(config.requireInteger("verifyTimeout"));
      // Lab hooks: the test's servers listen on other ports than 443 and 25.
      config.getInteger("httpsPort").ifPresent(args::httpsPort);
      config.getInteger("smtpPort").ifPresent(args::smtpPort);
      var verification = new Verification(
          "example-com", args.build(), CustomResourceOptions.builder().dependsOn(policy).build());
      ctx.export("verified", verification.ok());
      ctx.export("errors", verification.summary().applyValue(s -> s.errors()));
      ctx.export("checks", verification.checks().applyValue(checks ->
          checks.stream().map(c -> c.id() + ":" + c.severity()).toList()));
    });
  }
}

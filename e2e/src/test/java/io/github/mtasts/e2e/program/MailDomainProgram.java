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
import io.github.mtasts.sdk.enums.Mode;
import java.util.List;
import java.util.Locale;

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
                .mode(Mode.valueOf(config.require("mode").toUpperCase(Locale.ROOT)))
                .mx(List.of(config.require("mx").split(",")))
                .maxAge(config.requireInteger("maxAge"))
                .rua(List.of(config.require("rua").split(",")))
                .build());
    ctx.export("mode", policy.mode());
    ctx.export("body", policy.body());
    ctx.export("policyId", policy.policyId());
    ctx.export("stsRecord", policy.stsRecord());
    ctx.export("tlsRptRecord", policy.tlsRptRecord());

    // An explicit provider whose setting comes from secret config: the engine must store it,
    // and the plugin treat it, as a secret.
    if (config.get("explicitProviderRegion").isPresent()) {
      var provider = new Provider("explicit", ProviderArgs.builder()
          .awsRegion(config.requireSecret("explicitProviderRegion")).build());
      new Policy(
          "explicit-provider",
          PolicyArgs.builder().mode(Mode.NONE).mx("mx.example.org").maxAge(86400).build(),
          CustomResourceOptions.builder().provider(provider).build());
    }

    config.get("verifyDomain").ifPresent(domain -> {
      var args = VerificationArgs.builder()
          .domain(domain)
          .expectedPolicy(policy.body())
          .timeout(config.requireInteger("verifyTimeout"));
      // Lab hooks: the test's servers listen on other ports than 443 and 25.
      config.getInteger("httpsPort").ifPresent(args::httpsPort);
      config.getInteger("smtpPort").ifPresent(args::smtpPort);
      // A secret input: the plugin must keep it, and the engine store it, secret.
      if (config.get("verifyTriggers").isPresent()) {
        args.triggers(config.requireSecret("verifyTriggers").applyValue(Object.class::cast));
      }
      var verification = new Verification(
          "example-com", args.build(), CustomResourceOptions.builder().dependsOn(policy).build());
      ctx.export("verified", verification.ok());
      ctx.export("errors", verification.summary().applyValue(s -> s.errors()));
      ctx.export("checks", verification.checks().applyValue(checks ->
          checks.stream().map(c -> c.id() + ":" + c.severity()).toList()));
    });
  }
}

package io.github.mtasts.sdk.engine.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.mtasts.sdk.Policy;
import io.github.mtasts.sdk.PolicyArgs;
import java.util.List;

/**
 * A Pulumi program as a user writes it, run by the real engine in the end-to-end test: one
 * MTA-STS policy whose inputs come from stack config, so the test changes them with
 * {@code pulumi config set} between updates.
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
  }
}

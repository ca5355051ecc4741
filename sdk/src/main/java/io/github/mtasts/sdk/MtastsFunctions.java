package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.core.TypeShape;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.deployment.InvokeOutputOptions;
import io.github.mtasts.sdk.inputs.CheckMxCoverageArgs;
import io.github.mtasts.sdk.outputs.CheckMxCoverageResult;

/**
 * The functions of the Pulumi package {@code mtasts}: computations the provider plugin runs for a
 * program during preview and update, changing nothing.
 */
public final class MtastsFunctions {

  /** The token of {@link #checkMxCoverage}. */
  public static final String CHECK_MX_COVERAGE = "mtasts:index:checkMxCoverage";

  private MtastsFunctions() {}

  /**
   * Looks up a mail domain's current MX hosts, as a sender does, and names those that no mx
   * pattern of a policy covers (RFC 8461 §4.1): in enforce mode senders would not deliver to
   * them. DNS is asked the way a {@link Verification} asks it (the provider's
   * {@code verifyResolver}, else the domain's authoritative servers). Uncovered hosts do not fail
   * the call; a lookup without an answer does.
   *
   * <pre>{@code
   * var coverage = MtastsFunctions.checkMxCoverage(CheckMxCoverageArgs.builder()
   *     .domain("example.com")
   *     .mode("enforce")
   *     .mx("mx1.example.com", "*.mail.example.net")
   *     .build());
   * ctx.export("uncovered", coverage.applyValue(CheckMxCoverageResult::uncovered));
   * }</pre>
   *
   * @param args the domain, the mode and the mx patterns
   * @return the MX hosts, the uncovered ones and a message
   */
  public static Output<CheckMxCoverageResult> checkMxCoverage(CheckMxCoverageArgs args) {
    return checkMxCoverage(args, InvokeOptions.Empty);
  }

  /**
   * Looks up a mail domain's MX hosts and names those no mx pattern covers; see
   * {@link #checkMxCoverage(CheckMxCoverageArgs)}.
   *
   * @param args the domain, the mode and the mx patterns
   * @param options options such as an explicit {@link Provider} or a parent
   * @return the MX hosts, the uncovered ones and a message
   */
  public static Output<CheckMxCoverageResult> checkMxCoverage(
      CheckMxCoverageArgs args, InvokeOptions options) {
    return Deployment.getInstance().invoke(CHECK_MX_COVERAGE,
        TypeShape.of(CheckMxCoverageResult.class), args, MtastsPackage.invokeOptions(options));
  }

  /**
   * Looks up a mail domain's MX hosts and names those no mx pattern covers, after the resources
   * in the options' {@code dependsOn}; see {@link #checkMxCoverage(CheckMxCoverageArgs)}.
   *
   * @param args the domain, the mode and the mx patterns
   * @param options options such as {@code dependsOn}, an explicit {@link Provider} or a parent
   * @return the MX hosts, the uncovered ones and a message
   */
  public static Output<CheckMxCoverageResult> checkMxCoverage(
      CheckMxCoverageArgs args, InvokeOutputOptions options) {
    return Deployment.getInstance().invoke(CHECK_MX_COVERAGE,
        TypeShape.of(CheckMxCoverageResult.class), args, MtastsPackage.invokeOptions(options));
  }
}

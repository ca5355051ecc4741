package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.exceptions.ResourceException;
import io.github.mtasts.sdk.enums.Mode;
import io.github.mtasts.sdk.inputs.CheckMxCoveragePlainArgs;
import io.github.mtasts.sdk.outputs.CheckMxCoverageResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The MX preflight of an {@link MtaSts} component: the domain's current MX hosts, looked up by the
 * provider ({@code mtasts:index:checkMxCoverage}, in preview too), must each match an MX pattern
 * of the policy. A sender validates the MX host it connects to against the patterns and, in
 * enforce mode, refuses to deliver to one that matches none (RFC 8461 §4.1 and §5): an uncovered
 * host fails the deployment in enforce mode and is a warning in testing mode, and so is a domain
 * that does not exist. A lookup that fails stops the program with the provider's message alone.
 */
final class MxPreflight {
  private MxPreflight() {}

  /**
   * Returns the policy mode once the preflight passed: the Policy takes it as input, so a failed
   * preflight stops the component before anything is created or changed.
   *
   * @param component the component the warning or failure is reported on
   * @param args the component's inputs
   * @return the mode
   */
  static Output<Mode> gate(MtaSts component, MtaStsArgs args) {
    Mode mode = args.mode();
    if (mode == Mode.NONE) {
      // RFC 8461 §5: with mode none senders apply no policy, so no MX host can be refused.
      return Output.of(mode);
    }
    CompletableFuture<CheckMxCoverageResult> checked = MtastsFunctions.checkMxCoveragePlain(
        CheckMxCoveragePlainArgs.builder()
            .domain(args.domain())
            .mode(mode)
            .mx(args.mx())
            .build(), InvokeOptions.builder().parent(component).build());
    return Output.of(checked.handle((result, error) -> {
      if (error != null) {
        // The provider's message says what failed and what to do (a resolver that does not
        // answer, for example); under it a stack trace of the invoke would only hide it.
        throw new ResourceException("MX preflight of " + args.domain() + ": " + reason(error), component, true);
      }
      if (Boolean.FALSE.equals(result.domainExists())) {
        noSuchDomain(component, args, result.message());
      }
      List<String> uncovered = result.uncovered();
      if (!uncovered.isEmpty()) {
        report(component, args, uncovered);
      }
      return mode;
    }));
  }

  /** The innermost message of a failure: the provider's, without the layers of the invoke. */
  private static String reason(Throwable error) {
    String message = String.valueOf(error.getMessage());
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  /**
   * A domain that does not exist receives no mail: its policy protects nothing, which is an
   * error in enforce mode (the policy is meant to protect mail now) and a warning in testing.
   */
  private static void noSuchDomain(MtaSts component, MtaStsArgs args, String message) {
    String text = "MX preflight of " + args.domain() + ": " + message;
    if (args.mode() == Mode.ENFORCE) {
      throw new ResourceException(text, component, true);
    }
    EngineWarnings.warn(text, component);
  }

  private static void report(MtaSts component, MtaStsArgs args, List<String> uncovered) {
    String hosts = String.join(", ", uncovered);
    String patterns = String.join(", ", args.mx());
    String plural = uncovered.size() == 1 ? "host " + hosts + " is" : "hosts " + hosts + " are";
    if (args.mode() == Mode.ENFORCE) {
      // The message says all there is to say: no stack trace under it (hideStack).
      throw new ResourceException("MX preflight of " + args.domain() + ": the MX " + plural
          + " matched by no mx pattern of the policy (" + patterns + "); in enforce mode senders"
          + " would refuse to deliver to them (RFC 8461 §4.1). Add a pattern for each MX host,"
          + " or deploy in testing mode until the MX records and the patterns agree.",
          component, true);
    }
    EngineWarnings.warn("MX preflight of " + args.domain() + ": the MX " + plural + " matched"
        + " by no mx pattern of the policy (" + patterns + "); in testing mode senders deliver"
        + " anyway and report the failure through TLS-RPT. Add a pattern for each MX host before"
        + " switching to enforce.", component);
  }
}

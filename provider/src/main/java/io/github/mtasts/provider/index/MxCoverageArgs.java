package io.github.mtasts.provider.index;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.util.List;

/**
 * The checked arguments of {@code mtasts:index:checkMxCoverage}, decoded once.
 *
 * @param domain the mail domain, normalised
 * @param mode the mode of the policy, which shapes the message
 * @param mx the mx patterns of the policy (RFC 8461 §4.1)
 */
public record MxCoverageArgs(String domain, Mode mode, List<String> mx) {

  /**
   * Decodes checked arguments.
   *
   * @param args arguments that passed Check
   * @return the typed arguments
   */
  static MxCoverageArgs of(PropertyMap args) {
    return InputRecord.decode(args, MxCoverageArgs.class);
  }

  /**
   * The mx patterns, parsed.
   *
   * @return the patterns
   */
  List<MxPattern> patterns() {
    return mx.stream().map(MxPattern::of).toList();
  }
}

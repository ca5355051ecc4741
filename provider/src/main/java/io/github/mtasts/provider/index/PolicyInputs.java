package io.github.mtasts.provider.index;

import io.github.mtasts.policy.Mode;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.util.List;
import java.util.Optional;

/**
 * The checked inputs of a {@code mtasts:index:Policy}, decoded once.
 *
 * @param mode the policy mode (RFC 8461 §5)
 * @param mx the MX host patterns (RFC 8461 §4.1); unset only in mode none
 * @param maxAge how long senders may cache the policy, in seconds
 * @param rua where TLS reports go (RFC 8460 §3); unset or empty for no TLS-RPT record
 */
public record PolicyInputs(Mode mode, Optional<List<String>> mx, long maxAge, Optional<List<String>> rua) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static PolicyInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, PolicyInputs.class);
  }

  /**
   * The policy these inputs declare.
   *
   * @return the policy
   */
  Policy policy() {
    return Policy.builder().mode(mode).mx(mx.orElse(List.of())).maxAge(maxAge).build();
  }
}

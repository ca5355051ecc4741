package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.cloudflare.PolicyHostSpec;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;

/**
 * The checked inputs of a {@code mtasts:cloudflare:PolicyWorker}, decoded once.
 *
 * @param scriptName the Worker script, defaulted by the schema
 * @param zoneId the zone of {@code mta-sts.DOMAIN}, normalised
 * @param domain the mail domain, normalised
 * @param policy the canonical policy body to serve (RFC 8461 §3.3)
 */
public record PolicyWorkerInputs(String scriptName, String zoneId, String domain, String policy) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static PolicyWorkerInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, PolicyWorkerInputs.class);
  }

  /**
   * The policy host these inputs declare.
   *
   * @return the specification
   * @throws io.github.mtasts.cloudflare.InvalidSpecException when a rule of the Worker fails
   */
  PolicyHostSpec spec() {
    return new PolicyHostSpec(scriptName, zoneId, domain, policy);
  }
}

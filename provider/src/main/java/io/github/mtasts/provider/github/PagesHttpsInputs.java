package io.github.mtasts.provider.github;

import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.time.Duration;
import java.util.Optional;

/**
 * The checked inputs of a {@code mtasts:github:PagesHttps}, decoded once.
 *
 * @param repository the site's repository as OWNER/NAME
 * @param domain the mail domain, normalised; the certificate is for mta-sts.DOMAIN
 * @param policyHostFqdn the published CNAME record, only to order the wait after it
 * @param timeout how long to wait for the certificate
 */
public record PagesHttpsInputs(String repository, String domain, Optional<String> policyHostFqdn,
    Duration timeout) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static PagesHttpsInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, PagesHttpsInputs.class);
  }
}

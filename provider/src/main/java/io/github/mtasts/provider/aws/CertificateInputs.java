package io.github.mtasts.provider.aws;

import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;

/**
 * The checked inputs of a {@code mtasts:aws:Certificate}, decoded once.
 *
 * @param domain the host name to certify, normalised
 */
public record CertificateInputs(String domain) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static CertificateInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, CertificateInputs.class);
  }
}

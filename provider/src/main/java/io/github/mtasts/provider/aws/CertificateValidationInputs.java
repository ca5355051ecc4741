package io.github.mtasts.provider.aws;

import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checked inputs of a {@code mtasts:aws:CertificateValidation}, decoded once.
 *
 * @param certificateArn the ACM certificate to wait for
 * @param validationRecordFqdns the published validation records, only to order the wait after them
 * @param timeout how long to wait for the certificate to be issued
 */
public record CertificateValidationInputs(String certificateArn, Optional<List<String>> validationRecordFqdns, Duration timeout) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static CertificateValidationInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, CertificateValidationInputs.class);
  }
}

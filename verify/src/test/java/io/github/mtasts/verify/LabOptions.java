package io.github.mtasts.verify;

import io.github.mtasts.testlab.VerifyLab;
import java.time.Duration;

/** Verifier options that point at a {@link VerifyLab}, with short timeouts. */
final class LabOptions {

  private LabOptions() {}

  /**
   * Options for the laboratory's resolver, CA and ports.
   *
   * @param lab the running laboratory
   * @return a builder the test may refine
   */
  static VerifyOptions.Builder of(VerifyLab lab) {
    return VerifyOptions.builder()
        .resolver(lab.dnsServer())
        .caFile(lab.caFile())
        .httpsPort(lab.httpsPort())
        .smtpPort(lab.smtpPort())
        .dnsTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(2))
        .fetchTimeout(Duration.ofSeconds(5))
        .smtpTimeout(Duration.ofSeconds(5));
  }
}

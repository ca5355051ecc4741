package io.github.mtasts.reports;

import java.util.List;

/** The {@code result-type} values of failure details that RFC 8460 §4.3 registers. */
public final class ResultTypes {
  /**
   * Every registered type, in the order of RFC 8460 §4.3: negotiation failures (§4.3.1), DANE
   * policy failures (§4.3.2.1), MTA-STS policy failures (§4.3.2.2).
   */
  public static final List<String> REGISTERED = List.of(
      "starttls-not-supported",
      "certificate-host-mismatch",
      "certificate-expired",
      "certificate-not-trusted",
      "validation-failure",
      "tlsa-invalid",
      "dnssec-invalid",
      "dane-required",
      "sts-policy-fetch-error",
      "sts-policy-invalid",
      "sts-webpki-invalid");

  private ResultTypes() {}

  /**
   * Whether RFC 8460 §4.3 registers a result type.
   *
   * @param type a result type in lower case
   * @return true when registered
   */
  public static boolean isRegistered(String type) {
    return REGISTERED.contains(type);
  }
}

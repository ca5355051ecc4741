package io.github.mtasts.reports;

import java.util.Arrays;
import java.util.Optional;

/** The {@code policy-type} of a report's policy (RFC 8460 §4.4). */
public enum PolicyType {
  /** An MTA-STS policy (RFC 8461). */
  STS("sts"),
  /** A DANE TLSA record set (RFC 7672). */
  TLSA("tlsa"),
  /** The sender found neither: the sessions were reported without a policy. */
  NO_POLICY_FOUND("no-policy-found");

  private final String token;

  PolicyType(String token) {
    this.token = token;
  }

  /** The token as written in reports. */
  public String token() {
    return token;
  }

  /**
   * The type a token names, ignoring case.
   *
   * @param token the {@code policy-type} value
   * @return the type, or empty when RFC 8460 §4.4 defines no such type
   */
  static Optional<PolicyType> fromToken(String token) {
    return Arrays.stream(values()).filter(t -> t.token.equalsIgnoreCase(token)).findFirst();
  }
}

package io.github.mtasts.reports;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a policy's {@code failure-details} (RFC 8460 §4.4): sessions that failed in the
 * same way.
 *
 * @param resultType the {@code result-type}, in lower case (RFC 8460 §4.3; senders may use
 *     types the RFC does not register)
 * @param failedSessions {@code failed-session-count}
 * @param receivingMxHostname {@code receiving-mx-hostname}: the MX host the sender tried, in lower
 *     case without a trailing dot
 * @param receivingMxHelo {@code receiving-mx-helo}: the name the MX host greeted with
 * @param receivingIp {@code receiving-ip}
 * @param sendingMtaIp {@code sending-mta-ip}
 * @param failureReasonCode {@code failure-reason-code}, free text of the sender
 * @param additionalInformation {@code additional-information}, a URI of the sender
 */
public record FailureDetail(
    String resultType,
    long failedSessions,
    Optional<String> receivingMxHostname,
    Optional<String> receivingMxHelo,
    Optional<String> receivingIp,
    Optional<String> sendingMtaIp,
    Optional<String> failureReasonCode,
    Optional<String> additionalInformation) {

  /** Checks that every component is present and the count is not negative. */
  public FailureDetail {
    Objects.requireNonNull(resultType, "resultType");
    Objects.requireNonNull(receivingMxHostname, "receivingMxHostname");
    Objects.requireNonNull(receivingMxHelo, "receivingMxHelo");
    Objects.requireNonNull(receivingIp, "receivingIp");
    Objects.requireNonNull(sendingMtaIp, "sendingMtaIp");
    Objects.requireNonNull(failureReasonCode, "failureReasonCode");
    Objects.requireNonNull(additionalInformation, "additionalInformation");
    if (failedSessions < 0) {
      throw new IllegalArgumentException("failedSessions must not be negative: " + failedSessions);
    }
  }
}

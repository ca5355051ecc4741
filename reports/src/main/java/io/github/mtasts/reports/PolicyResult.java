package io.github.mtasts.reports;

import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a report's {@code policies} (RFC 8460 §4.4): the sessions a sender had under
 * one policy of one domain.
 *
 * @param type {@code policy-type}
 * @param domain {@code policy-domain}, in lower case without a trailing dot
 * @param policyString {@code policy-string}: the policy as the sender saw it, one element per
 *     line (for MTA-STS, the lines of the policy body); empty when the sender gave none
 * @param mxHosts {@code mx-host}: the MX patterns of the policy as the sender gives them
 * @param successfulSessions {@code total-successful-session-count}
 * @param failedSessions {@code total-failure-session-count}
 * @param failures {@code failure-details}
 */
public record PolicyResult(
    PolicyType type,
    String domain,
    List<String> policyString,
    List<String> mxHosts,
    long successfulSessions,
    long failedSessions,
    List<FailureDetail> failures) {

  /** Checks that every component is present and copies the lists. */
  public PolicyResult {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(domain, "domain");
    policyString = List.copyOf(policyString);
    mxHosts = List.copyOf(mxHosts);
    failures = List.copyOf(failures);
    if (successfulSessions < 0 || failedSessions < 0) {
      throw new IllegalArgumentException("session counts must not be negative");
    }
  }

  /**
   * The MTA-STS policy the sender saw, when the type is {@code sts} and its {@code policy-string}
   * is a valid RFC 8461 §3.2 body (its lines joined with CRLF).
   *
   * @return the policy, whose {@link Policy#id()} tells one policy version from another
   */
  public Optional<Policy> stsPolicy() {
    if (type != PolicyType.STS || policyString.isEmpty()) {
      return Optional.empty();
    }
    return Policy.parse(String.join("\r\n", policyString) + "\r\n").value();
  }

  /**
   * The MX patterns of the policy the sender applied: those of {@code mx-host}, or else the
   * {@code mx} lines of the policy string. Entries that are no valid pattern are left out.
   *
   * @return the patterns
   */
  public List<MxPattern> mxPatterns() {
    if (!mxHosts.isEmpty()) {
      return mxHosts.stream()
          .map(h -> MxPattern.parse(h.endsWith(".") ? h.substring(0, h.length() - 1) : h))
          .flatMap(r -> r.value().stream())
          .toList();
    }
    return stsPolicy().map(Policy::mx).orElse(List.of());
  }
}

package io.github.mtasts.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the reports of a period say about one policy domain. Breakdowns by result type and MX host
 * come from the failure details (RFC 8460 §4.4); failed sessions a sender counted without
 * details appear under {@link #UNDETAILED}.
 *
 * @param domain the policy domain
 * @param reports distinct reports that mention the domain
 * @param first the earliest start of their periods
 * @param last the latest end of their periods
 * @param successfulSessions sum of {@code total-successful-session-count}
 * @param failedSessions sum of {@code total-failure-session-count}
 * @param failuresByType failed sessions per result type, most first
 * @param failuresByMxHost failed sessions per receiving MX host, most first
 * @param organizations one entry per sending organisation, by name
 * @param policies one entry per distinct policy the senders saw, newest first
 * @param days one entry per UTC day of a report's start, in order
 * @param failures failed sessions per result type, MX host and organisation, most first
 */
public record DomainSummary(
    String domain,
    long reports,
    Instant first,
    Instant last,
    long successfulSessions,
    long failedSessions,
    Map<String, Long> failuresByType,
    Map<String, Long> failuresByMxHost,
    List<Organization> organizations,
    List<PolicySeen> policies,
    List<Day> days,
    List<FailureRow> failures) {

  /** The host or type shown for failed sessions a sender counted without failure details. */
  public static final String UNDETAILED = "(no details)";

  /** The host shown for failure details that name no {@code receiving-mx-hostname}. */
  public static final String UNNAMED_HOST = "(not named)";

  /** Copies the collections, keeping the order of the maps. */
  public DomainSummary {
    failuresByType = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByType));
    failuresByMxHost = Collections.unmodifiableMap(new LinkedHashMap<>(failuresByMxHost));
    organizations = List.copyOf(organizations);
    policies = List.copyOf(policies);
    days = List.copyOf(days);
    failures = List.copyOf(failures);
  }

  /**
   * One sending organisation's part.
   *
   * @param name {@code organization-name}
   * @param reports its distinct reports
   * @param successfulSessions its successful sessions
   * @param failedSessions its failed sessions
   * @param stsMxPatterns the MX patterns of the MTA-STS policies it applied; empty when it never
   *     reported under an {@code sts} policy
   * @param policyTypes the policy types it reported under
   */
  public record Organization(
      String name,
      long reports,
      long successfulSessions,
      long failedSessions,
      Set<String> stsMxPatterns,
      Set<PolicyType> policyTypes) {
    /** Copies the sets. */
    public Organization {
      stsMxPatterns = Set.copyOf(stsMxPatterns);
      policyTypes = Set.copyOf(policyTypes);
    }
  }

  /**
   * A policy as the senders saw it.
   *
   * @param type {@code policy-type}
   * @param policyString its lines as reported
   * @param stsPolicyId for a valid MTA-STS policy string, the id derived from its content (as
   *     {@code mtasts render} derives it), which changes exactly when the policy does
   * @param mxPatterns its MX patterns
   * @param reports distinct reports under it
   * @param successfulSessions successful sessions under it
   * @param failedSessions failed sessions under it
   * @param first the earliest start of those reports
   * @param last the latest end of those reports
   */
  public record PolicySeen(
      PolicyType type,
      List<String> policyString,
      Optional<String> stsPolicyId,
      List<String> mxPatterns,
      long reports,
      long successfulSessions,
      long failedSessions,
      Instant first,
      Instant last) {
    /** Copies the lists. */
    public PolicySeen {
      policyString = List.copyOf(policyString);
      mxPatterns = List.copyOf(mxPatterns);
    }
  }

  /**
   * One UTC day.
   *
   * @param date the day a report period started
   * @param successfulSessions successful sessions
   * @param failedSessions failed sessions
   * @param failedByMxHost failed sessions per receiving MX host
   */
  public record Day(
      LocalDate date, long successfulSessions, long failedSessions,
      Map<String, Long> failedByMxHost) {
    /** Copies the map. */
    public Day {
      failedByMxHost = Map.copyOf(failedByMxHost);
    }
  }

  /**
   * Failed sessions of one kind.
   *
   * @param resultType the result type (RFC 8460 §4.3), or {@link #UNDETAILED}
   * @param mxHost the receiving MX host, {@link #UNNAMED_HOST} or {@link #UNDETAILED}
   * @param organization the sending organisation
   * @param sessions failed sessions
   */
  public record FailureRow(String resultType, String mxHost, String organization, long sessions) {}
}

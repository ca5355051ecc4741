package io.github.mtasts.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 8460 aggregate report (§4.4), as one sending organisation sends it for one period.
 *
 * @param organization {@code organization-name}
 * @param reportId {@code report-id}, unique among the reports of the organisation
 * @param start {@code date-range.start-datetime}
 * @param end {@code date-range.end-datetime}, not before the start
 * @param contactInfo {@code contact-info}, when the sender gave it
 * @param policies {@code policies}: one entry per policy the sender applied
 */
public record TlsReport(
    String organization,
    String reportId,
    Instant start,
    Instant end,
    Optional<String> contactInfo,
    List<PolicyResult> policies) {

  /** Checks that every component is present and the range is in order. */
  public TlsReport {
    Objects.requireNonNull(organization, "organization");
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(contactInfo, "contactInfo");
    policies = List.copyOf(policies);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("the report ends (" + end + ") before it starts (" + start + ")");
    }
  }

  /**
   * What makes two copies of a report the same report: the organisation and its report-id
   * (RFC 8460 §4.4: "report-id: a unique identifier for the report" of its author).
   *
   * @return the key
   */
  public Key key() {
    return new Key(organization, reportId);
  }

  /**
   * The identity of a report.
   *
   * @param organization {@code organization-name}
   * @param reportId {@code report-id}
   */
  public record Key(String organization, String reportId) {
    /** Checks that both components are present. */
    public Key {
      Objects.requireNonNull(organization, "organization");
      Objects.requireNonNull(reportId, "reportId");
    }
  }
}

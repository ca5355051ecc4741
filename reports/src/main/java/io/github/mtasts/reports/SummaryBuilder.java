package io.github.mtasts.reports;

import io.github.mtasts.policy.MxPattern;
import io.github.mtasts.policy.Policy;
import io.github.mtasts.policy.PolicyId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Adds reports up into one {@link DomainSummary} per policy domain, as they are read: nothing of
 * a report is kept but its key and its counts.
 *
 * <p>A report belongs to the period when it ends after {@code since}; its sessions count on the
 * UTC day its period starts (RFC 8460 §4.1: a period is normally one UTC day).
 */
public final class SummaryBuilder implements Consumer<TlsReport> {
  private final Optional<String> domain;
  private final Optional<Instant> since;
  private final Map<String, DomainTotals> domains = new TreeMap<>();

  /**
   * Creates a builder.
   *
   * @param domain when present, only policies of this domain count (case-insensitive)
   * @param since when present, only reports that end after this instant count
   */
  public SummaryBuilder(Optional<String> domain, Optional<Instant> since) {
    this.domain = domain.map(ReportParser::hostName);
    this.since = since;
  }

  @Override
  public void accept(TlsReport report) {
    if (since.isPresent() && !report.end().isAfter(since.get())) {
      return;
    }
    for (PolicyResult result : report.policies()) {
      if (domain.isEmpty() || domain.get().equals(result.domain())) {
        domains.computeIfAbsent(result.domain(), DomainTotals::new).add(report, result);
      }
    }
  }

  /**
   * The summaries so far.
   *
   * @return one per policy domain, by name
   */
  public List<DomainSummary> build() {
    return domains.values().stream().map(DomainTotals::summary).toList();
  }

  /** Running counts of one domain. */
  private static final class DomainTotals {
    private final String domain;
    private final Set<TlsReport.Key> reports = new HashSet<>();
    private Instant first;
    private Instant last;
    private long successful;
    private long failed;
    private final Map<String, Long> byType = new HashMap<>();
    private final Map<String, Long> byHost = new HashMap<>();
    private final Map<String, OrganizationTotals> organizations = new TreeMap<>();
    private final Map<List<String>, PolicyTotals> policies = new LinkedHashMap<>();
    private final Map<LocalDate, DayTotals> days = new TreeMap<>();
    private final Map<DomainSummary.FailureRow, Long> rows = new HashMap<>();

    DomainTotals(String domain) {
      this.domain = domain;
    }

    void add(TlsReport report, PolicyResult result) {
      boolean newReport = reports.add(report.key());
      first = first == null || report.start().isBefore(first) ? report.start() : first;
      last = last == null || report.end().isAfter(last) ? report.end() : last;
      successful += result.successfulSessions();
      failed += result.failedSessions();
      OrganizationTotals org = organizations.computeIfAbsent(report.organization(),
          OrganizationTotals::new);
      org.add(result, newReport);
      List<String> policyKey = new ArrayList<>();
      policyKey.add(result.type().token());
      policyKey.addAll(result.policyString());
      policies.computeIfAbsent(policyKey, k -> new PolicyTotals(result)).add(report, result);
      DayTotals day = days.computeIfAbsent(
          LocalDate.ofInstant(report.start(), ZoneOffset.UTC), d -> new DayTotals());
      day.successful += result.successfulSessions();
      day.failed += result.failedSessions();
      long detailed = 0;
      for (FailureDetail detail : result.failures()) {
        String host = detail.receivingMxHostname().orElse(DomainSummary.UNNAMED_HOST);
        count(detail.resultType(), host, report.organization(), detail.failedSessions(), day);
        detailed += detail.failedSessions();
      }
      // Senders may count failures without detailing them; they still are failures.
      if (result.failedSessions() > detailed) {
        count(DomainSummary.UNDETAILED, DomainSummary.UNDETAILED, report.organization(),
            result.failedSessions() - detailed, day);
      }
    }

    private void count(String type, String host, String organization, long sessions,
        DayTotals day) {
      byType.merge(type, sessions, Long::sum);
      byHost.merge(host, sessions, Long::sum);
      day.failedByHost.merge(host, sessions, Long::sum);
      rows.merge(new DomainSummary.FailureRow(type, host, organization, 0), sessions, Long::sum);
    }

    DomainSummary summary() {
      List<DomainSummary.FailureRow> failureRows = rows.entrySet().stream()
          .map(e -> new DomainSummary.FailureRow(e.getKey().resultType(), e.getKey().mxHost(),
              e.getKey().organization(), e.getValue()))
          .sorted(Comparator.comparingLong(DomainSummary.FailureRow::sessions).reversed()
              .thenComparing(DomainSummary.FailureRow::resultType)
              .thenComparing(DomainSummary.FailureRow::mxHost)
              .thenComparing(DomainSummary.FailureRow::organization))
          .toList();
      return new DomainSummary(domain, reports.size(), first, last, successful, failed,
          mostFirst(byType), mostFirst(byHost),
          organizations.values().stream().map(OrganizationTotals::summary).toList(),
          policies.values().stream().map(PolicyTotals::summary)
              .sorted(Comparator.comparing(DomainSummary.PolicySeen::last).reversed()).toList(),
          days.entrySet().stream().map(e -> new DomainSummary.Day(e.getKey(),
              e.getValue().successful, e.getValue().failed, e.getValue().failedByHost)).toList(),
          failureRows);
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
      Map<String, Long> out = new LinkedHashMap<>();
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
      return out;
    }
  }

  private static final class OrganizationTotals {
    private final String name;
    private long reports;
    private long successful;
    private long failed;
    private final Set<String> stsPatterns = new TreeSet<>();
    private final Set<PolicyType> types = new TreeSet<>();

    OrganizationTotals(String name) {
      this.name = name;
    }

    void add(PolicyResult result, boolean newReport) {
      reports += newReport ? 1 : 0;
      successful += result.successfulSessions();
      failed += result.failedSessions();
      types.add(result.type());
      if (result.type() == PolicyType.STS) {
        result.mxPatterns().forEach(p -> stsPatterns.add(p.toString()));
      }
    }

    DomainSummary.Organization summary() {
      return new DomainSummary.Organization(name, reports, successful, failed, stsPatterns, types);
    }
  }

  private static final class PolicyTotals {
    private final PolicyType type;
    private final List<String> policyString;
    private final Optional<String> id;
    private final List<String> patterns;
    private long reports;
    private long successful;
    private long failed;
    private Instant first;
    private Instant last;

    PolicyTotals(PolicyResult result) {
      type = result.type();
      policyString = result.policyString();
      id = result.stsPolicy().map(Policy::id).map(PolicyId::value);
      patterns = result.mxPatterns().stream().map(MxPattern::toString).toList();
    }

    void add(TlsReport report, PolicyResult result) {
      reports++; // a report names each policy once
      successful += result.successfulSessions();
      failed += result.failedSessions();
      first = first == null || report.start().isBefore(first) ? report.start() : first;
      last = last == null || report.end().isAfter(last) ? report.end() : last;
    }

    DomainSummary.PolicySeen summary() {
      return new DomainSummary.PolicySeen(type, policyString, id, patterns, reports, successful,
          failed, first, last);
    }
  }

  private static final class DayTotals {
    private long successful;
    private long failed;
    private final Map<String, Long> failedByHost = new TreeMap<>();
  }
}

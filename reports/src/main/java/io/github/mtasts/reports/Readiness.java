package io.github.mtasts.reports;

import io.github.mtasts.policy.MxPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the reports of a period show that a domain can move its MTA-STS policy from {@code
 * testing} to {@code enforce}: the question RFC 8461 §5 leaves to the domain ("testing" mode lets
 * it find out, through TLS-RPT, what enforcing would break).
 *
 * <p>What "every MX host is covered" can mean is bounded by what aggregate reports carry. A
 * report counts successful sessions per policy, not per MX host; only failure details name the
 * host ({@code receiving-mx-hostname}, RFC 8460 §4.4). So an MX host counts as covered by an
 * organisation when that organisation reported successful sessions under an MTA-STS policy whose
 * {@code mx-host} patterns cover the host (RFC 8461 §4.1 matching), and the verdict requires that
 * no failure at all, on any host, is of a type the user did not accept. That is the strongest
 * statement the reports allow; it cannot tell a healthy host from one no sender happened to try.
 *
 * <p>The hosts to cover are the ones the user names (the MX record targets, for example from
 * {@code dig MX}); without them, the {@code mx} patterns of the newest MTA-STS policy the senders
 * reported, each counting as covered by the organisations whose policy listed it.
 *
 * @param minOrganizations how many sending organisations must have reported for each host
 * @param acceptedTypes result types that do not block (for example {@code
 *     sts-policy-fetch-error} while the policy host was being moved)
 * @param mxHosts the MX hosts to cover; empty to take the patterns of the newest policy
 */
public record Readiness(int minOrganizations, Set<String> acceptedTypes, List<String> mxHosts) {

  /** Checks the components and copies the collections. */
  public Readiness {
    if (minOrganizations < 1) {
      throw new IllegalArgumentException("minOrganizations must be at least 1, not "
          + minOrganizations);
    }
    acceptedTypes = Set.copyOf(acceptedTypes);
    mxHosts = mxHosts.stream().map(ReportParser::hostName).toList();
  }

  /**
   * The verdict.
   *
   * @param ready true when nothing is missing
   * @param missing what stands in the way, one sentence each; empty when ready
   * @param covered the hosts covered, one sentence each naming the organisations
   */
  public record Verdict(boolean ready, List<String> missing, List<String> covered) {
    /** Copies the lists. */
    public Verdict {
      missing = List.copyOf(missing);
      covered = List.copyOf(covered);
    }
  }

  /**
   * Judges a domain.
   *
   * @param domain the policy domain, as named on the command line
   * @param summary its summary over the period, or empty when no report mentioned it
   * @param period how the period reads in sentences, for example "since 2024-05-01"
   * @return the verdict
   */
  public Verdict evaluate(String domain, Optional<DomainSummary> summary, String period) {
    Objects.requireNonNull(domain, "domain");
    if (summary.isEmpty() || summary.get().reports() == 0) {
      return new Verdict(false, List.of("no report about " + domain + " " + period + ": check "
          + "that the _smtp._tls record is published and that the sources hold the mail its rua "
          + "receives"), List.of());
    }
    DomainSummary s = summary.get();
    List<String> missing = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    List<DomainSummary.Organization> sts = s.organizations().stream()
        .filter(o -> !o.stsMxPatterns().isEmpty() && o.successfulSessions() > 0).toList();
    if (sts.size() < minOrganizations) {
      missing.add(count(sts.size(), "sending organisation") + " reported successful sessions "
          + "under an MTA-STS policy " + period + (sts.isEmpty() ? "" : " (" + names(sts) + ")")
          + "; " + minOrganizations + " are required" + othersSaw(s));
    }
    List<String> targets = mxHosts.isEmpty() ? newestPatterns(s) : mxHosts;
    if (targets.isEmpty() && !sts.isEmpty()) {
      missing.add("no MX host to check: name them with the MX records' targets");
    }
    for (String target : targets) {
      List<DomainSummary.Organization> by = sts.stream()
          .filter(o -> covers(o.stsMxPatterns(), target)).toList();
      String what = (mxHosts.isEmpty() ? "mx pattern " : "MX host ") + target;
      if (by.size() < minOrganizations) {
        missing.add(what + ": " + (by.isEmpty() ? "no sending organisation"
            : "only " + count(by.size(), "sending organisation") + " (" + names(by) + ")")
            + " reported successful sessions under a policy covering it; " + minOrganizations
            + " required");
      } else {
        covered.add(what + ": covered by the policy of " + names(by));
      }
    }
    for (DomainSummary.FailureRow row : s.failures()) {
      if (!acceptedTypes.contains(row.resultType())) {
        missing.add(count(row.sessions(), "failed session") + " "
            + (row.resultType().equals(DomainSummary.UNDETAILED) ? "without failure details"
                : "of type " + row.resultType() + " at MX host " + row.mxHost())
            + ", reported by " + row.organization());
      }
    }
    return new Verdict(missing.isEmpty(), missing, covered);
  }

  /** The patterns of the newest MTA-STS policy the senders reported. */
  private static List<String> newestPatterns(DomainSummary s) {
    return s.policies().stream().filter(p -> p.type() == PolicyType.STS)
        .filter(p -> !p.mxPatterns().isEmpty()).findFirst()
        .map(DomainSummary.PolicySeen::mxPatterns).orElse(List.of());
  }

  /** A host is covered by a matching pattern (RFC 8461 §4.1); a pattern by the same pattern. */
  private static boolean covers(Set<String> patterns, String target) {
    if (patterns.contains(target)) {
      return true;
    }
    return patterns.stream().map(MxPattern::parse).flatMap(r -> r.value().stream())
        .anyMatch(p -> p.matches(target));
  }

  private static String othersSaw(DomainSummary s) {
    Set<String> types = s.organizations().stream().flatMap(o -> o.policyTypes().stream())
        .filter(t -> t != PolicyType.STS).map(PolicyType::token)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    return types.isEmpty() ? "" : " (other reports were under: " + String.join(", ", types)
        + "; no-policy-found means the sender saw no _mta-sts record or policy)";
  }

  private static String names(List<DomainSummary.Organization> organizations) {
    return organizations.stream().map(DomainSummary.Organization::name)
        .collect(Collectors.joining(", "));
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

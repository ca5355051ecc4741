package io.github.mtasts.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.mtasts.reports.DomainSummary;
import io.github.mtasts.reports.Outcome;
import io.github.mtasts.reports.Readiness;
import io.github.mtasts.reports.ReportLedger;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints what {@code mtasts reports} found: for people, or as JSON. */
final class ReportsOutput {
  private ReportsOutput() {}

  static void text(PrintWriter out, ReportLedger ledger, List<DomainSummary> summaries,
      String period, String domain, Optional<Readiness.Verdict> verdict) {
    if (summaries.isEmpty()) {
      out.println("no report " + (domain == null ? "" : "about " + domain + " ") + period);
    }
    for (DomainSummary s : summaries) {
      out.println(s.domain() + ": " + count(s.reports(), "report") + " from "
          + count(s.organizations().size(), "organisation") + ", " + s.first() + " to "
          + s.last());
      long total = s.successfulSessions() + s.failedSessions();
      out.printf("  sessions: %d successful, %d failed%s%n", s.successfulSessions(),
          s.failedSessions(), total == 0 ? ""
              : String.format(java.util.Locale.ROOT, " (%.2f%% failed)",
                  100.0 * s.failedSessions() / total));
      counts(out, "failures by result type", s.failuresByType());
      counts(out, "failures by receiving MX host", s.failuresByMxHost());
      out.println("  by sending organisation:");
      for (DomainSummary.Organization o : s.organizations()) {
        out.printf("    %-32s %6d reports %10d successful %8d failed%n", o.name(), o.reports(),
            o.successfulSessions(), o.failedSessions());
      }
      out.println("  policies seen (newest first):");
      for (DomainSummary.PolicySeen p : s.policies()) {
        out.println("    " + p.type().token()
            + p.stsPolicyId().map(id -> " id " + id).orElse("")
            + (p.mxPatterns().isEmpty() ? "" : " mx " + String.join(" ", p.mxPatterns()))
            + ": " + count(p.reports(), "report") + ", " + p.successfulSessions()
            + " successful, " + p.failedSessions() + " failed, last " + p.last());
      }
    }
    out.println("read: " + count(ledger.reports(), "report") + ", "
        + count(ledger.duplicates(), "duplicate") + " not counted again, "
        + count(ledger.skipped(), "message") + " without a report, "
        + ledger.rejections().size() + " rejected");
    for (Outcome.Rejected rejected : ledger.rejections()) {
      rejected.problems().forEach(p -> out.println("  rejected " + rejected.source() + ": "
          + (p.field().equals("$") ? "" : p.field() + ": ") + p.message()));
    }
    verdict.ifPresent(v -> {
      out.println(domain + ": " + (v.ready() && ledger.rejections().isEmpty() ? "READY"
          : "NOT READY") + " for mode enforce, " + period);
      v.covered().forEach(c -> out.println("  covered: " + c));
      v.missing().forEach(m -> out.println("  missing: " + m));
      if (!ledger.rejections().isEmpty()) {
        out.println("  missing: " + count(ledger.rejections().size(), "input")
            + " could not be read as reports, so the verdict cannot rest on them");
      }
    });
  }

  private static void counts(PrintWriter out, String title, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    counts.forEach((key, n) -> out.printf("    %-32s %8d%n", key, n));
  }

  static String json(ReportLedger ledger, List<DomainSummary> summaries, String period,
      Optional<Readiness.Verdict> verdict) {
    JsonObject root = new JsonObject();
    root.addProperty("period", period);
    JsonObject read = new JsonObject();
    read.addProperty("reports", ledger.reports());
    read.addProperty("duplicates", ledger.duplicates());
    read.addProperty("messagesWithoutReport", ledger.skipped());
    JsonArray rejected = new JsonArray();
    for (Outcome.Rejected r : ledger.rejections()) {
      JsonObject entry = new JsonObject();
      entry.addProperty("source", r.source());
      entry.add("problems", Json.problems(r.problems()));
      rejected.add(entry);
    }
    read.add("rejected", rejected);
    root.add("read", read);
    JsonArray domains = new JsonArray();
    summaries.forEach(s -> domains.add(domain(s)));
    root.add("domains", domains);
    verdict.ifPresent(v -> {
      JsonObject readiness = new JsonObject();
      readiness.addProperty("ready", v.ready() && ledger.rejections().isEmpty());
      readiness.add("covered", Json.strings(v.covered()));
      readiness.add("missing", Json.strings(v.missing()));
      root.add("readiness", readiness);
    });
    return Json.print(root);
  }

  private static JsonObject domain(DomainSummary s) {
    JsonObject out = new JsonObject();
    out.addProperty("domain", s.domain());
    out.addProperty("reports", s.reports());
    out.addProperty("first", s.first().toString());
    out.addProperty("last", s.last().toString());
    out.addProperty("successfulSessions", s.successfulSessions());
    out.addProperty("failedSessions", s.failedSessions());
    out.add("failuresByResultType", longs(s.failuresByType()));
    out.add("failuresByMxHost", longs(s.failuresByMxHost()));
    JsonArray organizations = new JsonArray();
    for (DomainSummary.Organization o : s.organizations()) {
      JsonObject org = new JsonObject();
      org.addProperty("name", o.name());
      org.addProperty("reports", o.reports());
      org.addProperty("successfulSessions", o.successfulSessions());
      org.addProperty("failedSessions", o.failedSessions());
      organizations.add(org);
    }
    out.add("organizations", organizations);
    JsonArray policies = new JsonArray();
    for (DomainSummary.PolicySeen p : s.policies()) {
      JsonObject policy = new JsonObject();
      policy.addProperty("type", p.type().token());
      policy.addProperty("policyId", p.stsPolicyId().orElse(null));
      policy.add("policyString", Json.strings(p.policyString()));
      policy.add("mx", Json.strings(p.mxPatterns()));
      policy.addProperty("reports", p.reports());
      policy.addProperty("successfulSessions", p.successfulSessions());
      policy.addProperty("failedSessions", p.failedSessions());
      policy.addProperty("first", p.first().toString());
      policy.addProperty("last", p.last().toString());
      policies.add(policy);
    }
    out.add("policies", policies);
    JsonArray days = new JsonArray();
    for (DomainSummary.Day d : s.days()) {
      JsonObject day = new JsonObject();
      day.addProperty("date", d.date().toString());
      day.addProperty("successfulSessions", d.successfulSessions());
      day.addProperty("failedSessions", d.failedSessions());
      day.add("failedByMxHost", longs(new java.util.TreeMap<>(d.failedByMxHost())));
      days.add(day);
    }
    out.add("days", days);
    JsonArray failures = new JsonArray();
    for (DomainSummary.FailureRow r : s.failures()) {
      JsonObject row = new JsonObject();
      row.addProperty("resultType", r.resultType());
      row.addProperty("mxHost", r.mxHost());
      row.addProperty("organization", r.organization());
      row.addProperty("sessions", r.sessions());
      failures.add(row);
    }
    out.add("failures", failures);
    return out;
  }

  private static JsonObject longs(Map<String, Long> counts) {
    JsonObject out = new JsonObject();
    counts.forEach(out::addProperty);
    return out;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}

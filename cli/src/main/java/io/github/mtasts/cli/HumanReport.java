package io.github.mtasts.cli;

import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Summary;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes reports for a person: one line per check, grouped by domain, then a summary line. What
 * came from the domain's servers is escaped ({@link HumanText}); only this class's own colours
 * reach the terminal as escape sequences.
 */
final class HumanReport {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";

  private final boolean color;

  HumanReport(boolean color) {
    this.color = color;
  }

  void write(PrintWriter out, List<Report> reports) {
    int width = reports.stream().flatMap(r -> r.checks().stream())
        .mapToInt(c -> c.id().length()).max().orElse(10);
    for (Report report : reports) {
      String domain = HumanText.escape(report.domain());
      out.println(color ? BOLD + domain + RESET : domain);
      for (Check check : report.checks()) {
        out.printf("  %s %-" + width + "s  %s%s%n", mark(check.severity()), check.id(),
            HumanText.escape(check.message()),
            check.isOperational() ? " [operational]" : "");
      }
      out.println();
    }
    out.println(summary(reports));
    out.flush();
  }

  /** "3 domains: 1 ok, 1 with errors, 1 not verified (2 errors, 1 warning, 0 infos, 25 passes)". */
  static String summary(List<Report> reports) {
    long failed = reports.stream().filter(Report::hasOperationalFailures).count();
    long errors = reports.stream().filter(r -> r.hasErrors() && !r.hasOperationalFailures()).count();
    long ok = reports.size() - failed - errors;
    StringBuilder line = new StringBuilder()
        .append(reports.size()).append(reports.size() == 1 ? " domain: " : " domains: ")
        .append(ok).append(" ok, ").append(errors).append(" with errors");
    if (failed > 0) {
      line.append(", ").append(failed).append(" not fully verified (operational failure)");
    }
    Summary total = Summary.total(reports);
    line.append(" (").append(total.errors()).append(" errors, ").append(total.warnings()).append(" warnings, ")
        .append(total.infos()).append(" infos, ").append(total.passes()).append(" passes)");
    return line.toString();
  }

  private String mark(Check.Severity severity) {
    if (!color) {
      switch (severity) {
        case PASS: return "PASS ";
        case INFO: return "INFO ";
        case WARNING: return "WARN ";
        default: return "ERROR";
      }
    }
    switch (severity) {
      case PASS: return "\u001b[32m\u2713\u001b[0m";
      case INFO: return "\u001b[36mi\u001b[0m";
      case WARNING: return "\u001b[33m!\u001b[0m";
      default: return "\u001b[31m\u2717\u001b[0m";
    }
  }
}

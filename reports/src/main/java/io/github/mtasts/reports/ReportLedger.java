package io.github.mtasts.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Counts what the sources gave and passes each report on exactly once: a report that arrives
 * again (the same organisation and report-id, RFC 8460 §4.4), by another path or from another
 * source, is counted as a duplicate and not passed on.
 */
public final class ReportLedger implements Consumer<Outcome> {
  private final Consumer<TlsReport> next;
  private final Set<TlsReport.Key> seen = new HashSet<>();
  private final List<Outcome.Rejected> rejections = new ArrayList<>();
  private long reports;
  private long duplicates;
  private long skipped;

  /**
   * Creates a ledger.
   *
   * @param next receives each distinct report, the first time it is read
   */
  public ReportLedger(Consumer<TlsReport> next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public void accept(Outcome outcome) {
    if (outcome instanceof Outcome.Read read) {
      if (seen.add(read.report().key())) {
        reports++;
        next.accept(read.report());
      } else {
        duplicates++;
      }
    } else if (outcome instanceof Outcome.Rejected rejected) {
      rejections.add(rejected);
    } else {
      skipped++;
    }
  }

  /** Distinct reports passed on. */
  public long reports() {
    return reports;
  }

  /** Reports read again and not counted. */
  public long duplicates() {
    return duplicates;
  }

  /** Messages that carried no report. */
  public long skipped() {
    return skipped;
  }

  /** Inputs that were no report, were damaged or passed a limit, in the order read. */
  public List<Outcome.Rejected> rejections() {
    return List.copyOf(rejections);
  }
}

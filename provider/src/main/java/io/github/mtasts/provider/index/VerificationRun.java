package io.github.mtasts.provider.index;

import io.github.mtasts.provider.host.Cancellation;
import io.github.mtasts.provider.host.ResourceLog;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Summary;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a verification until it passes or its time is up. Right after a deployment the first
 * checks often fail for a while (a certificate being issued, a CDN rolling out, DNS changes
 * reaching the servers, negative answers still cached), so failing checks are retried with
 * exponential backoff until the timeout, and each wait is shown as a status line of the resource.
 */
final class VerificationRun {

  /** The first wait; each next one doubles, up to {@link #LONGEST_WAIT}. */
  static final Duration FIRST_WAIT = Duration.ofSeconds(5);

  static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  private final Supplier<Report> attempt;
  private final ResourceLog log;
  private final Cancellation cancellation;
  private final Duration firstWait;

  /**
   * A run.
   *
   * @param attempt verifies the domain once
   * @param log where progress is shown
   * @param cancellation the engine's request to stop
   * @param firstWait the first wait between attempts
   */
  VerificationRun(Supplier<Report> attempt, ResourceLog log, Cancellation cancellation, Duration firstWait) {
    this.attempt = attempt;
    this.log = log;
    this.cancellation = cancellation;
    this.firstWait = firstWait;
  }

  /**
   * Verifies until no check fails or the timeout passes.
   *
   * @param domain the mail domain, for messages
   * @param failOn which checks count as failing
   * @param timeout how long to keep retrying; zero for one attempt
   * @return the last report, which has failing checks only when time ran out
   * @throws CancellationException when the engine cancels the operation
   */
  Report run(String domain, VerificationInputs.FailOn failOn, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration wait = firstWait;
    for (int round = 1; ; round++) {
      if (cancellation.isCancelled()) {
        throw new CancellationException("the verification of " + domain + " was cancelled");
      }
      log.status("verifying " + domain + (round == 1 ? "" : " (attempt " + round + ")"));
      Report report = this.attempt.get();
      List<Check> failing = failing(report, failOn);
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (failing.isEmpty() || left.isNegative() || left.isZero()) {
        log.status(summary(report) + (round == 1 ? "" : " after " + round + " attempts"));
        return report;
      }
      Duration pause = wait.compareTo(left) < 0 ? wait : left;
      log.status(domain + ": " + failing.size() + " failing (" + ids(failing) + "); checking again in "
          + seconds(pause) + ", giving up in " + seconds(left));
      if (!cancellation.sleep(pause)) {
        throw new CancellationException("the verification of " + domain + " was cancelled");
      }
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) < 0 ? wait.multipliedBy(2) : LONGEST_WAIT;
    }
  }

  /**
   * The checks that count as failing.
   *
   * @param report a report
   * @param failOn the threshold
   * @return the failing checks, in report order
   */
  static List<Check> failing(Report report, VerificationInputs.FailOn failOn) {
    return report.checks().stream().filter(failOn::failing).toList();
  }

  /** One line with the counts of a report. */
  static String summary(Report report) {
    Summary counts = report.summary();
    return report.domain() + ": " + counts.errors() + " errors, " + counts.warnings() + " warnings, "
        + counts.infos() + " infos, " + counts.passes() + " passed";
  }

  private static String ids(List<Check> checks) {
    return checks.stream().map(Check::id).distinct().collect(Collectors.joining(", "));
  }

  private static String seconds(Duration duration) {
    long seconds = (duration.toMillis() + 999) / 1000;
    return seconds < 120 ? seconds + "s" : (seconds / 60) + "m" + (seconds % 60 == 0 ? "" : (seconds % 60) + "s");
  }
}

package io.github.mtasts.reports;

import io.github.mtasts.policy.Problem;
import java.util.List;
import java.util.Objects;

/** What reading one input gave: a report, a rejection, or nothing to read. */
public sealed interface Outcome {
  /** Names the input: a file, an archive entry, a message of a mailbox, an HTTP request. */
  String source();

  /**
   * A report was read.
   *
   * @param source where it came from
   * @param report the report
   */
  record Read(String source, TlsReport report) implements Outcome {
    /** Checks that both components are present. */
    public Read {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * The input is not a report, or is damaged, or passed a limit.
   *
   * @param source where it came from
   * @param problems why, each naming the JSON field (or {@code $} for the whole input)
   */
  record Rejected(String source, List<Problem> problems) implements Outcome {
    /** Checks that both components are present and copies the problems. */
    public Rejected {
      Objects.requireNonNull(source, "source");
      problems = List.copyOf(problems);
    }

    /**
     * A rejection of the whole input for one reason.
     *
     * @param source where it came from
     * @param message why, as a sentence
     * @return the rejection
     */
    static Rejected of(String source, String message) {
      return new Rejected(source, List.of(Problem.error("$", 0, "", message)));
    }
  }

  /**
   * An e-mail message of a mailbox that carries no report, such as other mail in the same box.
   *
   * @param source where it came from
   * @param reason why it was passed over
   */
  record Skipped(String source, String reason) implements Outcome {
    /** Checks that both components are present. */
    public Skipped {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }
}

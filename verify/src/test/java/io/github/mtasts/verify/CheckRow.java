package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One row of a check evaluator's table: an in-memory outcome handed to the evaluator, and the
 * check (id, severity, a part of its message) it must add.
 *
 * @param name what the row is about, shown as the test's name
 * @param evaluate runs the evaluator on the row's outcome, adding to the list
 * @param id the check id the row must give
 * @param severity its severity
 * @param messagePart a part of its message
 */
record CheckRow(String name, Consumer<List<Check>> evaluate, String id, Check.Severity severity, String messagePart) {

  /** Runs the evaluator and returns the check the row names; fails, listing every check, without it. */
  Check check() {
    List<Check> checks = new ArrayList<>();
    evaluate.accept(checks);
    Check found = checks.stream()
        .filter(c -> c.id().equals(id) && c.severity() == severity)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + severity + " " + id + " among "
            + checks.stream().map(Check::toString).collect(Collectors.joining("\n  ", "\n  ", ""))));
    assertTrue(found.message().contains(messagePart), found.message());
    return found;
  }

  @Override
  public String toString() {
    return name + " gives " + severity + " " + id;
  }
}

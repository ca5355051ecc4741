package io.github.mtasts.cli;

import io.github.mtasts.policy.Problem;
import java.io.PrintWriter;
import java.util.List;

/** Prints problems for people: one line each, with severity, line and field, escaped. */
final class Findings {
  private Findings() {}

  static void print(PrintWriter out, List<Problem> problems) {
    for (Problem p : problems) {
      String where = p.line() > 0 ? "line " + p.line() + ", " : "";
      out.printf("  %-7s %s%s: %s%n", p.isError() ? "error" : "warning", where,
          HumanText.escape(p.field()), HumanText.escape(p.message()));
    }
  }
}

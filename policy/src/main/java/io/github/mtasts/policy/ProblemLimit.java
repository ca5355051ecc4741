package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds how many problems of one kind (one severity, one field) a parser reports. A record of
 * 20,000 empty fields or a policy of 8,000 redundant mx lines would otherwise give a finding per
 * repetition: nobody reads them, and a report that holds them grows with the input. The first
 * {@link ParseResult#MAX_PER_KIND} of a kind are kept in place; the rest are counted in one
 * problem of the same kind that says how many were left out.
 */
final class ProblemLimit {
  private ProblemLimit() {}

  private record Kind(Severity severity, String field) {}

  /**
   * Keeps the first {@link ParseResult#MAX_PER_KIND} problems of each kind, in order, and puts one
   * problem counting the others where the first of them stood. Idempotent: a kind with at most one
   * problem more than the limit is kept whole, so a bounded list comes back unchanged.
   *
   * @param problems problems in the order found
   * @return the bounded list
   */
  static List<Problem> apply(List<Problem> problems) {
    int max = ParseResult.MAX_PER_KIND;
    Map<Kind, Integer> totals = new HashMap<>();
    for (Problem p : problems) {
      totals.merge(new Kind(p.severity(), p.field()), 1, Integer::sum);
    }
    if (totals.values().stream().allMatch(n -> n <= max + 1)) {
      return problems;
    }
    Map<Kind, Integer> seen = new HashMap<>();
    List<Problem> kept = new ArrayList<>();
    for (Problem p : problems) {
      Kind kind = new Kind(p.severity(), p.field());
      int total = totals.get(kind);
      int index = seen.merge(kind, 1, Integer::sum);
      if (total <= max + 1 || index <= max) {
        kept.add(p);
      } else if (index == max + 1) {
        kept.add(leftOut(kind, total - max));
      }
    }
    return kept;
  }

  private static Problem leftOut(Kind kind, int count) {
    String noun = kind.severity() == Severity.ERROR ? "errors" : "warnings";
    return new Problem(kind.severity(), kind.field(), 0, "",
        Excerpt.count(count) + " more " + noun + " about " + Excerpt.quote(kind.field())
            + " like the " + ParseResult.MAX_PER_KIND + " above are left out: fix those and check again.");
  }
}

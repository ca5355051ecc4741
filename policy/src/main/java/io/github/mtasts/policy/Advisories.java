package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Warnings about a valid policy that is probably not what its author wants. */
final class Advisories {
  private Advisories() {}

  static List<Problem> of(Policy policy) {
    return of(policy.mode(), policy.maxAge(), policy.mx());
  }

  /**
   * Warnings about the parts of a policy, any of which may be missing (null) when a body did not
   * parse completely: warnings still stand beside the errors. Reads {@code mx} twice, whatever
   * its size.
   */
  static List<Problem> of(Mode mode, Long maxAge, Collection<MxPattern> mx) {
    List<Problem> warnings = new ArrayList<>();
    if (maxAge != null && maxAge < MaxAge.ONE_DAY_SECONDS) {
      // RFC 8461 §3.2: max_age is "expected ... in the range of weeks or greater"
      warnings.add(
          Problem.warning(
              "max_age",
              0,
              Long.toString(maxAge),
              "max_age " + maxAge + " is under one day (86400 seconds): senders drop the policy "
                  + "that soon, which leaves the window for a downgrade attack open; RFC 8461 §3.2 "
                  + "expects weeks or more, for example 604800 (one week)."));
    }
    if (mode == Mode.TESTING) {
      warnings.add(
          Problem.warning(
              "mode",
              0,
              mode.token(),
              "mode testing: senders still deliver to an MX that fails validation and only report "
                  + "the failure through TLS-RPT; switch to 'mode: enforce' once the reports show "
                  + "no failures (RFC 8461 §5)."));
    } else if (mode == Mode.NONE) {
      warnings.add(
          Problem.warning(
              "mode",
              0,
              mode.token(),
              "mode none: senders treat the domain as having no MTA-STS policy; use it only to "
                  + "withdraw MTA-STS, and keep it published for at least the previous max_age "
                  + "(RFC 8461 §8.3)."));
    }
    // Only a wildcard can cover another pattern, and only a name one label below it: one lookup
    // per pattern, where comparing each pattern with each would cost the square of their number.
    MxIndex index = new MxIndex(mx);
    for (MxPattern pattern : mx) {
      index.wildcardCovering(pattern).ifPresent(wildcard -> warnings.add(
          Problem.warning(
              "mx",
              0,
              pattern.toString(),
              "mx " + Excerpt.quote(pattern.toString()) + " is already covered by mx "
                  + Excerpt.quote(wildcard.toString()) + " (RFC 8461 §4.1): remove one of the two "
                  + "so the list says what is meant.")));
    }
    return warnings;
  }
}

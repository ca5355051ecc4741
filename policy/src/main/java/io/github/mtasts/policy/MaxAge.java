package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code max_age} of an MTA-STS policy: how many seconds senders may cache it. */
public final class MaxAge {
  /** RFC 8461 §3.2: max_age is at most 31557600 seconds (one year). */
  public static final long MAX_SECONDS = 31_557_600L;

  /** One day: RFC 8461 §3.2 expects max_age to be "weeks or greater", so less is suspicious. */
  public static final long ONE_DAY_SECONDS = 86_400L;

  // RFC 8461 §3.2: sts-policy-max-age-value = 1*10(DIGIT)
  private static final Pattern SYNTAX = Pattern.compile("[0-9]{1,10}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private MaxAge() {}

  /**
   * Parses the text after {@code max_age:}.
   *
   * @param text 1 to 10 digits
   * @return the number of seconds, or an error naming the rule
   */
  public static ParseResult<Long> parse(String text) {
    List<Problem> problems = new ArrayList<>();
    if (DIGITS.matcher(text).matches() && !SYNTAX.matcher(text).matches()) {
      problems.add(
          Problem.error(
              "max_age",
              0,
              text,
              "max_age " + Excerpt.quote(text) + " has " + text.length() + " digits; RFC 8461 §3.2 allows at "
                  + "most 10, and at most " + MAX_SECONDS + " seconds (one year)."));
    } else if (!SYNTAX.matcher(text).matches()) {
      problems.add(
          Problem.error(
              "max_age",
              0,
              text,
              "max_age " + Excerpt.quote(text) + " is not a whole number of seconds: write digits only, for "
                  + "example 604800 for one week (RFC 8461 §3.2)."));
    } else {
      Problem range = rangeViolation(Long.parseLong(text));
      if (range != null) {
        problems.add(range);
      }
    }
    return ParseResult.of(problems, () -> Long.parseLong(text));
  }

  /** Returns the error for a number of seconds outside 0 to {@link #MAX_SECONDS}, or null. */
  static Problem rangeViolation(long seconds) {
    if (seconds < 0) {
      return Problem.error(
          "max_age",
          0,
          Long.toString(seconds),
          "max_age " + seconds + " is negative: give 0 to " + MAX_SECONDS + " seconds "
              + "(RFC 8461 §3.2).");
    }
    if (seconds > MAX_SECONDS) {
      // RFC 8461 §3.2: max_age is at most 31557600
      return Problem.error(
          "max_age",
          0,
          Long.toString(seconds),
          "max_age " + seconds + " is above the RFC 8461 limit of " + MAX_SECONDS
              + " seconds (one year).");
    }
    return null;
  }
}

package io.github.mtasts.verify;

import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many checks of each severity one report, or several, holds: the summary every consumer of
 * a report shows (the JSON of the command line, the Verification resource's {@code summary}
 * output), in one shape.
 *
 * @param errors the checks of severity {@link Check.Severity#ERROR}
 * @param warnings the checks of severity {@link Check.Severity#WARNING}
 * @param infos the checks of severity {@link Check.Severity#INFO}
 * @param passes the checks of severity {@link Check.Severity#PASS}
 */
public record Summary(long errors, long warnings, long infos, long passes) {

  /**
   * Counts the checks of each severity.
   *
   * @param checks the checks
   * @return the counts
   */
  public static Summary of(Collection<Check> checks) {
    return new Summary(count(checks, Check.Severity.ERROR), count(checks, Check.Severity.WARNING),
        count(checks, Check.Severity.INFO), count(checks, Check.Severity.PASS));
  }

  /**
   * Adds up the summaries of several reports.
   *
   * @param reports the reports
   * @return the totals
   */
  public static Summary total(Collection<Report> reports) {
    Summary total = new Summary(0, 0, 0, 0);
    for (Report report : reports) {
      total = total.plus(report.summary());
    }
    return total;
  }

  /**
   * The sum of this summary and another.
   *
   * @param other another summary
   * @return the counts added up
   */
  public Summary plus(Summary other) {
    return new Summary(errors + other.errors, warnings + other.warnings, infos + other.infos,
        passes + other.passes);
  }

  /**
   * The counts by name, in the order errors, warnings, infos, passes: the keys of the JSON shape
   * and of the Verification resource's {@code summary} output.
   *
   * @return the counts by name
   */
  public Map<String, Long> toMap() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("errors", errors);
    map.put("warnings", warnings);
    map.put("infos", infos);
    map.put("passes", passes);
    return map;
  }

  /** The JSON shape: {@code {"errors": 1, "warnings": 0, "infos": 2, "passes": 9}}. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    toMap().forEach(json::addProperty);
    return json;
  }

  private static long count(Collection<Check> checks, Check.Severity severity) {
    return checks.stream().filter(c -> c.severity() == severity).count();
  }
}

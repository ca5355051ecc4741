package io.github.mtasts.verify;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The outcome of verifying one domain: its checks in a stable order, and what was observed. */
public final class Report {
  private final String domain;
  private final Scope scope;
  private final List<Check> checks;
  private final Duration elapsed;
  private final Optional<PolicyState> observedState;

  /**
   * Creates a report.
   *
   * @param domain the normalised domain
   * @param scope what was verified
   * @param checks the checks, in report order
   * @param elapsed the wall time of the verification
   * @param observedState the policy id and body digest seen, for a later stale-id check
   */
  public Report(String domain, Scope scope, List<Check> checks, Duration elapsed, Optional<PolicyState> observedState) {
    this.domain = domain;
    this.scope = scope;
    this.checks = List.copyOf(checks);
    this.elapsed = elapsed;
    this.observedState = observedState;
  }

  /** The domain, lower case, without trailing dot. */
  public String domain() {
    return domain;
  }

  /** What was verified. */
  public Scope scope() {
    return scope;
  }

  /** The checks, grouped by step in the order a sender takes them. */
  public List<Check> checks() {
    return checks;
  }

  /** The wall time of the verification. */
  public Duration elapsed() {
    return elapsed;
  }

  /** The policy id and body digest that were live, when the policy was fetched. */
  public Optional<PolicyState> observedState() {
    return observedState;
  }

  /** How many checks have the severity. */
  public long count(Check.Severity severity) {
    return checks.stream().filter(c -> c.severity() == severity).count();
  }

  /** How many checks of each severity the report holds. */
  public Summary summary() {
    return Summary.of(checks);
  }

  /** True when at least one check is an error (operational ones included). */
  public boolean hasErrors() {
    return count(Check.Severity.ERROR) > 0;
  }

  /** True when the verifier could not do a step: the report is then incomplete. */
  public boolean hasOperationalFailures() {
    return checks.stream().anyMatch(Check::isOperational);
  }

  /** The report as a JSON tree: domain, scope, ok, summary counts, checks, observed state. */
  public JsonObject toJsonTree() {
    JsonObject json = new JsonObject();
    json.addProperty("domain", domain);
    json.addProperty("scope", scope.word());
    json.addProperty("ok", !hasErrors());
    json.addProperty("operationalFailure", hasOperationalFailures());
    json.addProperty("elapsedMillis", elapsed.toMillis());
    json.add("summary", summary().toJson());
    JsonArray array = new JsonArray();
    for (Check check : checks) {
      JsonObject c = new JsonObject();
      c.addProperty("id", check.id());
      c.addProperty("severity", check.severity().name().toLowerCase(java.util.Locale.ROOT));
      c.addProperty("message", check.message());
      if (check.isOperational()) {
        c.addProperty("operational", true);
      }
      JsonObject evidence = new JsonObject();
      check.evidence().forEach(evidence::addProperty);
      c.add("evidence", evidence);
      array.add(c);
    }
    json.add("checks", array);
    observedState.ifPresent(state -> json.add("observed", StateFile.toJson(state)));
    return json;
  }

  /** The report as pretty-printed JSON. */
  public String toJson() {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJsonTree());
  }

  @Override
  public String toString() {
    return "Report{" + domain + ", " + summary() + "}";
  }
}

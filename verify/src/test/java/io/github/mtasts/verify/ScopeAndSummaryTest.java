package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scope words and the summary shape, each defined once. */
class ScopeAndSummaryTest {
  @Test
  void scopesAreReadFromTheirWords() {
    assertEquals(List.of("policy-host", "policy-and-records", "all"), Scope.words());
    assertEquals(Scope.ALL, Scope.parse("all").orElseThrow());
    assertEquals(Scope.POLICY_HOST, Scope.parse("policy-host").orElseThrow());
    assertEquals(Scope.POLICY_AND_RECORDS, Scope.parse("policy-and-records").orElseThrow());
    for (Scope scope : Scope.values()) {
      assertEquals(scope, Scope.parse(scope.word()).orElseThrow());
    }
  }

  @Test
  void anUnknownScopeNamesTheAllowedWords() {
    var parsed = Scope.parse("POLICY_HOST");
    assertFalse(parsed.isValid());
    assertEquals("scope", parsed.errors().get(0).field());
    assertEquals("scope 'POLICY_HOST' is unknown: use policy-host, policy-and-records, all (all checks what a"
        + " sending mail server checks; policy-and-records all but the STARTTLS probes of the MX hosts on port 25;"
        + " policy-host only fetches and parses the policy)", parsed.errors().get(0).message());
  }

  private static Check check(Check.Severity severity) {
    return Check.builder("x", severity).message("m").build();
  }

  @Test
  void theSummaryCountsEachSeverityAndAddsUp() {
    Report one = new Report("example.com", Scope.ALL, List.of(check(Check.Severity.ERROR), check(Check.Severity.PASS),
        check(Check.Severity.PASS), check(Check.Severity.INFO)), Duration.ZERO, Optional.empty());
    Report two = new Report("example.org", Scope.POLICY_HOST, List.of(check(Check.Severity.WARNING),
        check(Check.Severity.PASS)), Duration.ZERO, Optional.empty());
    assertEquals(new Summary(1, 0, 1, 2), one.summary());
    assertEquals(new Summary(1, 1, 1, 3), Summary.total(List.of(one, two)));
    assertEquals(Map.of("errors", 1L, "warnings", 0L, "infos", 1L, "passes", 2L), one.summary().toMap());
    assertEquals(List.of("errors", "warnings", "infos", "passes"), List.copyOf(one.summary().toMap().keySet()));
    assertEquals("{\"errors\":1,\"warnings\":0,\"infos\":1,\"passes\":2}", one.summary().toJson().toString());
    assertEquals(one.summary().toJson(), one.toJsonTree().getAsJsonObject("summary"));
    assertEquals("policy-host", two.toJsonTree().get("scope").getAsString());
  }
}

package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The comparisons of what is live with what the caller expects, on in-memory outcomes. */
class ExpectationChecksTest {
  private static final String BODY = Answers.ENFORCE_POLICY;
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  private static ExpectationChecks expecting(VerifyOptions.Builder options) {
    return new ExpectationChecks(options.build());
  }

  private static CheckRow body(String name, String expected, String served, String id, Check.Severity severity,
      String part) {
    return new CheckRow(name, checks -> expecting(VerifyOptions.builder().expectedPolicy(expected))
        .evaluateBody(Optional.of(served.getBytes(StandardCharsets.UTF_8)), checks), id, severity, part);
  }

  private static CheckRow id(String name, String expected, String published, Check.Severity severity, String part) {
    return new CheckRow(name, checks -> expecting(VerifyOptions.builder().expectedId(expected))
        .evaluateId(Optional.of(published), checks), CheckIds.EXPECT_ID, severity, part);
  }

  private static CheckRow staleness(String name, PolicyState before, PolicyState now, Check.Severity severity,
      String part) {
    return new CheckRow(name, checks -> expecting(VerifyOptions.builder().previousState("example.com", before))
        .evaluateStaleness("example.com", Optional.of(now), checks), CheckIds.EXPECT_STALE_ID, severity, part);
  }

  private static PolicyState state(String id, String sha256) {
    return new PolicyState(Optional.of(id), sha256);
  }

  static List<CheckRow> table() {
    return List.of(
        body("the expected body", BODY, BODY, CheckIds.EXPECT_POLICY, Check.Severity.PASS, "is the expected one"),
        body("the expected body with LF line ends", BODY.replace("\r\n", "\n"), BODY, CheckIds.EXPECT_POLICY,
            Check.Severity.PASS, "is the expected one"),
        body("another mode", BODY, BODY.replace("enforce", "testing"), CheckIds.EXPECT_POLICY, Check.Severity.ERROR,
            "at line 2: expected 'mode: enforce', served 'mode: testing'"),
        body("a line missing", BODY, BODY.replace("mx: mx1.example.com\r\n", ""), CheckIds.EXPECT_POLICY,
            Check.Severity.ERROR, "at line 3"),
        id("the expected id", "20240101T000000", "20240101T000000", Check.Severity.PASS, "carries the expected id"),
        id("another id", "20250101T000000", "20240101T000000", Check.Severity.ERROR,
            "publish 'v=STSv1; id=20250101T000000'"),
        // RFC 8461 §3.1: a new body needs a new id.
        staleness("a body changed under the same id", state("1", SHA_A), state("1", SHA_B), Check.Severity.ERROR,
            "publish a new id"),
        staleness("an unchanged body", state("1", SHA_A), state("1", SHA_A), Check.Severity.PASS, "unchanged"),
        staleness("a new body under a new id", state("1", SHA_A), state("2", SHA_B), Check.Severity.PASS,
            "both changed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachComparisonGivesItsCheck(CheckRow row) {
    row.check();
  }

  @Test
  void nothingIsComparedWithoutAnExpectationOrAnObservation() {
    List<Check> checks = new ArrayList<>();
    ExpectationChecks none = expecting(VerifyOptions.builder());
    none.evaluateBody(Optional.of(BODY.getBytes(StandardCharsets.UTF_8)), checks);
    none.evaluateId(Optional.of("1"), checks);
    none.evaluateStaleness("example.com", Optional.of(state("1", SHA_A)), checks);
    ExpectationChecks all = expecting(VerifyOptions.builder().expectedPolicy(BODY).expectedId("1")
        .previousState("example.com", state("1", SHA_A)));
    // A failed fetch or a missing record is an error of its own already.
    all.evaluateBody(Optional.empty(), checks);
    all.evaluateId(Optional.empty(), checks);
    all.evaluateStaleness("example.com", Optional.empty(), checks);
    // Without the _mta-sts id (scope policy-host), staleness cannot be told.
    all.evaluateStaleness("example.com", Optional.of(new PolicyState(Optional.empty(), SHA_B)), checks);
    assertEquals(List.of(), checks);
  }
}

package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportParserTest {
  private static ParseResult<TlsReport> parse(String json) throws IOException {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ParseResult<TlsReport> parse(byte[] json) throws IOException {
    return ReportParser.parse(new ByteArrayInputStream(json), Limits.DEFAULT);
  }

  private static TlsReport valid(String json) throws IOException {
    ParseResult<TlsReport> result = parse(json);
    assertTrue(result.isValid(), () -> result.errors().toString());
    return result.orElseThrow();
  }

  private static List<String> errorFields(String json) throws IOException {
    ParseResult<TlsReport> result = parse(json);
    assertFalse(result.isValid(), "expected errors");
    return result.errors().stream().map(Problem::field).toList();
  }

  @Test
  void theExampleOfRfc8460IsReadFieldByField() throws IOException {
    TlsReport report = valid(Corpus.RFC_EXAMPLE);
    assertEquals("Company-X", report.organization());
    assertEquals("5065427c-23d3-47ca-b6e0-946ea0e8c4be", report.reportId());
    assertEquals(Instant.parse("2016-04-01T00:00:00Z"), report.start());
    assertEquals(Instant.parse("2016-04-01T23:59:59Z"), report.end());
    assertEquals(Optional.of("sts-reporting@company-x.example"), report.contactInfo());
    PolicyResult policy = report.policies().get(0);
    assertEquals(PolicyType.STS, policy.type());
    assertEquals("company-y.example", policy.domain());
    assertEquals(List.of("*.mail.company-y.example"), policy.mxHosts());
    assertEquals(5326, policy.successfulSessions());
    assertEquals(303, policy.failedSessions());
    assertEquals(3, policy.failures().size());
    FailureDetail second = policy.failures().get(1);
    assertEquals("starttls-not-supported", second.resultType());
    assertEquals(200, second.failedSessions());
    assertEquals(Optional.of("mx2.mail.company-y.example"), second.receivingMxHostname());
    assertEquals(Optional.of("203.0.113.56"), second.receivingIp());
    assertEquals(Optional.of("X509_V_ERR_PROOF_OF_POSSESSION"),
        policy.failures().get(2).failureReasonCode());
    assertEquals("testing", policy.stsPolicy().orElseThrow().mode().token());
  }

  @Test
  void countsWrittenAsStringsOrIntegralDecimalsAreCounts() throws IOException {
    TlsReport report = valid(Corpus.RFC_EXAMPLE
        .replace("\"total-successful-session-count\": 5326", "\"total-successful-session-count\": \"5326\"")
        .replace("\"failed-session-count\": 100", "\"failed-session-count\": 100.0"));
    assertEquals(5326, report.policies().get(0).successfulSessions());
    assertEquals(100, report.policies().get(0).failures().get(0).failedSessions());
  }

  @Test
  void missingOrEmptyOptionalFieldsAreAccepted() throws IOException {
    TlsReport report = valid("""
        {"organization-name":"Org","report-id":"r1","contact-info":"",
         "date-range":{"start-datetime":"2024-04-01T00:00:00Z","end-datetime":"2024-04-01T23:59:59Z"},
         "policies":[{"policy":{"policy-type":"sts","policy-domain":"Example.COM."},
                      "summary":{"total-successful-session-count":1,"total-failure-session-count":0}}]}
        """);
    assertEquals(Optional.empty(), report.contactInfo());
    PolicyResult policy = report.policies().get(0);
    assertEquals("example.com", policy.domain());
    assertEquals(List.of(), policy.policyString());
    assertEquals(List.of(), policy.failures());
  }

  @Test
  void extraFieldsSeveralPoliciesAndEveryPolicyTypeAreRead() throws IOException {
    TlsReport report = valid("""
        {"organization-name":"Org","report-id":"r2","x-vendor":{"deep":[1,2,{"a":null}]},
         "date-range":{"start-datetime":"2024-04-01T00:00:00Z","end-datetime":"2024-04-01T23:59:59Z"},
         "policies":[
          {"policy":{"policy-type":"no-policy-found","policy-domain":"example.com"},
           "summary":{"total-successful-session-count":7,"total-failure-session-count":0},
           "failure-details":[]},
          {"policy":{"policy-type":"tlsa","policy-string":["3 1 1 0123"],"policy-domain":"example.com",
                     "mx-host":"mx.example.com"},
           "summary":{"total-successful-session-count":2,"total-failure-session-count":1,"x":true},
           "failure-details":[{"result-type":"TLSA-INVALID","failed-session-count":1,"x-extra":"y"}]}]}
        """);
    assertEquals(2, report.policies().size());
    assertEquals(PolicyType.NO_POLICY_FOUND, report.policies().get(0).type());
    PolicyResult tlsa = report.policies().get(1);
    assertEquals(PolicyType.TLSA, tlsa.type());
    assertEquals(List.of("mx.example.com"), tlsa.mxHosts());
    assertEquals("tlsa-invalid", tlsa.failures().get(0).resultType());
    assertEquals(Optional.empty(), tlsa.failures().get(0).receivingMxHostname());
  }

  @Test
  void crlfLineEndsAndAByteOrderMarkAreAccepted() throws IOException {
    String crlf = Corpus.RFC_EXAMPLE.replace("\n", "\r\n");
    byte[] bom = ("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8);
    assertEquals("Company-X", parse(bom).orElseThrow().organization());
  }

  @Test
  void dateTimesWithOffsetsFractionsNoZoneOrOnlyADateAreRead() throws IOException {
    String template = Corpus.RFC_EXAMPLE.replace("2016-04-01T00:00:00Z", "START")
        .replace("2016-04-01T23:59:59Z", "END");
    assertEquals(Instant.parse("2016-03-31T22:00:00Z"), valid(template.replace("START",
        "2016-04-01T00:00:00+02:00").replace("END", "2016-04-01T23:59:59.999Z")).start());
    assertEquals(Instant.parse("2016-04-01T00:00:00Z"), valid(template.replace("START",
        "2016-04-01 00:00:00").replace("END", "2016-04-02")).start());
  }

  @Test
  void everyMissingRequiredFieldIsNamedAtOnce() throws IOException {
    List<String> fields = errorFields("""
        {"contact-info":"x","policies":[{"policy":{"policy-string":[]},"summary":{}}]}
        """);
    assertEquals(List.of(
        "policies[0].policy.policy-type",
        "policies[0].policy.policy-domain",
        "policies[0].summary.total-successful-session-count",
        "policies[0].summary.total-failure-session-count",
        "organization-name",
        "report-id",
        "date-range"), fields);
  }

  @Test
  void wrongValuesAreNamedByTheirPath() throws IOException {
    String json = Corpus.RFC_EXAMPLE
        .replace("\"failed-session-count\": 200", "\"failed-session-count\": -2")
        .replace("\"policy-type\": \"sts\"", "\"policy-type\": \"dmarc\"")
        .replace("\"end-datetime\": \"2016-04-01T23:59:59Z\"", "\"end-datetime\": \"yesterday\"");
    ParseResult<TlsReport> result = parse(json);
    assertEquals(List.of("date-range.end-datetime", "policies[0].policy.policy-type",
        "policies[0].failure-details[1].failed-session-count"),
        result.errors().stream().map(Problem::field).toList());
    assertTrue(result.errors().get(2).message().contains("'-2', not a count of sessions"),
        result.errors().get(2).message());
  }

  @Test
  void aRangeThatEndsBeforeItStartsIsRejected() throws IOException {
    assertEquals(List.of("date-range"), errorFields(Corpus.RFC_EXAMPLE
        .replace("2016-04-01T23:59:59Z", "2016-03-01T00:00:00Z")));
  }

  @Test
  void whatIsNoReportIsRejectedWithTheReason() throws IOException {
    assertTrue(parse("[1,2]").errors().get(0).message().contains("reports are one JSON object, this is a list"));
    assertTrue(parse("<?xml version=\"1.0\"?><feedback/>").errors().get(0).message()
        .contains("XML or HTML"));
    assertTrue(parse("{\"organization-name\":").errors().get(0).message().contains("truncated"));
    assertTrue(parse(Corpus.RFC_EXAMPLE + "{}").errors().get(0).message()
        .contains("not valid JSON"));
    assertTrue(parse("{\"organization-name\": 'x'}").errors().get(0).message()
        .contains("not valid JSON"));
    assertEquals(List.of("organization-name"), errorFields(Corpus.RFC_EXAMPLE
        .replace("\"organization-name\": \"Company-X\"", "\"organization-name\": {\"a\":1}")));
  }
}

package io.github.mtasts.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The summary of a period and the enforce verdict drawn from it. */
class ReadinessTest {
  private static final LocalDate DAY = LocalDate.of(2024, 4, 1);
  private static final List<String> MX = List.of("mx1.example.com", "mx2.example.com");

  private static TlsReport parse(Corpus.Report report) throws IOException {
    return ReportParser.parse(new ByteArrayInputStream(report.json()
        .getBytes(StandardCharsets.UTF_8)), Limits.DEFAULT).orElseThrow();
  }

  private static Optional<DomainSummary> summarise(Corpus.Report... reports) throws IOException {
    SummaryBuilder builder = new SummaryBuilder(Optional.of("example.com"), Optional.empty());
    ReportLedger ledger = new ReportLedger(builder);
    for (Corpus.Report report : reports) {
      ledger.accept(new Outcome.Read("test", parse(report)));
    }
    return builder.build().stream().findFirst();
  }

  private static Readiness.Verdict judge(Readiness readiness, Corpus.Report... reports)
      throws IOException {
    return readiness.evaluate("example.com", summarise(reports), "in April");
  }

  private static final Readiness TWO_SENDERS = new Readiness(2, Set.of(), List.of());

  @Test
  void twoCleanSendersWhosePolicyCoversEveryHostMakeTheDomainReady() throws IOException {
    Readiness.Verdict verdict = judge(TWO_SENDERS,
        Corpus.report("Google LLC", "g", DAY).sts("example.com", MX, 10, 0),
        Corpus.report("Microsoft", "m", DAY).sts("example.com", MX, 5, 0));
    assertTrue(verdict.ready(), verdict.missing().toString());
    assertEquals(List.of(
        "mx pattern mx1.example.com: covered by the policy of Google LLC, Microsoft",
        "mx pattern mx2.example.com: covered by the policy of Google LLC, Microsoft"),
        verdict.covered());
  }

  @Test
  void noReportAtAllIsNotReady() {
    Readiness.Verdict verdict = TWO_SENDERS.evaluate("example.com", Optional.empty(), "in April");
    assertFalse(verdict.ready());
    assertTrue(verdict.missing().get(0).startsWith("no report about example.com in April"));
  }

  @Test
  void tooFewSendersAreNamedWithTheNumberRequired() throws IOException {
    Readiness.Verdict verdict = judge(TWO_SENDERS,
        Corpus.report("Google LLC", "g", DAY).sts("example.com", MX, 10, 0),
        Corpus.report("Yahoo", "y", DAY).other("no-policy-found", "example.com", 3, 0));
    assertFalse(verdict.ready());
    assertTrue(verdict.missing().get(0).startsWith("1 sending organisation reported successful "
        + "sessions under an MTA-STS policy in April (Google LLC); 2 are required (other reports "
        + "were under: no-policy-found"), verdict.missing().get(0));
  }

  @Test
  void anMxHostNoSendersPolicyCoversIsMissing() throws IOException {
    Readiness readiness = new Readiness(1, Set.of(), List.of("mx1.example.com",
        "MX3.example.com."));
    Readiness.Verdict verdict = judge(readiness,
        Corpus.report("Google LLC", "g", DAY).sts("example.com", List.of("*.example.com"), 10, 0)
            .sts("example.com", List.of("mx1.example.com"), 1, 0),
        Corpus.report("Microsoft", "m", DAY).sts("example.com", List.of("mx1.example.com"), 5, 0));
    assertEquals(List.of("MX host mx1.example.com: covered by the policy of Google LLC, Microsoft",
        "MX host mx3.example.com: covered by the policy of Google LLC"), verdict.covered());
    assertTrue(verdict.ready());
    Readiness.Verdict two = judge(new Readiness(2, Set.of(), List.of("mx3.example.com")),
        Corpus.report("Google LLC", "g", DAY).sts("example.com", List.of("*.example.com"), 10, 0),
        Corpus.report("Microsoft", "m", DAY).sts("example.com", List.of("mx1.example.com"), 5, 0));
    assertEquals(List.of("MX host mx3.example.com: only 1 sending organisation (Google LLC) "
        + "reported successful sessions under a policy covering it; 2 required"), two.missing());
  }

  @Test
  void failuresBlockByTypeAndHostUnlessAccepted() throws IOException {
    Corpus.Report google = Corpus.report("Google LLC", "g", DAY).sts("example.com", MX, 10, 5)
        .failure("certificate-expired", "mx2.example.com", 3)
        .failure("sts-policy-fetch-error", "mx1.example.com", 2);
    Corpus.Report microsoft = Corpus.report("Microsoft", "m", DAY).sts("example.com", MX, 10, 4)
        .failure("validation-failure", "mx1.example.com", 1);
    Readiness.Verdict verdict = judge(TWO_SENDERS, google, microsoft);
    assertEquals(List.of(
        "3 failed sessions without failure details, reported by Microsoft",
        "3 failed sessions of type certificate-expired at MX host mx2.example.com, reported by "
            + "Google LLC",
        "2 failed sessions of type sts-policy-fetch-error at MX host mx1.example.com, reported "
            + "by Google LLC",
        "1 failed session of type validation-failure at MX host mx1.example.com, reported by "
            + "Microsoft"), verdict.missing());
    Readiness lenient = new Readiness(2, Set.of("certificate-expired", "sts-policy-fetch-error",
        "validation-failure", DomainSummary.UNDETAILED), List.of());
    assertTrue(judge(lenient, google, microsoft).ready());
  }

  @Test
  void theSummaryTellsOldPolicyIdsApartAndCountsByTypeHostAndOrganisation() throws IOException {
    Corpus.Report old = Corpus.report("Google LLC", "g1", DAY)
        .sts("example.com", List.of("mx1.example.com"), 7, 1)
        .failure("certificate-host-mismatch", "mx2.example.com", 1);
    Corpus.Report current = Corpus.report("Google LLC", "g2", DAY.plusDays(1))
        .sts("example.com", MX, 9, 0);
    DomainSummary s = summarise(old, current, current).orElseThrow();
    assertEquals(2, s.reports());
    assertEquals(16, s.successfulSessions());
    assertEquals(2, s.policies().size());
    assertEquals(List.of("mx1.example.com", "mx2.example.com"), s.policies().get(0).mxPatterns());
    assertTrue(s.policies().get(0).stsPolicyId().isPresent());
    assertFalse(s.policies().get(0).stsPolicyId().equals(s.policies().get(1).stsPolicyId()));
    assertEquals(Instant.parse("2024-04-02T23:59:59Z"), s.last());
    assertEquals(1, s.failuresByType().get("certificate-host-mismatch"));
    assertEquals(1, s.failuresByMxHost().get("mx2.example.com"));
    assertEquals(2, s.days().size());
    assertEquals(1, s.days().get(0).failedByMxHost().get("mx2.example.com"));
  }

  @Test
  void reportsThatEndBeforeThePeriodAndOtherDomainsAreLeftOut() throws IOException {
    SummaryBuilder builder = new SummaryBuilder(Optional.of("Example.COM"),
        Optional.of(Instant.parse("2024-04-02T00:00:00Z")));
    builder.accept(parse(Corpus.report("A", "1", DAY).sts("example.com", MX, 1, 0)));
    builder.accept(parse(Corpus.report("A", "2", DAY.plusDays(1)).sts("example.com", MX, 2, 0)
        .sts("example.org", MX, 4, 0)));
    List<DomainSummary> summaries = builder.build();
    assertEquals(1, summaries.size());
    assertEquals(2, summaries.get(0).successfulSessions());
  }
}

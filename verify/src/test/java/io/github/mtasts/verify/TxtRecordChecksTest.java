package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.policy.StsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/** The checks of the {@code _mta-sts} and {@code _smtp._tls} TXT answers, on in-memory answers. */
class TxtRecordChecksTest {
  private static final String STS = "_mta-sts.example.com";
  private static final String TLSRPT = "_smtp._tls.example.com";

  private static CheckRow sts(String name, DnsAnswer answer, String id, Check.Severity severity, String part) {
    return new CheckRow(name, checks -> TxtRecordChecks.sts("example.com").evaluate(answer, checks), id, severity, part);
  }

  private static CheckRow tlsRpt(String name, DnsAnswer answer, String id, Check.Severity severity, String part) {
    return new CheckRow(name, checks -> TxtRecordChecks.tlsRpt("example.com").evaluate(answer, checks), id, severity,
        part);
  }

  static List<CheckRow> table() {
    return List.of(
        // RFC 8461 §3.1
        sts("one record", Answers.txt(STS, "v=STSv1; id=1"), CheckIds.STS_TXT, Check.Severity.PASS, "'v=STSv1; id=1'"),
        sts("one record beside an unrelated one", Answers.txt(STS, "v=STSv1; id=1", "bogus"),
            CheckIds.STS_TXT, Check.Severity.PASS, "id=1"),
        sts("strings of one record joined without spaces",
            Answers.txtStrings(STS, List.of(List.of("v=STSv1; ", "id=20240101T000000"))),
            CheckIds.STS_TXT, Check.Severity.PASS, "v=STSv1; id=20240101T000000"),
        sts("a record reached through CNAMEs",
            Answers.txtThroughAliases(STS, List.of("_mta-sts.b.example", "_mta-sts.c.example"), "v=STSv1; id=1"),
            CheckIds.STS_TXT, Check.Severity.PASS, "id=1"),
        sts("the resolver fails", Answers.operationalFailure(STS, Type.TXT), CheckIds.STS_TXT_LOOKUP,
            Check.Severity.ERROR, "SERVFAIL"),
        sts("no such name", Answers.absent(STS, Type.TXT, DnsAnswer.Status.NO_SUCH_DOMAIN), CheckIds.STS_TXT_MISSING,
            Check.Severity.ERROR, "NXDOMAIN"),
        sts("no TXT record", Answers.absent(STS, Type.TXT, DnsAnswer.Status.NO_DATA), CheckIds.STS_TXT_MISSING,
            Check.Severity.ERROR, "has no TXT record"),
        sts("a CNAME loop", Answers.cnameLoop(STS, Type.TXT), CheckIds.STS_TXT_MISSING, Check.Severity.ERROR,
            "loops"),
        sts("only other records", Answers.txt(STS, "bogus", "more"), CheckIds.STS_TXT_MISSING, Check.Severity.ERROR,
            "none of the 2 TXT record(s)"),
        sts("two versioned records", Answers.txt(STS, "v=STSv1; id=1", "v=STSv1; id=2"), CheckIds.STS_TXT_COUNT,
            Check.Severity.ERROR, "2 records"),
        sts("no id", Answers.txt(STS, "v=STSv1; bogus"), CheckIds.STS_TXT_SYNTAX, Check.Severity.ERROR, "bogus"),
        sts("a repeated id", Answers.txt(STS, "v=STSv1; id=1; id=2"), CheckIds.STS_TXT_SYNTAX, Check.Severity.WARNING,
            "id"),
        // RFC 8460 §3
        tlsRpt("one record", Answers.txt(TLSRPT, "v=TLSRPTv1; rua=mailto:tlsrpt@example.com"), CheckIds.TLSRPT,
            Check.Severity.PASS, "mailto:tlsrpt@example.com"),
        tlsRpt("the resolver fails", Answers.operationalFailure(TLSRPT, Type.TXT), CheckIds.TLSRPT_LOOKUP,
            Check.Severity.ERROR, "cannot tell whether _smtp._tls.example.com is published"),
        tlsRpt("no record: reporting is optional", Answers.absent(TLSRPT, Type.TXT, DnsAnswer.Status.NO_DATA),
            CheckIds.TLSRPT_MISSING, Check.Severity.WARNING, "nobody receives reports"),
        tlsRpt("two versioned records",
            Answers.txt(TLSRPT, "v=TLSRPTv1; rua=mailto:a@example.com", "v=TLSRPTv1; rua=mailto:b@example.com"),
            CheckIds.TLSRPT_COUNT, Check.Severity.ERROR, "delete all but one"),
        tlsRpt("an http: report address", Answers.txt(TLSRPT, "v=TLSRPTv1; rua=http://example.com/r"),
            CheckIds.TLSRPT_SYNTAX, Check.Severity.ERROR, "http:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachAnswerGivesItsCheck(CheckRow row) {
    row.check();
  }

  @Test
  void aFailedLookupIsOperationalAndAMissingRecordIsNot() {
    assertTrue(sts("", Answers.operationalFailure(STS, Type.TXT), CheckIds.STS_TXT_LOOKUP, Check.Severity.ERROR, "")
        .check().isOperational());
    assertFalse(sts("", Answers.absent(STS, Type.TXT, DnsAnswer.Status.NO_SUCH_DOMAIN), CheckIds.STS_TXT_MISSING,
        Check.Severity.ERROR, "").check().isOperational());
  }

  @Test
  void theRecordIsReturnedOnlyWhenExactlyOneValidOneIsPublished() {
    List<Check> checks = new ArrayList<>();
    Optional<StsRecord> one = TxtRecordChecks.sts("example.com").evaluate(Answers.txt(STS, "v=STSv1; id=1"), checks);
    assertEquals("1", one.orElseThrow().id().value());
    assertTrue(TxtRecordChecks.sts("example.com")
        .evaluate(Answers.txt(STS, "v=STSv1; id=1", "v=STSv1; id=2"), checks).isEmpty());
    assertTrue(TxtRecordChecks.sts("example.com").evaluate(Answers.txt(STS, "v=STSv1; id=!"), checks).isEmpty());
  }

  @Test
  void evidenceNamesTheQuestionTheAliasesAndTheRecords() {
    Check check = sts("", Answers.txtThroughAliases(STS, List.of("_mta-sts.b.example", "_mta-sts.c.example"),
        "v=STSv1; id=1"), CheckIds.STS_TXT, Check.Severity.PASS, "").check();
    assertEquals("_mta-sts.example.com TXT", check.evidence().get("question"));
    assertEquals("_mta-sts.example.com -> _mta-sts.b.example -> _mta-sts.c.example", check.evidence().get("cname"));
    assertEquals("v=STSv1; id=1", check.evidence().get("records"));
  }
}

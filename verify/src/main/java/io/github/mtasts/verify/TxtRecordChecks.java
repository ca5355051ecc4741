package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.policy.StsRecord;
import io.github.mtasts.policy.TlsRptRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the TXT RRset of {@code _mta-sts} or {@code _smtp._tls} into checks. The policy core
 * parses; this class only decides which check id and severity each outcome gets.
 *
 * @param <T> the parsed record type
 */
final class TxtRecordChecks<T> {
  private final String owner;
  private final String passId;
  private final String lookupId;
  private final String missingId;
  private final String countId;
  private final String syntaxId;
  private final Check.Severity missingSeverity;
  private final String missingAdvice;
  private final Function<List<String>, ParseResult<T>> fromRrset;
  private final Function<List<String>, Integer> candidateCount;

  private TxtRecordChecks(String owner, String[] ids, Check.Severity missingSeverity, String missingAdvice,
      Function<List<String>, ParseResult<T>> fromRrset, Function<List<String>, Integer> candidateCount) {
    this.owner = owner;
    this.passId = ids[0];
    this.lookupId = ids[1];
    this.missingId = ids[2];
    this.countId = ids[3];
    this.syntaxId = ids[4];
    this.missingSeverity = missingSeverity;
    this.missingAdvice = missingAdvice;
    this.fromRrset = fromRrset;
    this.candidateCount = candidateCount;
  }

  /** The checks of the {@code _mta-sts} record of a domain (RFC 8461 §3.1). */
  static TxtRecordChecks<StsRecord> sts(String domain) {
    return new TxtRecordChecks<>("_mta-sts." + domain,
        new String[] {CheckIds.STS_TXT, CheckIds.STS_TXT_LOOKUP, CheckIds.STS_TXT_MISSING,
            CheckIds.STS_TXT_COUNT, CheckIds.STS_TXT_SYNTAX},
        Check.Severity.ERROR, "no MTA-STS policy published",
        StsRecord::fromRrset, StsRecord::candidateCount);
  }

  /** The checks of the {@code _smtp._tls} record of a domain (RFC 8460 §3). */
  static TxtRecordChecks<TlsRptRecord> tlsRpt(String domain) {
    return new TxtRecordChecks<>("_smtp._tls." + domain,
        new String[] {CheckIds.TLSRPT, CheckIds.TLSRPT_LOOKUP, CheckIds.TLSRPT_MISSING,
            CheckIds.TLSRPT_COUNT, CheckIds.TLSRPT_SYNTAX},
        // RFC 8460 §3 makes reporting optional, but without it failures go unnoticed.
        Check.Severity.WARNING, "no TLS-RPT record, so nobody receives reports of failed TLS deliveries",
        TlsRptRecord::fromRrset, TlsRptRecord::candidateCount);
  }

  /**
   * Adds the checks of one answer.
   *
   * @return the parsed record, when exactly one valid record is published
   */
  Optional<T> evaluate(DnsAnswer answer, List<Check> checks) {
    if (answer.status() == DnsAnswer.Status.OPERATIONAL_FAILURE) {
      checks.add(Check.builder(lookupId, Check.Severity.ERROR)
          .message("cannot tell whether " + owner + " is published: " + answer.failure())
          .evidence("question", answer.question())
          .operational()
          .build());
      return Optional.empty();
    }
    if (!answer.isFound()) {
      String why = answer.status() == DnsAnswer.Status.NO_SUCH_DOMAIN
          ? owner + " does not exist (NXDOMAIN)"
          : answer.status() == DnsAnswer.Status.NO_DATA ? owner + " has no TXT record" : answer.failure();
      checks.add(Check.builder(missingId, missingSeverity)
          .message(missingAdvice + ": " + why)
          .evidence("question", answer.question())
          .build());
      return Optional.empty();
    }
    List<String> records = answer.joinedTxt();
    // Which records senders consider is the policy core's rule (RFC 8461 §3.1, RFC 8460 §3).
    int versioned = candidateCount.apply(records);
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("question", answer.question());
    if (answer.aliasChain() != null) {
      evidence.put("cname", answer.aliasChain());
    }
    evidence.put("records", String.join(" | ", records));
    if (versioned == 0) {
      checks.add(Check.builder(missingId, missingSeverity)
          .message(missingAdvice + ": none of the " + records.size() + " TXT record(s) at " + owner
              + " starts with the version tag")
          .evidence(evidence)
          .build());
      return Optional.empty();
    }
    ParseResult<T> parsed = fromRrset.apply(records);
    if (versioned > 1) {
      checks.add(Check.builder(countId, Check.Severity.ERROR)
          .message(versioned + " records at " + owner + " start with the version tag; senders "
              + "ignore them all, as if none were published: delete all but one")
          .evidence(evidence)
          .build());
      return Optional.empty();
    }
    // Each finding carries its own excerpt, not the whole RRset: a hostile record of 64 KiB gives
    // up to twenty findings of a kind, and the RRset once per finding would be their product.
    for (Problem problem : parsed.problems()) {
      checks.add(Check.builder(syntaxId, problem.isError() ? Check.Severity.ERROR : Check.Severity.WARNING)
          .message(problem.message())
          .evidence("question", answer.question())
          .evidence("field", problem.field())
          .evidence("record", problem.line() == 0 ? null : problem.line())
          .evidence("text", problem.text().isEmpty() ? null : problem.text())
          .build());
    }
    parsed.value().ifPresent(record -> checks.add(Check.builder(passId, Check.Severity.PASS)
        .message(owner + " publishes " + Excerpt.quote(record.toString()))
        .evidence(evidence)
        .build()));
    return parsed.value();
  }
}

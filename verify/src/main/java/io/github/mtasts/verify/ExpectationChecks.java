package io.github.mtasts.verify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Compares what is live with what the caller intended: the served body, the TXT id, and the
 * pair (id, body) seen by an earlier run.
 */
final class ExpectationChecks {
  private final VerifyOptions options;

  ExpectationChecks(VerifyOptions options) {
    this.options = options;
  }

  /** The served body against the expected one (line ends compared as equal, CRLF or LF). */
  void evaluateBody(Optional<byte[]> served, List<Check> checks) {
    if (options.expectedPolicy().isEmpty() || served.isEmpty()) {
      return; // Nothing to compare: a failed fetch is already an error.
    }
    String[] expected = lines(options.expectedPolicy().get());
    String[] actual = lines(new String(served.get(), StandardCharsets.UTF_8));
    for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
      String want = i < expected.length ? expected[i] : "(end of body)";
      String got = i < actual.length ? actual[i] : "(end of body)";
      if (!want.equals(got)) {
        checks.add(Check.builder(CheckIds.EXPECT_POLICY, Check.Severity.ERROR)
            .message("the served policy differs from the expected one at line " + (i + 1) + ": expected '"
                + want + "', served '" + got + "'; publish the intended body (or wait for caches to expire)")
            .evidence("line", i + 1)
            .evidence("expected", want)
            .evidence("served", got)
            .build());
        return;
      }
    }
    checks.add(Check.builder(CheckIds.EXPECT_POLICY, Check.Severity.PASS)
        .message("the served policy is the expected one")
        .build());
  }

  /** The TXT id against the expected one. */
  void evaluateId(Optional<String> publishedId, List<Check> checks) {
    if (options.expectedId().isEmpty() || publishedId.isEmpty()) {
      return; // Nothing to compare: a missing or invalid record is already an error.
    }
    String want = options.expectedId().get();
    if (want.equals(publishedId.get())) {
      checks.add(Check.builder(CheckIds.EXPECT_ID, Check.Severity.PASS)
          .message("the _mta-sts record carries the expected id " + want)
          .build());
    } else {
      checks.add(Check.builder(CheckIds.EXPECT_ID, Check.Severity.ERROR)
          .message("the _mta-sts record carries id " + publishedId.get() + " but " + want
              + " is expected: publish 'v=STSv1; id=" + want + "' (or wait for DNS caches to expire)")
          .evidence("expected", want)
          .evidence("published", publishedId.get())
          .build());
    }
  }

  /**
   * RFC 8461 §3.1 and §5.1: senders refetch the policy only when the id changes, so a body that
   * changed under an unchanged id stays unseen by every sender that cached the old one.
   */
  void evaluateStaleness(String domain, Optional<PolicyState> now, List<Check> checks) {
    PolicyState before = options.previousStates().get(domain);
    if (before == null || now.isEmpty() || now.get().policyId().isEmpty() || before.policyId().isEmpty()) {
      return;
    }
    String idNow = now.get().policyId().get();
    boolean sameId = idNow.equals(before.policyId().get());
    boolean sameBody = now.get().bodySha256().equals(before.bodySha256());
    if (sameId && !sameBody) {
      checks.add(Check.builder(CheckIds.EXPECT_STALE_ID, Check.Severity.ERROR)
          .message("the served policy changed since the previous run but the _mta-sts id is still " + idNow
              + ": senders that cached the old policy keep it until its max_age runs out (RFC 8461 §3.1); "
              + "publish a new id")
          .evidence("id", idNow)
          .evidence("previousSha256", before.bodySha256())
          .evidence("currentSha256", now.get().bodySha256())
          .build());
    } else {
      checks.add(Check.builder(CheckIds.EXPECT_STALE_ID, Check.Severity.PASS)
          .message(sameBody ? "the served policy is unchanged since the previous run"
              : "the served policy and the _mta-sts id both changed since the previous run")
          .evidence("id", idNow)
          .evidence("previousId", before.policyId().get())
          .build());
    }
  }

  private static String[] lines(String body) {
    return body.replace("\r\n", "\n").split("\n", -1);
  }
}

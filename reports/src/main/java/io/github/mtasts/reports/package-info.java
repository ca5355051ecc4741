/**
 * SMTP TLS reporting (TLS-RPT, RFC 8460): reading the aggregate reports that sending mail servers
 * send to a domain, summarising them, and judging from them whether the domain's MTA-STS policy
 * can move from {@code testing} to {@code enforce}.
 *
 * <h2>The protocol</h2>
 *
 * <p>A domain that publishes an {@code _smtp._tls} TXT record ({@link
 * io.github.mtasts.policy.TlsRptRecord}), for example {@code v=TLSRPTv1;
 * rua=mailto:tlsrpt@example.com}, asks every sending mail server that delivers to it to report,
 * once a day, how its TLS sessions with the domain's MX hosts went (RFC 8460 §3). Senders that
 * implement it (large mailbox providers do) send one <em>aggregate report</em> per reporting
 * period, which is one UTC day (RFC 8460 §4.1): a JSON document ({@link
 * io.github.mtasts.reports.TlsReport}, RFC 8460 §4.4) naming
 *
 * <ul>
 *   <li>the sending organisation, its report-id (unique per organisation, which is how a report
 *       that arrives twice is recognised) and the period covered;
 *   <li>for each policy the sender applied ({@link io.github.mtasts.reports.PolicyResult}): its
 *       type ({@code sts} for MTA-STS, {@code tlsa} for DANE, {@code no-policy-found}), the
 *       policy domain, the policy text as the sender saw it ({@code policy-string}, so a report
 *       about an older policy can be told apart) and its MX patterns ({@code mx-host});
 *   <li>the number of successful and of failed TLS sessions, and failure details ({@link
 *       io.github.mtasts.reports.FailureDetail}): a result type from RFC 8460 §4.3 (such as
 *       {@code starttls-not-supported} or {@code certificate-expired}), the receiving MX host
 *       name and address, the sending address, and how many sessions failed that way.
 * </ul>
 *
 * <p>Reports arrive by e-mail, as an attachment of type {@code application/tlsrpt+gzip} or
 * {@code application/tlsrpt+json} (RFC 8460 §5.3, §5.3.1), or by HTTPS POST with the same
 * media types to an {@code https:} address of the record (RFC 8460 §5.3.2), which {@link
 * io.github.mtasts.reports.ReportReceiver} serves.
 *
 * <h2>What this package does with them</h2>
 *
 * <p>{@link io.github.mtasts.reports.ReportSources} reads files ({@code .json}, gzip, zip), e-mail
 * messages, Maildir folders and mbox files; {@link io.github.mtasts.reports.ImapMailbox} reads an
 * IMAP mailbox over TLS. Every report goes through one parser ({@link
 * io.github.mtasts.reports.ReportParser}), which accepts what senders really send (counts written
 * as strings, missing optional fields, extra fields, several policies per report, a byte order
 * mark) and rejects what is not a report with the source and the JSON field named. Untrusted
 * input is read as a stream within {@link io.github.mtasts.reports.Limits}: a compressed or plain
 * input that grows past its limit, nesting past its depth or a zip entry whose name climbs out of
 * its folder is rejected, never read whole into memory. A {@link
 * io.github.mtasts.reports.ReportLedger} counts each report once, however many sources carry it,
 * and feeds a {@link io.github.mtasts.reports.SummaryBuilder}, whose {@link
 * io.github.mtasts.reports.DomainSummary} per policy domain gives sessions, failures by type, by
 * MX host and by organisation, and the policies seen. {@link io.github.mtasts.reports.Readiness}
 * turns a summary into the enforce verdict, and {@link io.github.mtasts.reports.HtmlPage} into a
 * page that needs no network.
 *
 * <h2>What reports can and cannot tell</h2>
 *
 * <p>An aggregate report names the MX host only in failure details ({@code
 * receiving-mx-hostname}, RFC 8460 §4.4); successful sessions are counted per policy, not per
 * host. So no report can show that one particular MX host received mail over TLS: a host that no
 * sender reached looks the same as a healthy one. What reports do show per host is whether the
 * senders' policy covered it (its {@code mx-host} patterns, RFC 8461 §4.1) and whether any
 * failure was reported for it. {@link io.github.mtasts.reports.Readiness} states its verdict in
 * exactly those terms.
 */
package io.github.mtasts.reports;

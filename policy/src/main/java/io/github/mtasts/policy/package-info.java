/**
 * The MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) model: immutable values, strict parsers, one
 * canonical renderer each, and the content-derived policy id. No I/O.
 *
 * <h2>The protocol</h2>
 *
 * <p>SMTP between mail servers encrypts only opportunistically: an attacker on the path can strip
 * STARTTLS or present any certificate, and the sending server delivers in clear text anyway.
 * MTA-STS lets a receiving domain declare that its MX hosts offer TLS with a certificate valid
 * for their names, so that a sending server (the only party that reads these artifacts) refuses
 * to deliver otherwise. It consists of two parts:
 *
 * <ul>
 *   <li>The {@code _mta-sts.<domain>} TXT record ({@link io.github.mtasts.policy.StsRecord},
 *       RFC 8461 §3.1), for example {@code v=STSv1; id=20160831085700Z}. It tells senders that a
 *       policy exists and names its current version. A sender looks it up before each delivery;
 *       when there are several TXT records, those not beginning with {@code v=STSv1;} are
 *       ignored, and exactly one must remain.
 *   <li>The policy ({@link io.github.mtasts.policy.Policy}, RFC 8461 §3.2), served over HTTPS
 *       with a valid certificate at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}:
 *       lines of {@code version: STSv1}, {@code mode} ({@code enforce}, {@code testing} or {@code
 *       none}), one {@code mx} line per MX host or {@code *.} wildcard ({@link
 *       io.github.mtasts.policy.MxPattern}), and {@code max_age}, the seconds a sender may cache
 *       it (at most one year). An MX host that no pattern covers (RFC 8461 §4.1) is not trusted.
 * </ul>
 *
 * <p>TLS-RPT adds the {@code _smtp._tls.<domain>} TXT record ({@link
 * io.github.mtasts.policy.TlsRptRecord}, RFC 8460 §3), for example {@code v=TLSRPTv1;
 * rua=mailto:tlsrpt@example.com}: the {@code mailto:} or {@code https:} addresses to which
 * senders deliver a daily report of their successful and failed TLS sessions with the domain.
 * It is how a domain learns, in {@code testing} mode, whether {@code enforce} would break mail.
 *
 * <h2>Why the id is derived from the body</h2>
 *
 * <p>A sender caches the policy for {@code max_age} seconds and fetches it again only when the
 * TXT record's {@code id} differs from the one it cached (RFC 8461 §3.1, §8.1). An edited body
 * with an unchanged id therefore stays invisible to every sender that cached the old one, for up
 * to a year; a new id with an unchanged body costs every sender a useless fetch. {@link
 * io.github.mtasts.policy.PolicyId#derive(io.github.mtasts.policy.Policy)} takes the first 20
 * bytes of the SHA-256 of the canonical body ({@link io.github.mtasts.policy.Policy#render()}:
 * CRLF line ends, fields in a fixed order, mx sorted and de-duplicated) and writes them in
 * lower-case base32: 32 letters and digits, the longest id RFC 8461 allows. The id changes
 * exactly when the served body changes, and nobody picks it by hand.
 *
 * <h2>Findings</h2>
 *
 * <p>Parsers return a {@link io.github.mtasts.policy.ParseResult}: a value when nothing breaks
 * the RFC grammar, plus {@link io.github.mtasts.policy.Problem}s. Errors are what a sender would
 * reject; warnings are valid input that is probably unintended (a repeated field, where the first
 * one wins; {@code max_age} under one day; mode {@code testing} or {@code none}; overlapping
 * {@code mx} patterns; a field name that differs from a registered one only in case). Each
 * problem's message is a self-contained sentence naming the field, the value and the fix.
 *
 * <p>Choices where the RFC text leaves room: the rule that discards records not beginning with
 * {@code v=STSv1;} (or {@code v=TLSRPTv1;}) is applied as written, only when the RRset holds
 * several records and with the {@code ;} right after the tag; a lone record is judged by the
 * grammar alone, which allows whitespace before that {@code ;} (RFC 8461 §3.1, RFC 8460 §3:
 * the prose and the grammar differ here, see RFC 8461 erratum 6285); a repeated field that is
 * ignored must still fit the grammar as an extension; a policy body is limited to 64 KiB, the
 * size RFC 8461 §3.3 suggests senders read; an {@code mx} pattern whose last label is all digits
 * is refused as an address, as no top-level domain is all-numeric (RFC 1123 §2.1, RFC 3696 §2).
 *
 * <h2>Domain names</h2>
 *
 * <p>Every domain and host name follows one rule, {@link io.github.mtasts.policy.DomainName}:
 * IDNA2008 (RFC 5891, with the code points of RFC 5892 derived from the JDK's Unicode data and
 * the Bidi rule of RFC 5893), under which {@code straße.de} is {@code xn--strae-oqa.de} and not
 * {@code strasse.de}. Names in policies and records are taken as written; names a person types
 * are folded to lower case and NFC (RFC 5895 §2), and refused, rather than mapped, when they hold
 * fullwidth forms or invisible characters, which would make the name used differ from the name
 * shown. The domains of TLS-RPT {@code mailto:} URIs and the hosts of {@code https:} URIs are
 * names as written, under the same rule.
 *
 * <h2>Input made to cost</h2>
 *
 * <p>Records, policies and names arrive from DNS servers, policy hosts and programs that may be
 * hostile, so every finding stays small: values are quoted as an {@link
 * io.github.mtasts.policy.Excerpt} with their length or position, and a {@link
 * io.github.mtasts.policy.ParseResult} lists at most 20 problems of one kind and counts the rest.
 * The work is near-linear in the input: a policy of 64 KiB holds some 8,000 {@code mx} lines,
 * and finding the patterns that cover a host, or a pattern already covered, is a lookup by name,
 * not a comparison with every other pattern. RFC 8461 §3.2 sets no limit on the number of
 * {@code mx} lines, and none is added: the 64 KiB a sender reads (§3.3) bounds them, and with
 * work near-linear in the body and twenty findings of a kind, the most a policy from the network
 * can cost a verification is a parse of 64 KiB and a report of a few dozen findings.
 */
package io.github.mtasts.policy;

/**
 * The live verifier: checks a mail domain's MTA-STS deployment the way a sending mail server
 * (a "sending MTA") discovers, trusts and applies it.
 *
 * <h2>What a sending MTA does</h2>
 *
 * <p><b>Discovery (RFC 8461 §3).</b> Before delivering to a domain, the sender looks up the TXT
 * record at {@code _mta-sts.<domain>} (§3.1). Records that do not start with {@code v=STSv1}
 * are ignored, the strings of one record are joined without spaces, and exactly one record must
 * remain: with none, or with two, the domain has no usable policy. The record's {@code id}
 * names the current policy version; the sender compares it with the id of the policy it has
 * cached. When it has no cached policy, or the id differs, it fetches the policy body from
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (§3.3): over HTTPS with a
 * certificate that is valid for that host name and chains to a trusted root, with SNI, without
 * following redirects, accepting only status 200 and the media type {@code text/plain}, and
 * with a bounded size and time. The body (§3.2) gives the {@code mode} ({@code enforce},
 * {@code testing} or {@code none}), the MX host patterns that may receive mail, and
 * {@code max_age}, the number of seconds the sender keeps the policy cached.
 *
 * <p><b>Validation (RFC 8461 §4).</b> For every MX host it tries, the sender checks that the
 * host name matches one of the policy's {@code mx} patterns (§4.1; a {@code *.} wildcard covers
 * exactly one label), that the host offers STARTTLS, and that the certificate it presents
 * chains to a trusted root, has not expired, and carries a DNS-ID that matches the MX host
 * name per RFC 6125 (§4.2).
 *
 * <p><b>Application (RFC 8461 §5).</b> In {@code enforce} mode an MX host that fails validation
 * is not used: the message waits rather than go out in clear text or to an impostor. In
 * {@code testing} mode the message is delivered anyway and the failure is only reported,
 * through TLS-RPT (RFC 8460) to the addresses in the {@code _smtp._tls.<domain>} TXT record.
 * In {@code none} mode the sender forgets the policy. Because senders keep a policy for up to
 * {@code max_age} seconds and refetch it only when the TXT id changes (§5.1), a body that
 * changes while the id stays the same keeps being ignored by everyone who cached the old one.
 *
 * <h2>What this package checks</h2>
 *
 * <p>{@link io.github.mtasts.verify.Verifier} runs each of those steps against the live domain
 * and reports one {@link io.github.mtasts.verify.Check} per finding (stable ids are listed in
 * {@link io.github.mtasts.verify.CheckIds}), collected in a {@link
 * io.github.mtasts.verify.Report}. Problems that a sender would treat as fatal in enforce mode
 * are errors in enforce mode and warnings in testing mode. A failure of the verifier's own
 * means (the resolver does not answer, answers SERVFAIL or times out) is reported as an
 * <em>operational</em> error, never as "no policy": it says nothing about the domain.
 *
 * <p>All lookups of one verification go through one dnsjava resolver, including the address
 * lookups of the HTTPS client, and the independent lookups run in parallel, so the wall time of
 * a verification is about the longest dependent chain (MX lookup, address lookup, TCP
 * connect, banner, EHLO, STARTTLS, TLS handshake). Every network step has a timeout. DNS is
 * asked as a stub resolver asks it: a query without an answer is sent again with backoff
 * within the DNS timeout, a truncated answer is asked again over TCP, and queries are paced.
 * The verifications of one run ({@link io.github.mtasts.verify.Verifier#verifyAll}) share
 * their DNS answers within the TTL and their STARTTLS probes: an MX host that many domains
 * name is probed once per address, and each report still lists all its checks. How much runs
 * at once is bounded per domain and per verifier (threads, sockets, queries outstanding). The
 * resolver address, extra trust anchors and the SMTP and HTTPS ports can be replaced for
 * laboratory use ({@link io.github.mtasts.verify.VerifyOptions}); the defaults are the system
 * resolver, the system trust anchors and ports 25 and 443, and nothing weakens validation.
 */
package io.github.mtasts.verify;

/**
 * Cloud operations on AWS for publishing MTA-STS (RFC 8461) and TLS-RPT (RFC 8460): Route 53
 * records, an ACM certificate, and the HTTPS site that serves the policy. Plain AWS SDK v2
 * code that knows nothing of Pulumi; the resource provider maps {@code mtasts:aws:Record},
 * {@code mtasts:aws:Certificate} and {@code mtasts:aws:PolicySite} onto it.
 *
 * <h2>What MTA-STS needs from AWS</h2>
 *
 * <p>A domain announces MTA-STS with a TXT record at {@code _mta-sts.DOMAIN} whose {@code id}
 * changes whenever the policy changes (RFC 8461 §3.1), and serves the policy itself at
 * {@code https://mta-sts.DOMAIN/.well-known/mta-sts.txt} with a certificate valid for that
 * host, as {@code text/plain} (RFC 8461 §3.3). TLS-RPT adds one TXT record at
 * {@code _smtp._tls.DOMAIN} (RFC 8460 §3). Here:
 *
 * <ul>
 *   <li>{@link io.github.mtasts.aws.Route53Records} writes the TXT records (quoted and split
 *       into strings of at most 255 octets by {@link io.github.mtasts.dns.TxtStrings}), the
 *       alias records of the policy host, and the CNAME that validates the certificate. A
 *       record set that already exists is reported, never overwritten.
 *       {@link io.github.mtasts.aws.Route53RecordStore} offers them as the store of
 *       {@link io.github.mtasts.dns}, which every DNS service implements.
 *   <li>{@link io.github.mtasts.aws.AcmCertificates} requests the certificate for
 *       {@code mta-sts.DOMAIN} in us-east-1 (the only region CloudFront takes certificates
 *       from), exposes its DNS validation record and waits until it is issued.
 *   <li>{@link io.github.mtasts.aws.PolicySites} keeps the policy in a private S3 bucket and
 *       serves it through CloudFront: origin access control with SigV4, the alias
 *       {@code mta-sts.DOMAIN}, the ACM certificate with SNI and TLS 1.2 at least, HTTP
 *       redirected to HTTPS, IPv6. A changed body is uploaded and invalidated before the
 *       operation returns, so the caller can then change the TXT id safely.
 * </ul>
 *
 * <h2>Failures</h2>
 *
 * <p>All clients come from one {@link io.github.mtasts.aws.AwsClients} (credentials and
 * region from the SDK's default chains, an optional endpoint for emulators). Throttling and
 * server errors are retried by the SDK's standard retry strategy with backoff, honouring
 * {@code Retry-After}. Whatever still fails surfaces as an
 * {@link io.github.mtasts.aws.AwsOperationException} whose subclasses say what a caller must do;
 * bad input is refused before any call with an {@link io.github.mtasts.aws.InvalidSpecException}
 * naming the field. Every wait has a time budget ({@link io.github.mtasts.wait.WaitOptions}) and
 * reports progress through {@link io.github.mtasts.wait.Progress}; a wait that runs out throws
 * {@link io.github.mtasts.wait.WaitTimeoutException}, which the operations that make several
 * parts carry inside their incomplete-state exceptions. Every create adopts what an interrupted
 * earlier attempt made, so running it again completes it.
 */
package io.github.mtasts.aws;

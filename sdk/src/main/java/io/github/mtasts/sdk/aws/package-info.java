/**
 * The AWS resources of the Pulumi package {@code mtasts}: what a program declares to publish
 * MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for a mail domain on AWS.
 *
 * <p>The policy host {@code mta-sts.<domain>} must serve the policy over HTTPS with a certificate
 * valid for its name (RFC 8461 §3.3): a {@link io.github.mtasts.sdk.aws.Certificate} requests it
 * from ACM, a {@link io.github.mtasts.sdk.aws.Record} publishes its validation CNAME, a
 * {@link io.github.mtasts.sdk.aws.CertificateValidation} waits until ACM issues it, and a
 * {@link io.github.mtasts.sdk.aws.PolicySite} serves the policy from a private S3 bucket through
 * CloudFront under that name. More {@link io.github.mtasts.sdk.aws.Record}s publish the CNAME of
 * the policy host, the {@code _mta-sts} TXT record with the policy id (RFC 8461 §3.1) and the
 * {@code _smtp._tls} TXT record (RFC 8460 §3) in Route 53. The id changes only after the site
 * serves the new body: let the {@code _mta-sts} record depend on the site.
 *
 * <p>Like the rest of the SDK, these classes only declare resources; the provider plugin
 * {@code pulumi-resource-mtasts} calls AWS, so a program needs no AWS SDK.
 */
package io.github.mtasts.sdk.aws;

/**
 * The Cloudflare resources of the Pulumi package {@code mtasts}: what a program declares to
 * publish MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) for a mail domain whose zone is on
 * Cloudflare.
 *
 * <p>{@link io.github.mtasts.sdk.cloudflare.Record}s publish the {@code _mta-sts} TXT record with
 * the policy id (RFC 8461 §3.1), the {@code _smtp._tls} TXT record (RFC 8460 §3) and, when the
 * policy is served elsewhere, the CNAME of the policy host and its certificate's validation
 * record. A {@link io.github.mtasts.sdk.cloudflare.PolicyWorker} serves the policy from a Worker
 * at {@code mta-sts.<domain>} (RFC 8461 §3.3), a Workers custom domain for which Cloudflare makes
 * the DNS record and the certificate; many domains may share one Worker script. The resources
 * take zone ids: {@link io.github.mtasts.sdk.cloudflare.CloudflareFunctions#getZone} finds the id
 * of a zone name. The id changes only after the Worker serves the new body: let the {@code
 * _mta-sts} record depend on the PolicyWorker.
 *
 * <p>Like the rest of the SDK, these classes only declare resources; the provider plugin
 * {@code pulumi-resource-mtasts} calls Cloudflare's API with the provider's
 * {@code cloudflareApiToken}.
 */
package io.github.mtasts.sdk.cloudflare;

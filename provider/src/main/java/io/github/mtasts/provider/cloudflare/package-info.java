/**
 * The Cloudflare resources of the provider: {@code mtasts:cloudflare:Record}, a DNS record in a
 * Cloudflare zone through the record resource every DNS service shares ({@link
 * io.github.mtasts.provider.cloudflare.CloudflareRecordService}); {@code
 * mtasts:cloudflare:PolicyWorker}, one mail domain's policy host served by a Worker script that
 * many domains share ({@link io.github.mtasts.provider.cloudflare.PolicyWorkerResource}); and the
 * function {@code mtasts:cloudflare:getZone}, which turns a zone name into the zone id they take.
 * They reach Cloudflare through {@link io.github.mtasts.provider.cloudflare.CloudflareAccess},
 * with the provider's settings {@code cloudflareApiToken} (secret), {@code cloudflareAccountId}
 * and {@code cloudflareApiBaseUrl}; the cloud operations themselves are the {@code cloudflare}
 * module's.
 */
package io.github.mtasts.provider.cloudflare;

package io.github.mtasts.cloudflare;

/**
 * A Workers custom domain: a host name whose requests Cloudflare hands to a Worker, with the DNS
 * record and the certificate Cloudflare makes for it.
 *
 * @param id the custom domain's id
 * @param hostname the host name, such as {@code mta-sts.example.com}
 * @param service the Worker's script name
 * @param zoneId the zone of the host name
 * @param zoneName the zone's domain
 */
public record CustomDomain(String id, String hostname, String service, String zoneId, String zoneName) {}

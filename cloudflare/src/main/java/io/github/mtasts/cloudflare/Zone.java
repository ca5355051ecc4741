package io.github.mtasts.cloudflare;

/**
 * A Cloudflare zone: a domain whose DNS Cloudflare serves.
 *
 * @param id the zone id, 32 hexadecimal digits
 * @param name the zone's domain, such as {@code example.com}
 */
public record Zone(String id, String name) {}

package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;

/**
 * Where an {@link MtaSts} component publishes its DNS records: the {@code _mta-sts} and
 * {@code _smtp._tls} TXT records (RFC 8461 §3.1, RFC 8460 §3), and whatever records its
 * {@link Hosting} asks for (the {@code mta-sts} host name of the policy site, the record that
 * validates its certificate).
 *
 * <p>A DNS service is a strategy the component calls: it turns a {@link DnsRecord} into a
 * resource of its own kind. The component never asks which service it has, so another service
 * is another implementation of this interface, with the component unchanged.
 */
public interface Dns {

  /**
   * Publishes the records in an existing Route 53 hosted zone that holds the mail domain.
   *
   * @param zoneId the hosted zone id, for example {@code Z0123456789ABCDEFGHIJ}; the
   *     {@code /hostedzone/} prefix of the API's long form is accepted
   * @return the DNS target
   * @throws InvalidInputException when the id cannot be a hosted zone id
   */
  static Dns route53(String zoneId) {
    return new Route53Dns(zoneId);
  }

  /**
   * Publishes the records in a Cloudflare zone that holds the mail domain, never proxied. The
   * provider needs an API token with Zone / Zone / Read and Zone / DNS / Edit on the zone (its
   * setting {@code cloudflareApiToken}).
   *
   * @param zoneIdOrName the zone id (32 hexadecimal digits, in the zone's Overview in the
   *     dashboard), or the zone's name, such as {@code example.com}, which the provider looks up
   *     ({@code mtasts:cloudflare:getZone}) in previews and updates
   * @return the DNS target
   * @throws InvalidInputException when it is neither a zone id nor a domain name
   */
  static Dns cloudflare(String zoneIdOrName) {
    return new CloudflareDns(zoneIdOrName);
  }

  /**
   * Declares one record set in this DNS service, as a child of the component.
   *
   * @param record what to publish, and the resource options (parent, dependencies) to declare
   *     it with
   * @return the declared record
   */
  PublishedRecord publish(DnsRecord record);

  /**
   * Describes this DNS target in messages, the way a program writes it.
   *
   * @return for example {@code Dns.route53("Z0123456789ABCDEFGHIJ")}
   */
  String describe();
}

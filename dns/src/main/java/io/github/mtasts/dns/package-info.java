/**
 * What every DNS service needs to publish MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) records, so
 * that a new service is new classes only: the record set as mtasts writes it
 * ({@link io.github.mtasts.dns.DnsRecord}: TXT texts or one CNAME target), its identity and import
 * id ({@link io.github.mtasts.dns.RecordId}, {@code ZONEID/NAME/TYPE}), names in one form
 * ({@link io.github.mtasts.dns.DnsNames}), TXT texts quoted and split into character-strings of at
 * most 255 octets (RFC 1035 §3.3.14, {@link io.github.mtasts.dns.TxtStrings}), and the contract
 * of a service's store ({@link io.github.mtasts.dns.RecordStore}): create never overwrites, an
 * existing record set is reported with its import id
 * ({@link io.github.mtasts.dns.RecordExistsException}).
 *
 * <p>A domain announces MTA-STS with one TXT record at {@code _mta-sts.DOMAIN} (RFC 8461 §3.1) and
 * TLS-RPT with one at {@code _smtp._tls.DOMAIN} (RFC 8460 §3); the policy host
 * {@code mta-sts.DOMAIN} is often a CNAME to where the policy is served, and a certificate
 * authority may ask for a CNAME to validate its certificate. JDK only: each service's module
 * (Route 53 in {@code io.github.mtasts.aws}) implements the store, and the resource provider
 * serves one record resource over any store.
 */
package io.github.mtasts.dns;

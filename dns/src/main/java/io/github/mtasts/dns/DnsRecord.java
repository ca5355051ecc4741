package io.github.mtasts.dns;

import java.util.List;
import java.util.Objects;

/**
 * A record set as mtasts writes and reads it in any DNS service: a TXT record set with its
 * texts, or a CNAME with its one target.
 *
 * <p>TXT values are the logical texts (one per record of the set), unquoted; quoting and the
 * split into strings of at most 255 octets happen in the service's own form when the set is
 * sent ({@link TxtStrings}). Names are kept lower case without trailing dot. A service's own
 * limits (a longest TTL, a longest value) are its store's to check.
 *
 * <p>Some services can answer for a name with the addresses of their own HTTP proxy instead of
 * the record's value (Cloudflare's "proxied" records); a service without such a proxy refuses
 * a proxied record.
 *
 * @param id zone, name and type
 * @param ttl how long resolvers may cache the set, in seconds
 * @param values the texts of a TXT set, or the one target of a CNAME
 * @param proxied whether the service's proxy answers for the name instead of the values
 */
public record DnsRecord(RecordId id, long ttl, List<String> values, boolean proxied) {

  /**
   * Validates the record set: a TTL that is not negative, at least one value, exactly one
   * target for a CNAME (RFC 1034 §3.6.2), normalised like a name.
   *
   * @throws InvalidRecordException naming the invalid field
   */
  public DnsRecord {
    Objects.requireNonNull(id, "id");
    if (ttl < 0) {
      throw new InvalidRecordException("ttl", ttl, "use a TTL of 0 seconds or more");
    }
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new InvalidRecordException("values", values, "give at least one value");
    }
    if (id.type() == RecordType.CNAME) {
      if (values.size() != 1) {
        throw new InvalidRecordException("values", values, "a CNAME has exactly one target");
      }
      values = List.of(DnsNames.normalize("values", values.get(0)));
    }
  }

  /**
   * A record set that is not proxied, as every service publishes by default.
   *
   * @param id zone, name and type
   * @param ttl how long resolvers may cache the set, in seconds
   * @param values the texts of a TXT set, or the one target of a CNAME
   * @throws InvalidRecordException naming the invalid field
   */
  public DnsRecord(RecordId id, long ttl, List<String> values) {
    this(id, ttl, values, false);
  }
}

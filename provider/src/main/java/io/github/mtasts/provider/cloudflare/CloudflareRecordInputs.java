package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.util.List;

/**
 * The checked inputs of a {@code mtasts:cloudflare:Record}, decoded once: those of every DNS
 * record resource, and whether Cloudflare's proxy answers for the name.
 *
 * @param zoneId the zone id, normalised
 * @param name the record name, lower case, without trailing dot
 * @param type TXT or CNAME
 * @param ttl seconds, or 1 for Cloudflare's automatic TTL
 * @param values the one TXT text, unquoted, or the one CNAME target
 * @param proxied whether Cloudflare's proxy answers for the name
 */
public record CloudflareRecordInputs(String zoneId, String name, RecordType type, long ttl, List<String> values,
    boolean proxied) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static CloudflareRecordInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, CloudflareRecordInputs.class);
  }

  /**
   * The record set these inputs declare.
   *
   * @return the record set
   * @throws io.github.mtasts.dns.InvalidRecordException when a rule every DNS service shares fails
   */
  DnsRecord record() {
    return new DnsRecord(new RecordId(zoneId, name, type), ttl, values, proxied);
  }
}

package io.github.mtasts.provider.dns;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.provider.host.InputRecord;
import io.github.mtasts.provider.host.PropertyMap;
import java.util.List;

/**
 * The checked inputs of a DNS record resource, decoded once.
 *
 * @param zoneId the zone's id in its DNS service, normalised
 * @param name the record name, lower case, without trailing dot
 * @param type TXT or CNAME
 * @param ttl how long resolvers may cache the record, in seconds
 * @param values the TXT texts, unquoted, or the one CNAME target
 */
public record RecordInputs(String zoneId, String name, RecordType type, long ttl, List<String> values) {

  /**
   * Decodes checked, known inputs.
   *
   * @param inputs inputs that passed Check
   * @return the typed inputs
   */
  static RecordInputs of(PropertyMap inputs) {
    return InputRecord.decode(inputs, RecordInputs.class);
  }

  /**
   * The record set these inputs declare.
   *
   * @return the record set
   * @throws io.github.mtasts.dns.InvalidRecordException when a rule every DNS service shares fails
   */
  DnsRecord record() {
    return new DnsRecord(new RecordId(zoneId, name, type), ttl, values);
  }
}

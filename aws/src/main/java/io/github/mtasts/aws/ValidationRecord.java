package io.github.mtasts.aws;

/**
 * A DNS record that ACM looks up to prove control of a domain before issuing a certificate
 * (DNS validation): always a CNAME from a name under the domain to a name under
 * {@code acm-validations.aws}.
 *
 * @param name the record name, lower case, without trailing dot
 * @param type the record type as ACM gives it (CNAME)
 * @param value the record value, lower case, without trailing dot
 */
public record ValidationRecord(String name, String type, String value) {

  /**
   * Returns the Route 53 record set that publishes this validation record.
   *
   * @param zoneId the hosted zone of the domain
   * @return a CNAME record set with a TTL of 300 s
   * @throws InvalidSpecException when the zone id is malformed
   */
  public RecordSet toRecordSet(String zoneId) {
    return RecordSet.builder()
        .zoneId(zoneId)
        .name(name)
        .type(RecordType.valueOf(type))
        .ttl(300)
        .values(value)
        .build();
  }
}

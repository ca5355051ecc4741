package io.github.mtasts.dns;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies a record set in a DNS service by zone, name and type: a zone holds one record set
 * per name and type. Also the import id of a record resource, written {@code ZONEID/NAME/TYPE},
 * e.g. {@code Z0123456789ABC/_mta-sts.example.com/TXT}.
 *
 * @param zone the zone's id in its DNS service; each service checks its own form
 * @param name the record name, lower case, without trailing dot
 * @param type the record type
 */
public record RecordId(String zone, String name, RecordType type) {

  /**
   * Validates and normalises the parts.
   *
   * @throws InvalidRecordException when a part is malformed
   */
  public RecordId {
    if (zone == null || zone.isEmpty() || zone.contains("/") || !zone.strip().equals(zone)) {
      throw new InvalidRecordException("zone", zone, "give the zone's id, without '/' or spaces");
    }
    name = DnsNames.normalize("name", name);
    Objects.requireNonNull(type, "type");
  }

  /**
   * Parses an import id.
   *
   * @param id {@code ZONEID/NAME/TYPE}
   * @param zoneExample a zone id of the service, for the message
   * @return the id
   * @throws InvalidRecordException when it does not have that shape
   */
  public static RecordId parse(String id, String zoneExample) {
    String[] parts = id == null ? new String[0] : id.split("/", -1);
    String shape = "use ZONEID/NAME/TYPE, e.g. " + zoneExample + "/_mta-sts.example.com/TXT";
    if (parts.length != 3) {
      throw new InvalidRecordException("id", id, shape);
    }
    RecordType type;
    try {
      type = RecordType.valueOf(parts[2].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRecordException("id", id, "the type must be TXT or CNAME");
    }
    try {
      return new RecordId(parts[0], parts[1], type);
    } catch (InvalidRecordException e) {
      throw new InvalidRecordException("id", id, e.getMessage() + "; " + shape);
    }
  }

  /**
   * The import id.
   *
   * @return {@code ZONEID/NAME/TYPE}
   */
  @Override
  public String toString() {
    return zone + "/" + name + "/" + type;
  }
}

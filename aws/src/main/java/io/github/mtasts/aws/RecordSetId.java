package io.github.mtasts.aws;

import java.util.Locale;

/**
 * Identifies a Route 53 record set by hosted zone, name and type; also the import id of a
 * {@code mtasts:aws:Record}, written {@code ZONEID/NAME/TYPE}, e.g.
 * {@code Z0123456789ABC/_mta-sts.example.com/TXT}.
 *
 * @param zoneId the hosted zone id without the {@code /hostedzone/} prefix
 * @param name the record name, lower case, without trailing dot
 * @param type the record type
 */
public record RecordSetId(String zoneId, String name, RecordType type) {

  /**
   * Validates and normalises the parts.
   *
   * @throws InvalidSpecException when a part is malformed
   */
  public RecordSetId {
    zoneId = RecordSet.normalizeZoneId(zoneId);
    name = RecordSet.normalizeName("name", name);
    if (type == null) {
      throw new InvalidSpecException("type", null, "use one of TXT, CNAME, A, AAAA");
    }
  }

  /**
   * Parses an import id.
   *
   * @param id {@code ZONEID/NAME/TYPE}
   * @return the id
   * @throws InvalidSpecException when it does not have that shape
   */
  public static RecordSetId parse(String id) {
    String[] parts = id == null ? new String[0] : id.split("/", -1);
    if (parts.length != 3) {
      throw new InvalidSpecException("id", id,
          "use ZONEID/NAME/TYPE, e.g. Z0123456789ABC/_mta-sts.example.com/TXT");
    }
    RecordType type;
    try {
      type = RecordType.valueOf(parts[2].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException("id", id, "the type must be one of TXT, CNAME, A, AAAA");
    }
    return new RecordSetId(parts[0], parts[1], type);
  }

  /**
   * Returns the import id.
   *
   * @return {@code ZONEID/NAME/TYPE}
   */
  @Override
  public String toString() {
    return zoneId + "/" + name + "/" + type;
  }
}

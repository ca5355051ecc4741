package io.github.mtasts.aws;

import io.github.mtasts.dns.DnsNames;
import io.github.mtasts.dns.InvalidRecordException;
import io.github.mtasts.dns.TxtStrings;
import io.github.mtasts.dns.TxtStrings.OctetEscape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Route 53 record set as this package writes and reads it: a TXT record with its texts, a
 * CNAME, or an A/AAAA alias.
 *
 * <p>TXT values are the logical texts (one per record of the set), unquoted; the quoting and
 * the split into strings of at most 255 bytes that DNS requires happen when the set is sent
 * (see {@link TxtStrings}, in Route 53's octal notation). Names are kept lower case without
 * trailing dot.
 */
public final class RecordSet {

  /** Route 53's limit on one value as sent, quotes and escapes included. */
  static final int MAX_VALUE_CHARS = 4000;

  private final String zoneId;
  private final String name;
  private final RecordType type;
  private final long ttl;
  private final List<String> values;
  private final AliasTarget alias;

  private RecordSet(Builder builder) {
    this.zoneId = builder.zoneId;
    this.name = builder.name;
    this.type = builder.type;
    this.ttl = builder.alias == null ? builder.ttl : 0;
    this.values = List.copyOf(builder.values);
    this.alias = builder.alias;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with this record set's fields.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = builder().zoneId(zoneId).name(name).type(type).values(values);
    if (alias != null) {
      builder.alias(alias);
    } else {
      builder.ttl(ttl);
    }
    return builder;
  }

  /**
   * Returns the identity of this record set (also its import id).
   *
   * @return zone, name and type
   */
  public RecordSetId id() {
    return new RecordSetId(zoneId, name, type);
  }

  /**
   * Returns the hosted zone id.
   *
   * @return e.g. {@code Z0123456789ABC}
   */
  public String zoneId() {
    return zoneId;
  }

  /**
   * Returns the record name.
   *
   * @return lower case, without trailing dot
   */
  public String name() {
    return name;
  }

  /**
   * Returns the record type.
   *
   * @return the type
   */
  public RecordType type() {
    return type;
  }

  /**
   * Returns the time to live in seconds; 0 for an alias, whose TTL is the target's.
   *
   * @return the TTL
   */
  public long ttl() {
    return ttl;
  }

  /**
   * Returns the values: the texts of a TXT set (unquoted), or the one target of a CNAME;
   * empty for an alias.
   *
   * @return the values in order
   */
  public List<String> values() {
    return values;
  }

  /**
   * Returns the alias target, for an A/AAAA alias.
   *
   * @return the target
   */
  public Optional<AliasTarget> alias() {
    return Optional.ofNullable(alias);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordSet other && zoneId.equals(other.zoneId) && name.equals(other.name)
        && type == other.type && ttl == other.ttl && values.equals(other.values)
        && Objects.equals(alias, other.alias);
  }

  @Override
  public int hashCode() {
    return Objects.hash(zoneId, name, type, ttl, values, alias);
  }

  @Override
  public String toString() {
    return id() + (alias != null ? " alias " + alias.dnsName() : " ttl " + ttl + " " + values);
  }

  /**
   * Checks a hosted zone id; accepts {@code Z123} and Route 53's {@code /hostedzone/Z123}.
   *
   * @param zoneId the id as given
   * @return the id without prefix
   * @throws InvalidSpecException naming the field {@code zoneId}, the value and the fix
   */
  public static String normalizeZoneId(String zoneId) {
    String id = zoneId == null ? "" : zoneId.replaceFirst("^/?hostedzone/", "");
    if (!id.matches("[A-Z0-9]{1,32}")) {
      throw new InvalidSpecException("zoneId", zoneId,
          "use the Route 53 hosted zone id, e.g. Z0123456789ABC (upper-case letters and digits)");
    }
    return id;
  }

  /**
   * Lower-cases a DNS name, drops a trailing dot and checks it, by the rule every DNS service
   * shares ({@link DnsNames#normalize}), with this package's exception.
   *
   * @param field the input's name, for the message
   * @param name the name as given
   * @return the name in lower case without trailing dot
   * @throws InvalidSpecException naming the field, the value and the fix
   */
  public static String normalizeName(String field, String name) {
    try {
      return DnsNames.normalize(field, name);
    } catch (InvalidRecordException e) {
      throw new InvalidSpecException(field, name, e.fix());
    }
  }

  /** Builds a {@link RecordSet}. */
  public static final class Builder {
    private String zoneId;
    private String name;
    private RecordType type;
    private long ttl = 300;
    private List<String> values = new ArrayList<>();
    private AliasTarget alias;

    private Builder() {}

    /**
     * Sets the hosted zone id.
     *
     * @param zoneId e.g. {@code Z0123456789ABC} or {@code /hostedzone/Z0123456789ABC}
     * @return this builder
     */
    public Builder zoneId(String zoneId) {
      this.zoneId = zoneId;
      return this;
    }

    /**
     * Sets the record name.
     *
     * @param name e.g. {@code _mta-sts.example.com}, trailing dot optional
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the record type.
     *
     * @param type the type
     * @return this builder
     */
    public Builder type(RecordType type) {
      this.type = type;
      return this;
    }

    /**
     * Sets the time to live in seconds (default 300); not used for an alias.
     *
     * @param ttl 0 to 2147483647
     * @return this builder
     */
    public Builder ttl(long ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * Replaces the values.
     *
     * @param values the TXT texts or the CNAME target
     * @return this builder
     */
    public Builder values(List<String> values) {
      this.values = new ArrayList<>(values);
      return this;
    }

    /**
     * Replaces the values.
     *
     * @param values the TXT texts or the CNAME target
     * @return this builder
     */
    public Builder values(String... values) {
      return values(Arrays.asList(values));
    }

    /**
     * Makes this an alias record (A or AAAA) to the target; values must then be empty.
     *
     * @param alias the target
     * @return this builder
     */
    public Builder alias(AliasTarget alias) {
      this.alias = Objects.requireNonNull(alias, "alias");
      return this;
    }

    /**
     * Builds the record set.
     *
     * @return the record set
     * @throws InvalidSpecException naming the first invalid field
     */
    public RecordSet build() {
      zoneId = normalizeZoneId(zoneId);
      name = normalizeName("name", name);
      if (type == null) {
        throw new InvalidSpecException("type", null, "use one of TXT, CNAME, A, AAAA");
      }
      if (alias != null) {
        if (type != RecordType.A && type != RecordType.AAAA) {
          throw new InvalidSpecException("type", type, "an alias record must be A or AAAA");
        }
        if (!values.isEmpty()) {
          throw new InvalidSpecException("values", values, "an alias record has no values");
        }
        return new RecordSet(this);
      }
      if (ttl < 0 || ttl > Integer.MAX_VALUE) {
        throw new InvalidSpecException("ttl", ttl, "use 0 to 2147483647 seconds");
      }
      if (values.isEmpty()) {
        throw new InvalidSpecException("values", values, "give at least one value");
      }
      switch (type) {
        case TXT -> {
          for (String value : values) {
            Objects.requireNonNull(value, "values");
            if (TxtStrings.encode(value, OctetEscape.OCTAL).length() > MAX_VALUE_CHARS) {
              throw new InvalidSpecException("values", abbreviate(value), "Route 53 takes at most "
                  + MAX_VALUE_CHARS + " characters per TXT value once quoted: shorten it");
            }
          }
        }
        case CNAME -> {
          if (values.size() != 1) {
            throw new InvalidSpecException("values", values, "a CNAME has exactly one target");
          }
          values = List.of(normalizeName("values", values.get(0)));
        }
        default -> throw new InvalidSpecException("type", type,
            "A and AAAA records are managed only as aliases: set alias");
      }
      return new RecordSet(this);
    }

    private static String abbreviate(String value) {
      return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
  }
}

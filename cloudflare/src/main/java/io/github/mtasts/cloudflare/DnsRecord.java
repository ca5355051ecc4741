package io.github.mtasts.cloudflare;

import io.github.mtasts.policy.CloudflareZones;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Cloudflare DNS record: zone, name, type, value, TTL, whether it is proxied, and the comment
 * and tags that tell who manages it.
 *
 * <p>The value is the record's meaning, not Cloudflare's encoding of it: a TXT record's text
 * without quotes (this package quotes and splits it, see the package comment), a CNAME's target
 * host name. Records read from Cloudflare carry their id; records to create do not.
 */
public final class DnsRecord {

  /** The API description's {@code ttl}: "Setting to 1 means 'automatic'". */
  public static final int AUTOMATIC_TTL = 1;
  private static final Pattern TYPE = Pattern.compile("[A-Z0-9]{1,10}");

  private final String id;
  private final String zoneId;
  private final String name;
  private final String type;
  private final String value;
  private final int ttl;
  private final boolean proxied;
  private final String comment;
  private final List<String> tags;

  private DnsRecord(Builder builder) {
    this.id = builder.id;
    this.zoneId = builder.zoneId;
    this.name = builder.name;
    this.type = builder.type;
    this.value = builder.value;
    this.ttl = builder.ttl;
    this.proxied = builder.proxied;
    this.comment = builder.comment;
    this.tags = List.copyOf(builder.tags);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder, TTL automatic, not proxied
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this record.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.zoneId = zoneId;
    builder.name = name;
    builder.type = type;
    builder.value = value;
    builder.ttl = ttl;
    builder.proxied = proxied;
    builder.comment = comment;
    builder.tags.addAll(tags);
    return builder;
  }

  /**
   * Returns Cloudflare's id of the record, once it exists.
   *
   * @return 32 hexadecimal digits
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /**
   * Returns the zone.
   *
   * @return the zone id
   */
  public String zoneId() {
    return zoneId;
  }

  /**
   * Returns the fully qualified name, lower case, without trailing dot.
   *
   * @return e.g. {@code _mta-sts.example.com}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the type.
   *
   * @return e.g. {@code TXT}
   */
  public String type() {
    return type;
  }

  /**
   * Returns the value: a TXT record's text, a CNAME's target.
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  /**
   * Returns the TTL.
   *
   * @return {@link #AUTOMATIC_TTL} or seconds
   */
  public int ttl() {
    return ttl;
  }

  /**
   * Returns whether Cloudflare's proxy answers for the name instead of the record's value.
   *
   * @return whether proxied
   */
  public boolean proxied() {
    return proxied;
  }

  /**
   * Returns the comment.
   *
   * @return the comment, if any
   */
  public Optional<String> comment() {
    return Optional.ofNullable(comment);
  }

  /**
   * Returns the tags.
   *
   * @return {@code name:value} tags
   */
  public List<String> tags() {
    return tags;
  }

  /**
   * Checks what Cloudflare accepts in a record it is sent; records read from Cloudflare may go
   * beyond (a paid plan's longer comment).
   *
   * @throws InvalidSpecException naming the field, its value and the fix
   */
  void checkWritable() {
    // The API description's ttl: 1 (automatic) or 60 to 86400 (30 only for Enterprise zones).
    if (ttl != AUTOMATIC_TTL && (ttl < 60 || ttl > 86400)) {
      throw new InvalidSpecException("ttl", ttl, "use 1 (automatic) or 60 to 86400 seconds");
    }
    if (proxied && !List.of("A", "AAAA", "CNAME").contains(type)) {
      throw new InvalidSpecException("proxied", true, "only A, AAAA and CNAME records can be proxied");
    }
    if (comment != null && (comment.length() > CloudflareSettings.MAX_COMMENT_LENGTH
        || comment.contains("\n") || comment.contains("\r"))) {
      throw new InvalidSpecException("comment", comment, "use at most "
          + CloudflareSettings.MAX_COMMENT_LENGTH + " characters on one line");
    }
  }

  /** Cloudflare's {@code content} for the value. */
  String content() {
    return type.equals("TXT") ? TxtContent.quote(value) : value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DnsRecord r && Objects.equals(id, r.id) && zoneId.equals(r.zoneId)
        && name.equals(r.name) && type.equals(r.type) && value.equals(r.value) && ttl == r.ttl
        && proxied == r.proxied && Objects.equals(comment, r.comment) && tags.equals(r.tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, zoneId, name, type, value, ttl, proxied, comment, tags);
  }

  @Override
  public String toString() {
    return type + " " + name + " \"" + value + "\" (zone " + zoneId + (id == null ? "" : ", id " + id)
        + ", ttl " + ttl + (proxied ? ", proxied" : "") + (comment == null ? "" : ", comment \"" + comment + "\"")
        + (tags.isEmpty() ? "" : ", tags " + tags) + ")";
  }

  /** Builds a {@link DnsRecord}. */
  public static final class Builder {
    private String id;
    private String zoneId;
    private String name;
    private String type;
    private String value;
    private int ttl = AUTOMATIC_TTL;
    private boolean proxied;
    private String comment;
    private final List<String> tags = new ArrayList<>();

    private Builder() {}

    /**
     * Sets Cloudflare's id, for a record that exists.
     *
     * @param id 32 hexadecimal digits
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the zone.
     *
     * @param zoneId 32 hexadecimal digits
     * @return this builder
     */
    public Builder zoneId(String zoneId) {
      this.zoneId = zoneId;
      return this;
    }

    /**
     * Sets the fully qualified name.
     *
     * @param name e.g. {@code _mta-sts.example.com}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the type.
     *
     * @param type e.g. {@code TXT} or {@code CNAME}
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type == null ? null : type.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Sets the value: a TXT record's text without quotes, a CNAME's target.
     *
     * @param value the value
     * @return this builder
     */
    public Builder value(String value) {
      this.value = value;
      return this;
    }

    /**
     * Sets the TTL.
     *
     * @param ttl {@link #AUTOMATIC_TTL}, or 60 to 86400 seconds
     * @return this builder
     */
    public Builder ttl(int ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets whether Cloudflare's proxy answers for the name.
     *
     * @param proxied whether proxied
     * @return this builder
     */
    public Builder proxied(boolean proxied) {
      this.proxied = proxied;
      return this;
    }

    /**
     * Sets the comment.
     *
     * @param comment the comment, or null for none
     * @return this builder
     */
    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /**
     * Sets the tags.
     *
     * @param tags {@code name:value} tags
     * @return this builder
     */
    public Builder tags(List<String> tags) {
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    /**
     * Builds the record.
     *
     * @return the record
     * @throws InvalidSpecException naming the first invalid field, its value and the fix (the
     *     limits of what Cloudflare accepts are checked when the record is sent)
     */
    public DnsRecord build() {
      if (zoneId == null || !CloudflareZones.isId(zoneId)) {
        throw new InvalidSpecException("zoneId", zoneId, "use the zone id, 32 hexadecimal digits");
      }
      name = DnsNames.check("name", name);
      if (type == null || !TYPE.matcher(type).matches()) {
        throw new InvalidSpecException("type", type, "use a record type such as TXT or CNAME");
      }
      if (value == null || value.isEmpty()) {
        throw new InvalidSpecException("value", value, "give the record's text or target");
      }
      if (type.equals("CNAME")) {
        value = DnsNames.check("value", value);
      }
      return new DnsRecord(this);
    }
  }
}

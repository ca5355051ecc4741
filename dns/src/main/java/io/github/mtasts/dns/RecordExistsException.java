package io.github.mtasts.dns;

import java.util.Optional;

/**
 * A record set with the same zone, name and type already exists, so the store refused to
 * create it; nothing was changed.
 *
 * <p>What a caller must do: tell the user, who either imports the existing record set (its
 * import id is {@link #id()}) so it is managed from then on, or removes it. Never retry with an
 * update: that would silently overwrite a record someone else manages (for MTA-STS it could
 * leave two policies' ids in play, RFC 8461 §3.1).
 */
public final class RecordExistsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RecordId id;
  private final transient DnsRecord existing;

  /**
   * The refusal of a create.
   *
   * @param id the record set that exists
   * @param existing the record set as read right after the refusal, or null when it could not be read
   * @param cause what the service answered
   */
  public RecordExistsException(RecordId id, DnsRecord existing, Throwable cause) {
    super(id.name() + " " + id.type() + " already exists in zone " + id.zone() + "; it was not changed", cause);
    this.id = id;
    this.existing = existing;
  }

  /**
   * The id to import the existing record set with.
   *
   * @return zone, name and type
   */
  public RecordId id() {
    return id;
  }

  /**
   * The existing record set, when it could be read.
   *
   * @return the existing record set
   */
  public Optional<DnsRecord> existing() {
    return Optional.ofNullable(existing);
  }
}

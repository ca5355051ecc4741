package io.github.mtasts.aws;

import java.util.Optional;

/**
 * A record set with the same name and type already exists in the hosted zone, so Route 53
 * refused to create it; nothing was changed.
 *
 * <p>What a caller must do: tell the user, who either imports the existing record set (Pulumi:
 * {@code pulumi import mtasts:aws:Record NAME } followed by {@link #importId()}) so it is managed
 * from then on, or removes it. Never retry with an UPSERT: that would silently overwrite a
 * record someone else manages (for MTA-STS it could leave two policies' ids in play).
 */
public final class RecordSetExistsException extends AwsOperationException {

  private final RecordSetId id;
  private final RecordSet existing;

  RecordSetExistsException(RecordSetId id, RecordSet existing, Throwable cause) {
    super("Route 53 record set " + id.name() + " " + id.type() + " already exists in hosted zone "
        + id.zoneId() + (existing == null ? "" : " with " + existing.values())
        + "; it was not changed. Import it to manage it (import id " + id
        + ") or delete it, then run again", "InvalidChangeBatch", cause);
    this.id = id;
    this.existing = existing;
  }

  /**
   * Returns the id to import the existing record set with.
   *
   * @return {@code ZONEID/NAME/TYPE}
   */
  public RecordSetId importId() {
    return id;
  }

  /**
   * Returns the existing record set as read right after the refusal, when it could be read.
   *
   * @return the existing record set
   */
  public Optional<RecordSet> existing() {
    return Optional.ofNullable(existing);
  }
}

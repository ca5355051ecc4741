package io.github.mtasts.cloudflare;

import io.github.mtasts.policy.Excerpt;

/**
 * An input to this package is invalid; nothing was sent to Cloudflare.
 *
 * <p>What a caller must do: show {@link #getMessage()} to the user, who fixes the named field.
 * The message names the field, the value (never an API token's) and the fix.
 */
public final class InvalidSpecException extends IllegalArgumentException {

  private final String field;

  InvalidSpecException(String field, Object value, String fix) {
    super(field + " " + (value == null ? "is missing" : Excerpt.quote(String.valueOf(value)) + " is invalid") + ": " + fix);
    this.field = field;
  }

  /** For a secret: the message says what is wrong without the value. */
  static InvalidSpecException secret(String field, String problem) {
    return new InvalidSpecException(field, problem);
  }

  private InvalidSpecException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  /**
   * Returns the name of the invalid input.
   *
   * @return e.g. {@code accountId}
   */
  public String field() {
    return field;
  }
}

package io.github.mtasts.github;

import io.github.mtasts.policy.Excerpt;

/**
 * An input value for a GitHub operation is invalid; nothing was sent to GitHub.
 *
 * <p>What a caller must do: show {@link #getMessage()} (it names the field, the value unless it
 * is a secret, and the fix) against the input property named by {@link #field()}, for example as
 * a Pulumi Check failure, and not retry with the same value.
 */
public final class InvalidSpecException extends IllegalArgumentException {

  private final String field;

  /**
   * Creates an exception for one invalid field whose value may be shown.
   *
   * @param field the input property, e.g. {@code repository}
   * @param value the rejected value (never a secret), may be null
   * @param fix what a valid value looks like
   */
  public InvalidSpecException(String field, Object value, String fix) {
    this(field, field + ": " + (value == null ? "missing" : "invalid value " + Excerpt.quote(String.valueOf(value)))
        + ": " + fix);
  }

  private InvalidSpecException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * Creates an exception for one invalid secret field: the message never shows the value.
   *
   * @param field the input property, e.g. {@code githubToken}
   * @param fix what a valid value looks like
   * @return the exception
   */
  static InvalidSpecException secret(String field, String fix) {
    return new InvalidSpecException(field,
        field + ": invalid value (not shown: it is a secret): " + fix);
  }

  /**
   * Returns the name of the invalid input property.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }
}

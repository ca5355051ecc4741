package io.github.mtasts.aws;

import io.github.mtasts.policy.Excerpt;

/**
 * An input value for an AWS operation is invalid; nothing was sent to AWS.
 *
 * <p>What a caller must do: show {@link #getMessage()} (it names the field, the value and the
 * fix) against the input property named by {@link #field()}, for example as a Pulumi Check
 * failure, and not retry with the same value.
 */
public final class InvalidSpecException extends IllegalArgumentException {

  private final String field;

  /**
   * Creates an exception for one invalid field.
   *
   * @param field the input property, e.g. {@code bucketName}
   * @param value the rejected value (never a secret), may be null
   * @param fix what a valid value looks like
   */
  public InvalidSpecException(String field, Object value, String fix) {
    super(field + ": " + (value == null ? "missing" : "invalid value " + Excerpt.quote(String.valueOf(value))) + ": " + fix);
    this.field = field;
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

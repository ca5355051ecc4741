package io.github.mtasts.dns;

/**
 * A value of a DNS record is invalid; nothing was sent to any DNS service.
 *
 * <p>What a caller must do: show {@link #getMessage()} (it names the field, the value and the
 * fix) against the input named by {@link #field()}, and not retry with the same value.
 */
public final class InvalidRecordException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 255;

  private final String field;
  private final String fix;

  /**
   * An exception for one invalid field.
   *
   * @param field the field, e.g. {@code name}
   * @param value the rejected value, may be null
   * @param fix what a valid value looks like
   */
  public InvalidRecordException(String field, Object value, String fix) {
    super(field + ": " + (value == null ? "missing" : "invalid value " + quote(String.valueOf(value))) + ": " + fix);
    this.field = field;
    this.fix = fix;
  }

  /**
   * The value in quotes; a value longer than any valid one (a DNS name has at most 253 characters,
   * a TXT string 255 bytes) is described by its length, so that the message stays small whatever
   * was given.
   */
  private static String quote(String value) {
    return value.length() <= MAX_QUOTED ? "\"" + value + "\"" : "of " + value.length() + " characters";
  }

  /**
   * The name of the invalid field.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * What a valid value looks like.
   *
   * @return the fix, without the field and the value
   */
  public String fix() {
    return fix;
  }
}

package io.github.mtasts.cloudflare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cloudflare API token, kept out of every text this package makes: {@link #toString()} hides
 * it and {@link #redact(String)} removes it, in any letter case, from text that came from
 * elsewhere (an answer of the API, an I/O error) before that text reaches an exception.
 */
final class ApiToken {

  /** What stands in a text where the token was. */
  static final String REDACTED = "[redacted]";

  private final String value;
  private final Pattern occurrences;

  private ApiToken(String value) {
    this.value = value;
    this.occurrences = Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE);
  }

  /**
   * Takes a token as the user gave it: white space around it (a copy-paste habit) is dropped;
   * inside it, only printable ASCII without spaces can go in an HTTP header.
   */
  static ApiToken of(String field, String given) {
    if (given == null || given.isBlank()) {
      throw InvalidSpecException.secret(field, "is missing: create an API token in the Cloudflare"
          + " dashboard (My Profile > API Tokens) and give it here");
    }
    String token = given.strip();
    if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw InvalidSpecException.secret(field, "has a space or a character outside printable"
          + " ASCII, which no Cloudflare API token has: copy the token again");
    }
    return new ApiToken(token);
  }

  /** The value of the {@code Authorization} header (the {@code api_token} bearer scheme). */
  String authorization() {
    return "Bearer " + value;
  }

  /** The text with every occurrence of the token, in any letter case, replaced. */
  String redact(String text) {
    return text == null ? null : occurrences.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}

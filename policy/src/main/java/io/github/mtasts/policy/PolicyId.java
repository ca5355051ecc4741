package io.github.mtasts.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code id} of an {@code _mta-sts} TXT record: 1 to 32 letters and digits.
 *
 * <p>Senders re-fetch the policy only when the id changes (RFC 8461 §3.1), so {@link
 * #derive(Policy)} computes it from the canonical body: it changes exactly when the body does.
 */
public final class PolicyId {
  // RFC 8461 §3.1: sts-id = %s"id=" 1*32(ALPHA / DIGIT)
  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9]{1,32}");
  private static final int MAX_LENGTH = 32;
  // 20 bytes are 160 bits, exactly 32 base32 characters: the longest id RFC 8461 allows.
  private static final int DIGEST_BYTES = 20;
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private final String value;

  private PolicyId(String value) {
    this.value = value;
  }

  /**
   * Parses an id.
   *
   * @param text the text after {@code id=}
   * @return the id, or an error naming the rule
   */
  public static ParseResult<PolicyId> parse(String text) {
    List<Problem> problems = new ArrayList<>();
    if (!SYNTAX.matcher(text).matches()) {
      String why =
          text.isEmpty()
              ? "is empty"
              : text.length() > MAX_LENGTH
                  ? "is " + text.length() + " characters long"
                  : "contains characters other than letters and digits";
      problems.add(
          Problem.error(
              "id",
              0,
              text,
              "id " + Excerpt.quote(text) + " " + why + ": RFC 8461 §3.1 requires 1 to 32 letters (A-Z, a-z) "
                  + "and digits (0-9)."));
    }
    return ParseResult.of(problems, () -> new PolicyId(text));
  }

  /**
   * Parses an id that must be valid.
   *
   * @param text 1 to 32 letters and digits
   * @return the id
   * @throws InvalidInputException when the text is not a valid id
   */
  public static PolicyId of(String text) {
    return parse(text).orElseThrow();
  }

  /**
   * Derives the id of a policy from its canonical body: the first 20 bytes of the SHA-256 of
   * {@link Policy#render()} in UTF-8, in lower-case base32 without padding (32 characters).
   *
   * @param policy the policy
   * @return an id that changes exactly when the rendered body changes
   */
  public static PolicyId derive(Policy policy) {
    byte[] digest = sha256(policy.render().getBytes(StandardCharsets.UTF_8));
    return new PolicyId(base32(digest, DIGEST_BYTES));
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /** RFC 4648 §6 base32 of the first {@code length} bytes, lower case, no padding. */
  private static String base32(byte[] bytes, int length) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < length; i++) {
      buffer = (buffer << 8) | (bytes[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >> (bits - 5)) & 0x1f]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 0x1f]);
    }
    return out.toString();
  }

  /** The id as written after {@code id=}. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    // RFC 8461 §3.1 gives ids no case rule; senders compare them as opaque strings.
    return o instanceof PolicyId && ((PolicyId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}

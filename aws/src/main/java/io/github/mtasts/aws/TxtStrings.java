package io.github.mtasts.aws;

import java.io.ByteArrayOutputStream;
import io.github.mtasts.policy.CharacterStrings;
import java.nio.charset.StandardCharsets;

/**
 * Converts between the text of one TXT record and the quoted form Route 53 takes and returns
 * as the record's value.
 *
 * <p>RFC 1035 §3.3.14: TXT RDATA is one or more {@code <character-string>}s, and RFC 1035 §3.3
 * limits each to 255 octets (one length octet, then the data). A longer text is therefore sent
 * as several strings, each in double quotes, separated by a space; a reader concatenates them
 * without separator (RFC 8460 §3 says so for the {@code _smtp._tls} record, and readers of the
 * {@code _mta-sts} record do the same). Inside quotes Route 53 wants {@code "} and {@code \} escaped with a
 * backslash and every other octet outside printable ASCII as a backslash and three octal digits.
 */
public final class TxtStrings {

  /** RFC 1035 §3.3: a character-string holds at most 255 octets. */
  public static final int MAX_STRING_OCTETS = CharacterStrings.MAX_OCTETS;

  private TxtStrings() {}

  /**
   * Quotes a text for Route 53, split into strings of at most 255 octets of UTF-8, never in the
   * middle of a UTF-8 sequence.
   *
   * @param text the record's text, e.g. {@code v=STSv1; id=20240101T000000}
   * @return e.g. {@code "v=STSv1; id=20240101T000000"}
   */
  public static String encode(String text) {
    // Route 53 writes escapes in octal, not in RFC 1035 §5.1's decimal.
    return CharacterStrings.quote(text, b -> String.format("\\%03o", b));
  }

  /**
   * Reads a TXT value as Route 53 returns it back into the record's text: the strings are
   * unescaped and concatenated. An unquoted value is taken as one string.
   *
   * @param value e.g. {@code "v=STSv1; " "id=1"}
   * @return e.g. {@code v=STSv1; id=1}
   * @throws IllegalArgumentException when a quote is not closed or an escape is cut off
   */
  public static String decode(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
    int i = 0;
    int n = value.length();
    while (i < n) {
      char c = value.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      boolean quoted = c == '"';
      if (quoted) {
        i++;
      }
      while (true) {
        if (i >= n) {
          if (quoted) {
            throw new IllegalArgumentException("TXT value has an unclosed quote: " + value);
          }
          break;
        }
        c = value.charAt(i);
        if (quoted && c == '"') {
          i++;
          break;
        }
        if (!quoted && (c == ' ' || c == '\t')) {
          break;
        }
        if (c == '\\') {
          i = unescape(value, i, out);
        } else {
          int codePoint = value.codePointAt(i);
          out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
          i += Character.charCount(codePoint);
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes the octet of the escape at {@code i} and returns the index after it. */
  private static int unescape(String value, int i, ByteArrayOutputStream out) {
    if (i + 1 >= value.length()) {
      throw new IllegalArgumentException("TXT value ends in a lone backslash: " + value);
    }
    if (i + 3 < value.length() && isOctal(value.charAt(i + 1)) && isOctal(value.charAt(i + 2))
        && isOctal(value.charAt(i + 3))) {
      out.write(Integer.parseInt(value.substring(i + 1, i + 4), 8) & 0xFF);
      return i + 4;
    }
    out.writeBytes(String.valueOf(value.charAt(i + 1)).getBytes(StandardCharsets.UTF_8));
    return i + 2;
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}

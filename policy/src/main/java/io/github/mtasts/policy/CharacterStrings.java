package io.github.mtasts.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Splits the text of a TXT record into the character-strings its RDATA is made of (RFC 1035
 * §3.3.14), each of at most 255 octets (RFC 1035 §3.3: one length octet, then the data), never
 * inside a UTF-8 sequence. Readers concatenate the strings without separator (RFC 8460 §3; the
 * {@code _mta-sts} record of RFC 8461 §3.1 is read the same way). In the master-file form
 * (RFC 1035 §5.1) each string is quoted, {@code "} and {@code \} are escaped with a backslash, and
 * other octets outside printable ASCII are written as an escape whose digits are the DNS
 * service's choice (decimal in RFC 1035, octal at Route 53).
 */
public final class CharacterStrings {

  /** RFC 1035 §3.3: a character-string holds at most 255 octets. */
  public static final int MAX_OCTETS = 255;

  private CharacterStrings() {}

  /**
   * Splits a text into character-strings.
   *
   * @param text the record's text
   * @return its UTF-8 octets in strings of 1 to 255 octets; one empty string for an empty text
   */
  public static List<byte[]> split(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<byte[]> strings = new ArrayList<>();
    int start = 0;
    do {
      int end = Math.min(bytes.length, start + MAX_OCTETS);
      // Back up to the first octet of a UTF-8 sequence (continuation octets are 10xxxxxx).
      while (end < bytes.length && end > start && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      strings.add(Arrays.copyOfRange(bytes, start, end));
      start = end;
    } while (start < bytes.length);
    return strings;
  }

  /**
   * Writes a text as quoted character-strings separated by a space.
   *
   * @param text the record's text
   * @param escape the escape of an octet outside printable ASCII, e.g. {@code \233}
   * @return e.g. {@code "v=STSv1; id=1"}
   */
  public static String quote(String text, IntFunction<String> escape) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte[] string : split(text)) {
      out.append(out.length() == 0 ? "\"" : " \"");
      for (byte octet : string) {
        int b = octet & 0xFF;
        if (b == '"' || b == '\\') {
          out.append('\\').append((char) b);
        } else if (b < 0x20 || b > 0x7E) {
          out.append(escape.apply(b));
        } else {
          out.append((char) b);
        }
      }
      out.append('"');
    }
    return out.toString();
  }
}

package io.github.mtasts.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Converts between the text of one TXT record and its presentation form: one or more quoted
 * character-strings, as DNS services take and return a TXT value.
 *
 * <p>RFC 1035 §3.3.14: TXT RDATA is one or more {@code <character-string>}s, and RFC 1035 §3.3
 * limits each to 255 octets (one length octet, then the data). A longer text is therefore sent
 * as several strings, each in double quotes, separated by a space; a reader concatenates them
 * without separator (RFC 8460 §3 says so for the {@code _smtp._tls} record, and readers of the
 * {@code _mta-sts} record do the same). Inside quotes {@code "} and {@code \} are escaped with a
 * backslash and every other octet outside printable ASCII as a backslash and three digits, in
 * the notation the service reads ({@link OctetEscape}).
 */
public final class TxtStrings {

  /** RFC 1035 §3.3: a character-string holds at most 255 octets. */
  public static final int MAX_STRING_OCTETS = 255;

  /** How a service writes an octet outside printable ASCII: a backslash and three digits. */
  public enum OctetEscape {
    /** RFC 1035 §5.1: {@code \DDD}, the octet's decimal value, as zone files write it. */
    DECIMAL(10),
    /** Three octal digits, as Route 53 writes and reads them. */
    OCTAL(8);

    private final int radix;

    OctetEscape(int radix) {
      this.radix = radix;
    }

    private void write(int octet, StringBuilder out) {
      String digits = Integer.toString(octet, radix);
      out.append('\\').append("0".repeat(3 - digits.length())).append(digits);
    }

    private boolean isDigit(char c) {
      return Character.digit(c, radix) >= 0;
    }

    private int read(String digits) {
      return Integer.parseInt(digits, radix);
    }
  }

  private TxtStrings() {}

  /**
   * Quotes a text, split into strings of at most 255 octets of UTF-8, never in the middle of a
   * UTF-8 sequence.
   *
   * @param text the record's text, e.g. {@code v=STSv1; id=20240101T000000}
   * @param escape how the service writes octets outside printable ASCII
   * @return e.g. {@code "v=STSv1; id=20240101T000000"}
   */
  public static String encode(String text, OctetEscape escape) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    int start = 0;
    do {
      int end = Math.min(bytes.length, start + MAX_STRING_OCTETS);
      // Back up to the first octet of a UTF-8 sequence (continuation octets are 10xxxxxx).
      while (end < bytes.length && end > start && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      if (start > 0) {
        out.append(' ');
      }
      out.append('"');
      for (int i = start; i < end; i++) {
        int b = bytes[i] & 0xFF;
        if (b == '"' || b == '\\') {
          out.append('\\').append((char) b);
        } else if (b < 0x20 || b > 0x7E) {
          escape.write(b, out);
        } else {
          out.append((char) b);
        }
      }
      out.append('"');
      start = end;
    } while (start < bytes.length);
    return out.toString();
  }

  /**
   * Reads a TXT value in presentation form back into the record's text: the strings are
   * unescaped and concatenated. An unquoted value is taken as one string.
   *
   * @param value e.g. {@code "v=STSv1; " "id=1"}
   * @param escape how the service writes octets outside printable ASCII
   * @return e.g. {@code v=STSv1; id=1}
   * @throws IllegalArgumentException when a quote is not closed or an escape is cut off
   */
  public static String decode(String value, OctetEscape escape) {
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
          i = unescape(value, i, escape, out);
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
  private static int unescape(String value, int i, OctetEscape escape, ByteArrayOutputStream out) {
    if (i + 1 >= value.length()) {
      throw new IllegalArgumentException("TXT value ends in a lone backslash: " + value);
    }
    if (i + 3 < value.length() && escape.isDigit(value.charAt(i + 1)) && escape.isDigit(value.charAt(i + 2))
        && escape.isDigit(value.charAt(i + 3))) {
      int octet = escape.read(value.substring(i + 1, i + 4));
      if (octet > 0xFF) {
        throw new IllegalArgumentException("TXT value has an escape beyond one octet, \\" + value.substring(i + 1, i + 4)
            + ": " + value);
      }
      out.write(octet);
      return i + 4;
    }
    out.writeBytes(String.valueOf(value.charAt(i + 1)).getBytes(StandardCharsets.UTF_8));
    return i + 2;
  }
}

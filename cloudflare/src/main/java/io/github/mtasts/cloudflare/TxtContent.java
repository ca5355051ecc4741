package io.github.mtasts.cloudflare;

import io.github.mtasts.policy.CharacterStrings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Converts between the text of one TXT record and the {@code content} Cloudflare keeps for it.
 *
 * <p>The API reference of {@code TXTRecord.content}: "The content must consist of quoted
 * 'character strings' (RFC 1035), each with a length of up to 255 bytes. Strings exceeding this
 * allowed maximum length are automatically split." This class sends the text so: split by {@link
 * CharacterStrings} into strings of at most 255 octets, each in double quotes, separated by a space, with {@code "} and {@code \} escaped by a backslash and
 * any other octet outside printable ASCII written as a backslash and three decimal digits (the
 * master-file escapes of RFC 1035 §5.1). Readers join the strings without separator (RFC 8460
 * §3; RFC 8461 §3.1 records are read the same way). Content without quotes, as a record made
 * in the dashboard may have, is one text as it stands.
 */
final class TxtContent {

  private TxtContent() {}

  /** The quoted content for a text. */
  static String quote(String text) {
    return CharacterStrings.quote(text, b -> String.format("\\%03d", b));
  }

  /**
   * The text of a content: quoted strings unescaped and joined; unquoted content as it stands.
   *
   * @throws IllegalArgumentException when a quote is not closed or an escape is cut off
   */
  static String unquote(String content) {
    String c = content.strip();
    if (!c.startsWith("\"")) {
      return content;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(c.length());
    int i = 0;
    while (i < c.length()) {
      if (c.charAt(i) == ' ' || c.charAt(i) == '\t') {
        i++;
        continue;
      }
      if (c.charAt(i) != '"') {
        throw new IllegalArgumentException("TXT content has text outside quotes: " + content);
      }
      i++;
      while (true) {
        if (i >= c.length()) {
          throw new IllegalArgumentException("TXT content has an unclosed quote: " + content);
        }
        char ch = c.charAt(i);
        if (ch == '"') {
          i++;
          break;
        }
        if (ch == '\\') {
          if (i + 1 >= c.length()) {
            throw new IllegalArgumentException("TXT content ends in a lone backslash: " + content);
          }
          if (i + 3 < c.length() && c.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)) {
            out.write(Integer.parseInt(c.substring(i + 1, i + 4)) & 0xFF);
            i += 4;
          } else {
            out.writeBytes(String.valueOf(c.charAt(i + 1)).getBytes(StandardCharsets.UTF_8));
            i += 2;
          }
          continue;
        }
        int codePoint = c.codePointAt(i);
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

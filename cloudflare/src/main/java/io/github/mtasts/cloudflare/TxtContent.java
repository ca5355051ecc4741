package io.github.mtasts.cloudflare;

import io.github.mtasts.dns.TxtStrings;
import io.github.mtasts.dns.TxtStrings.OctetEscape;

/**
 * Converts between the text of one TXT record and the {@code content} Cloudflare keeps for it.
 *
 * <p>The API reference of {@code TXTRecord.content}: "The content must consist of quoted
 * 'character strings' (RFC 1035), each with a length of up to 255 bytes. Strings exceeding this
 * allowed maximum length are automatically split." This class sends the text so: split by {@link
 * TxtStrings} into strings of at most 255 octets, each in double quotes, separated by a space, with {@code "} and {@code \} escaped by a backslash and
 * any other octet outside printable ASCII written as a backslash and three decimal digits (the
 * master-file escapes of RFC 1035 §5.1). Readers join the strings without separator (RFC 8460
 * §3; RFC 8461 §3.1 records are read the same way). Content without quotes, as a record made
 * in the dashboard may have, is one text as it stands.
 */
final class TxtContent {

  private TxtContent() {}

  /** The quoted content for a text. */
  static String quote(String text) {
    return TxtStrings.encode(text, OctetEscape.DECIMAL);
  }

  /**
   * The text of a content: quoted strings unescaped and joined; unquoted content as it stands.
   *
   * @throws IllegalArgumentException when a quote is not closed or an escape is cut off
   */
  static String unquote(String content) {
    return content.strip().startsWith("\"")
        ? TxtStrings.decode(content, OctetEscape.DECIMAL) : content;
  }
}

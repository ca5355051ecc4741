package io.github.mtasts.dns;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * DNS names in the one form mtasts keeps and compares them: lower case (names are
 * case-insensitive, RFC 4343), without the trailing dot of zone files.
 */
public final class DnsNames {

  private DnsNames() {}

  /**
   * Lower-cases a DNS name, drops a trailing dot and checks it (RFC 1035 §2.3.4: labels of at
   * most 63 octets, a name of at most 255 octets on the wire, i.e. 253 characters in text).
   * Labels hold letters, digits, '-' and '_' (service labels such as {@code _mta-sts}, RFC 8552);
   * only the first may be a wildcard {@code *}.
   *
   * @param field the input's name, for the message
   * @param name the name as given
   * @return the name in lower case without trailing dot
   * @throws InvalidRecordException naming the field, the value and the fix
   */
  public static String normalize(String field, String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.isEmpty() || n.length() > 253) {
      throw new InvalidRecordException(field, name, "use a DNS name of 1 to 253 characters");
    }
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(n)) {
      throw new InvalidRecordException(field, name, "write an internationalised name as its A-label (xn--...)");
    }
    String[] labels = n.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      boolean wildcard = i == 0 && label.equals("*");
      if (!wildcard && !label.matches("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?")) {
        throw new InvalidRecordException(field, name, "label \"" + label + "\" is not valid: labels"
            + " have 1 to 63 letters, digits, '-' or '_', not starting or ending with '-'");
      }
    }
    return n;
  }
}

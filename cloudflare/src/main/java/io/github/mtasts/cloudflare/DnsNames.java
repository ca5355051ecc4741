package io.github.mtasts.cloudflare;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The DNS names this package sends: lower case, no trailing dot, labels of letters, digits,
 * '-' and '_' (service labels such as {@code _mta-sts}), at most 253 characters (RFC 1035
 * §2.3.4). The API description asks for names "in Punycode": an internationalised name is
 * given as its A-labels.
 */
final class DnsNames {
  private static final Pattern NAME =
      Pattern.compile("([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)+");

  private DnsNames() {}

  /**
   * Returns the name in lower case, or refuses it naming the field.
   *
   * @throws InvalidSpecException when it is not such a name
   */
  static String check(String field, String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    if (n.length() > 253 || !NAME.matcher(n).matches()) {
      throw new InvalidSpecException(field, name, "use a fully qualified DNS name without a"
          + " trailing dot, such as _mta-sts.example.com: labels of 1 to 63 letters, digits, '-'"
          + " or '_', an internationalised name as its A-labels (xn--...)");
    }
    return n;
  }
}

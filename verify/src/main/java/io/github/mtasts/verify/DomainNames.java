package io.github.mtasts.verify;

import java.net.IDN;
import java.util.Locale;

/** Checks and normalises the mail domain names the verifier is given. */
public final class DomainNames {
  private DomainNames() {}

  /**
   * Returns the domain in the form the verifier uses: lower case, A-labels (an internationalised
   * name is converted), without a trailing dot.
   *
   * @param domain the domain as a person typed it
   * @return the normalised domain
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static String normalize(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("domain is empty: give a mail domain such as example.com");
    }
    String name = domain.strip();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    // IDNA with the STD3 rules: letters, digits and inner hyphens, labels of 1 to 63 octets
    // (RFC 1035 §2.3.1, RFC 5891); an internationalised name becomes its A-labels.
    try {
      name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "domain '" + domain + "' is not a valid domain name (" + e.getMessage()
              + "): use letters, digits and hyphens in dot-separated labels, such as example.com");
    }
    // RFC 1035 §2.3.4: at most 253 characters of text.
    if (name.length() > 253 || !name.contains(".")) {
      throw new IllegalArgumentException(
          "domain '" + domain + "' is not a mail domain: give a name of at least two labels"
              + " and at most 253 characters, such as example.com");
    }
    return name;
  }
}

package io.github.mtasts.verify;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate is valid for a host name: RFC 8461 §4.2 requires a DNS-ID in the
 * subject alternative names that matches the MX host per RFC 6125.
 */
final class HostnameMatcher {
  private static final int SAN_DNS_NAME = 2;

  private HostnameMatcher() {}

  /** True when a dNSName of the certificate matches the host name. */
  static boolean matches(X509Certificate certificate, String host) {
    return dnsNames(certificate).stream().anyMatch(pattern -> matches(pattern, host));
  }

  /**
   * The dNSName entries of the subject alternative names. The subject's common name is not a
   * DNS-ID and is never used (RFC 8461 §4.2 asks for a SAN; RFC 6125 §6.4.4 fallback is not taken).
   */
  static List<String> dnsNames(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          if (san.size() >= 2 && Integer.valueOf(SAN_DNS_NAME).equals(san.get(0))) {
            names.add(String.valueOf(san.get(1)));
          }
        }
      }
    } catch (CertificateParsingException e) {
      // An unparsable extension carries no usable DNS-ID.
    }
    return names;
  }

  /** True when a DNS-ID pattern matches the host name (case-insensitive, trailing dots ignored). */
  static boolean matches(String presented, String reference) {
    String pattern = normalize(presented);
    String host = normalize(reference);
    if (pattern.isEmpty() || host.isEmpty()) {
      return false;
    }
    if (!pattern.startsWith("*.")) {
      // RFC 6125 §6.4.1: case-insensitive comparison of the whole name.
      return pattern.equals(host) && !pattern.contains("*");
    }
    // RFC 6125 §6.4.3: the wildcard is the whole left-most label and stands for exactly one
    // label; it must not cover a public suffix-like single label ("*.com"), nor partial labels.
    String suffix = pattern.substring(1); // ".example.com"
    if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
      return false;
    }
    if (!host.endsWith(suffix)) {
      return false;
    }
    String label = host.substring(0, host.length() - suffix.length());
    return !label.isEmpty() && !label.contains(".");
  }

  private static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }
}

package io.github.mtasts.verify;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Evidence and diagnosis of a certificate chain, for messages a person can act on. */
final class CertificateFacts {
  private CertificateFacts() {}

  /** Subject, issuer, DNS names and expiry of the leaf, as evidence. */
  static Map<String, String> evidence(List<X509Certificate> chain) {
    Map<String, String> evidence = new LinkedHashMap<>();
    if (chain.isEmpty()) {
      return evidence;
    }
    X509Certificate leaf = chain.get(0);
    evidence.put("certificate.subject", leaf.getSubjectX500Principal().getName());
    evidence.put("certificate.issuer", leaf.getIssuerX500Principal().getName());
    evidence.put("certificate.dnsNames", String.join(", ", HostnameMatcher.dnsNames(leaf)));
    evidence.put("certificate.notAfter", leaf.getNotAfter().toInstant().toString());
    return evidence;
  }

  /** The time until the leaf expires (negative when it has). */
  static Duration remaining(List<X509Certificate> chain, Instant now) {
    return Duration.between(now, chain.get(0).getNotAfter().toInstant());
  }

  /**
   * A warning when the leaf certificate expires within the horizon (an expired one fails
   * validation and is reported as such).
   */
  static Optional<Check> expiryWarning(List<X509Certificate> chain, Instant now, Duration horizon,
      String id, String host, Map<String, String> evidence) {
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    Duration left = remaining(chain, now);
    if (left.isNegative() || left.compareTo(horizon) >= 0) {
      return Optional.empty();
    }
    return Optional.of(Check.builder(id, Check.Severity.WARNING)
        .message("the certificate of " + host + " expires in " + left.toDays() + " days ("
            + chain.get(0).getNotAfter().toInstant() + "): renew it before it does")
        .evidence(evidence)
        .build());
  }

  /**
   * Why a chain failed PKIX validation, in words: expired, not yet valid, or not leading to a
   * trusted root.
   */
  static String diagnose(Throwable failure, List<X509Certificate> chain, Instant now) {
    for (Throwable e = failure; e != null; e = e.getCause()) {
      if (e instanceof CertificateExpiredException
          || (e instanceof CertPathValidatorException
              && ((CertPathValidatorException) e).getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
        return expiredMessage(chain, now);
      }
      if (e instanceof CertificateNotYetValidException
          || (e instanceof CertPathValidatorException
              && ((CertPathValidatorException) e).getReason()
                  == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
        return "the certificate is not valid yet: check the server's clock and certificate";
      }
    }
    for (X509Certificate certificate : chain) {
      if (certificate.getNotAfter().toInstant().isBefore(now)) {
        return expiredMessage(chain, now);
      }
    }
    String issuer = chain.isEmpty() ? "?" : chain.get(chain.size() - 1).getIssuerX500Principal().getName();
    return "the certificate chain does not lead to a trusted root (last issuer: " + issuer
        + "): serve the full chain of a certificate from a public CA";
  }

  private static String expiredMessage(List<X509Certificate> chain, Instant now) {
    for (X509Certificate certificate : chain) {
      if (certificate.getNotAfter().toInstant().isBefore(now)) {
        return "the certificate " + certificate.getSubjectX500Principal().getName() + " expired on "
            + certificate.getNotAfter().toInstant() + ": renew it";
      }
    }
    return "a certificate of the chain has expired: renew it";
  }
}

package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** RFC 6125 DNS-ID matching as RFC 8461 §4.2 requires it for MX certificates. */
class HostnameMatcherTest {
  @Test
  void exactNameMatchesIgnoringCaseAndTrailingDot() {
    assertTrue(HostnameMatcher.matches("mx1.example.com", "MX1.Example.com."));
    assertFalse(HostnameMatcher.matches("mx1.example.com", "mx2.example.com"));
  }

  @Test
  void wildcardStandsForExactlyOneLeftMostLabel() {
    assertTrue(HostnameMatcher.matches("*.example.com", "mx.example.com"));
    assertFalse(HostnameMatcher.matches("*.example.com", "a.b.example.com"));
    assertFalse(HostnameMatcher.matches("*.example.com", "example.com"));
  }

  @Test
  void partialAndMisplacedWildcardsAndBareSuffixesNeverMatch() {
    assertFalse(HostnameMatcher.matches("m*.example.com", "mx.example.com"));
    assertFalse(HostnameMatcher.matches("mx.*.example.com", "mx.a.example.com"));
    assertFalse(HostnameMatcher.matches("*.com", "example.com"));
    assertFalse(HostnameMatcher.matches("*", "example"));
  }

  @Test
  void onlySubjectAlternativeNamesCountNotTheCommonName() {
    HeldCertificate sanless = new HeldCertificate.Builder().commonName("mx.example.com").build();
    assertEquals(List.of(), HostnameMatcher.dnsNames(sanless.certificate()));
    assertFalse(HostnameMatcher.matches(sanless.certificate(), "mx.example.com"));
    HeldCertificate withSan = new HeldCertificate.Builder().commonName("other")
        .addSubjectAlternativeName("*.mx.example.com").addSubjectAlternativeName("mx.example.com").build();
    assertTrue(HostnameMatcher.matches(withSan.certificate(), "a.mx.example.com"));
    assertTrue(HostnameMatcher.matches(withSan.certificate(), "mx.example.com"));
  }
}

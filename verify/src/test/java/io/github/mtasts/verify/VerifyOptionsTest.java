package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad settings are rejected at once, naming the setting, the value and the fix. */
class VerifyOptionsTest {
  @Test
  void defaultsAreThoseOfASendingMta() {
    VerifyOptions options = VerifyOptions.defaults();
    assertEquals(25, options.smtpPort());
    assertEquals(443, options.httpsPort());
    assertTrue(options.resolver().isEmpty());
    assertTrue(options.caFile().isEmpty());
    assertEquals(Scope.ALL, options.scope());
  }

  @Test
  void theDefaultConcurrencyFitsTheCoresWithinItsBounds() {
    int byCores = Math.max(16, Math.min(256, 16 * Runtime.getRuntime().availableProcessors()));
    int fitting = VerifyOptions.fittingConcurrency();
    assertTrue(fitting >= 1 && fitting <= byCores, "fitting " + fitting + ", by cores " + byCores);
    long files = ((com.sun.management.UnixOperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
    if (files >= 4096) {
      // Files enough for 256 domains with all their sockets: the cores decide.
      assertEquals(byCores, fitting);
    }
    assertEquals(fitting, VerifyOptions.defaults().concurrency());
  }

  @Test
  void resolverForms() {
    assertEquals(new InetSocketAddress("127.0.0.1", 53), VerifyOptions.parseHostPort("resolver", "127.0.0.1", 53));
    assertEquals(new InetSocketAddress("127.0.0.1", 5353), VerifyOptions.parseHostPort("resolver", "127.0.0.1:5353", 53));
    assertEquals(new InetSocketAddress("::1", 5353), VerifyOptions.parseHostPort("resolver", "[::1]:5353", 53));
    assertEquals(new InetSocketAddress("::1", 53), VerifyOptions.parseHostPort("resolver", "::1", 53));
  }

  @Test
  void badValuesNameTheSetting() {
    assertMessage("resolver '127.0.0.1:x' has a bad port 'x'", () -> VerifyOptions.builder().resolver("127.0.0.1:x"));
    assertMessage("resolver port 70000 is out of range", () -> VerifyOptions.builder().resolver("127.0.0.1:70000"));
    assertMessage("smtpPort 0 is out of range", () -> VerifyOptions.builder().smtpPort(0));
    assertMessage("dnsTimeout PT0S must be positive", () -> VerifyOptions.builder().dnsTimeout(Duration.ZERO));
    assertMessage("concurrency 0 is out of range", () -> VerifyOptions.builder().concurrency(0));
    assertMessage("expectedId: id 'a-b'", () -> VerifyOptions.builder().expectedId("a-b"));
    assertMessage("caOnly is set but no caFile", () -> VerifyOptions.builder().caOnly(true).build());
  }

  @Test
  void unreadableCaFileIsNamed() {
    assertMessage("caFile /nonexistent/ca.pem cannot be read",
        () -> Verifier.create(VerifyOptions.builder().caFile(Path.of("/nonexistent/ca.pem")).build()));
  }

  @Test
  void domainsAreNormalisedOrRejected() {
    assertEquals("example.com", DomainNames.normalize(" Example.COM. "));
    assertEquals("xn--bcher-kva.example", DomainNames.normalize("bücher.example"));
    assertMessage("domain 'exa_mple.com' has the invalid label 'exa_mple'", () -> DomainNames.normalize("exa_mple.com"));
    assertMessage("'localhost' has a single label", () -> DomainNames.normalize("localhost"));
    assertMessage("'a..example' has an empty label", () -> DomainNames.normalize("a..example"));
    assertMessage("has the invalid label '-mx'", () -> DomainNames.normalize("-mx.example"));
    assertMessage("domain is empty", () -> DomainNames.normalize(" "));
  }

  @Test
  void internationalisedDomainsFollowIdna2008() {
    // IDNA2003 (java.net.IDN) made straße.de into strasse.de, another domain.
    assertEquals("xn--strae-oqa.de", DomainNames.normalize("straße.de"));
    assertEquals("xn--strae-oqa.de", DomainNames.normalize("STRAẞE.de"));
    assertEquals("strasse.de", DomainNames.normalize("strasse.de"));
    assertEquals("xn--strae-oqa.de", DomainNames.normalize("xn--strae-oqa.de"));
    // Typed in fullwidth forms, as an input method may give them: refused, not mapped (RFC 5895 §2
    // would map them), so that the domain verified is the one shown; the message names it.
    assertMessage("a fullwidth or halfwidth form", () -> DomainNames.normalize("ｅｘａｍｐｌｅ．ｃｏｍ"));
    assertMessage("type 'example.com'", () -> DomainNames.normalize("ｅｘａｍｐｌｅ．ｃｏｍ"));
    assertMessage("U+200B ZERO WIDTH SPACE, an invisible character",
        () -> DomainNames.normalize("exa\u200Bmple.com"));
    assertMessage("U+2709 ENVELOPE", () -> DomainNames.normalize("\u2709.example"));
    assertMessage("is an IP address", () -> DomainNames.normalize("192.0.2.1"));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

package io.github.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DnsNamesTest {

  @Test
  void namesAreLowerCaseWithoutTheTrailingDot() {
    assertEquals("_smtp._tls.example.com", DnsNames.normalize("name", "_SMTP._tls.Example.COM."));
    assertEquals("*.example.com", DnsNames.normalize("name", "*.example.com"));
  }

  @Test
  void aBadNameNamesTheFieldTheValueAndTheRule() {
    InvalidRecordException wildcard = assertThrows(InvalidRecordException.class, () -> DnsNames.normalize("name", "a.*.example.com"));
    assertEquals("name", wildcard.field());
    assertTrue(wildcard.getMessage().contains("\"a.*.example.com\""), wildcard.getMessage());
    assertTrue(assertThrows(InvalidRecordException.class, () -> DnsNames.normalize("values", "bücher.example"))
        .getMessage().contains("A-label"));
    assertTrue(assertThrows(InvalidRecordException.class, () -> DnsNames.normalize("name", "a".repeat(64) + ".example"))
        .getMessage().contains("1 to 63"));
    assertTrue(assertThrows(InvalidRecordException.class, () -> DnsNames.normalize("name", "."))
        .getMessage().contains("1 to 253"));
  }
}

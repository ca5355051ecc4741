package io.github.mtasts.dns;

import static io.github.mtasts.dns.TxtStrings.OctetEscape.DECIMAL;
import static io.github.mtasts.dns.TxtStrings.OctetEscape.OCTAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TxtStringsTest {

  @Test
  void aShortTextIsOneQuotedString() {
    assertEquals("\"v=STSv1; id=20240101T000000\"", TxtStrings.encode("v=STSv1; id=20240101T000000", OCTAL));
    assertEquals("\"\"", TxtStrings.encode("", OCTAL));
  }

  @Test
  void quotesAndBackslashesAreEscapedAndOtherOctetsWrittenInOctal() {
    assertEquals("\"a\\\"b\\\\c\"", TxtStrings.encode("a\"b\\c", OCTAL));
    assertEquals("\"caf\\303\\251\\011\"", TxtStrings.encode("café\t", OCTAL));
  }

  @Test
  void splitsAt255Octets() {
    String exactly = "a".repeat(255);
    assertEquals("\"" + exactly + "\"", TxtStrings.encode(exactly, OCTAL));
    assertEquals("\"" + exactly + "\" \"b\"", TxtStrings.encode(exactly + "b", OCTAL));
  }

  @Test
  void neverSplitsInsideAUtf8Sequence() {
    // 254 ASCII octets, then a two-octet é: it goes whole into the second string.
    String text = "a".repeat(254) + "é";
    assertEquals("\"" + "a".repeat(254) + "\" \"\\303\\251\"", TxtStrings.encode(text, OCTAL));
  }

  @Test
  void decodesRoute53Values() {
    assertEquals("v=STSv1; id=1", TxtStrings.decode("\"v=STSv1; \" \"id=1\"", OCTAL));
    assertEquals("café", TxtStrings.decode("\"caf\\303\\251\"", OCTAL));
    assertEquals("unquoted", TxtStrings.decode("unquoted", OCTAL));
    assertEquals("a\"b", TxtStrings.decode("\"a\\\"b\"", OCTAL));
  }

  @Test
  void zoneFilesWriteOtherOctetsInDecimal() {
    // RFC 1035 §5.1: \DDD is the octet whose decimal value is DDD.
    assertEquals("\"caf\\195\\169\\009\"", TxtStrings.encode("café\t", DECIMAL));
    assertEquals("café", TxtStrings.decode("\"caf\\195\\169\"", DECIMAL));
  }

  @Test
  void malformedValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TxtStrings.decode("\"open", OCTAL));
    assertThrows(IllegalArgumentException.class, () -> TxtStrings.decode("\"ends\\", OCTAL));
    assertThrows(IllegalArgumentException.class, () -> TxtStrings.decode("\"\\256\"", DECIMAL), "an escape beyond one octet");
  }
}

package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TxtStringsTest {

  @Test
  void aShortTextIsOneQuotedString() {
    assertEquals("\"v=STSv1; id=20240101T000000\"", TxtStrings.encode("v=STSv1; id=20240101T000000"));
    assertEquals("\"\"", TxtStrings.encode(""));
  }

  @Test
  void quotesAndBackslashesAreEscapedAndOtherOctetsWrittenInOctal() {
    assertEquals("\"a\\\"b\\\\c\"", TxtStrings.encode("a\"b\\c"));
    assertEquals("\"caf\\303\\251\\011\"", TxtStrings.encode("café\t"));
  }

  @Test
  void splitsAt255Octets() {
    String exactly = "a".repeat(255);
    assertEquals("\"" + exactly + "\"", TxtStrings.encode(exactly));
    assertEquals("\"" + exactly + "\" \"b\"", TxtStrings.encode(exactly + "b"));
  }

  @Test
  void neverSplitsInsideAUtf8Sequence() {
    // 254 ASCII octets, then a two-octet é: it goes whole into the second string.
    String text = "a".repeat(254) + "é";
    assertEquals("\"" + "a".repeat(254) + "\" \"\\303\\251\"", TxtStrings.encode(text));
  }

  @Test
  void decodesRoute53Values() {
    assertEquals("v=STSv1; id=1", TxtStrings.decode("\"v=STSv1; \" \"id=1\""));
    assertEquals("café", TxtStrings.decode("\"caf\\303\\251\""));
    assertEquals("unquoted", TxtStrings.decode("unquoted"));
    assertEquals("a\"b", TxtStrings.decode("\"a\\\"b\""));
  }

  @Test
  void malformedValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TxtStrings.decode("\"open"));
    assertThrows(IllegalArgumentException.class, () -> TxtStrings.decode("\"ends\\"));
  }
}

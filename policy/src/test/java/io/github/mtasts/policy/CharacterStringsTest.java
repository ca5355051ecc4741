package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 1035 §3.3: a TXT record's text in character-strings of at most 255 octets. */
class CharacterStringsTest {

  @Test
  void aTextSplitsInto255OctetStringsThatJoinBackToIt() {
    for (String text : List.of("", "v=STSv1; id=1", "x".repeat(255), "y".repeat(511),
        "\u00e9".repeat(200), "a" + "\u20ac".repeat(120))) {
      List<byte[]> strings = CharacterStrings.split(text);
      ByteArrayOutputStream joined = new ByteArrayOutputStream();
      strings.forEach(joined::writeBytes);
      assertEquals(text, joined.toString(StandardCharsets.UTF_8));
      assertTrue(strings.stream().allMatch(s -> s.length <= CharacterStrings.MAX_OCTETS));
      // Each string decodes on its own: no UTF-8 sequence is cut.
      strings.forEach(s -> assertEquals(s.length,
          new String(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length));
    }
  }

  @Test
  void quotingEscapesQuotesAndBackslashesAndLetsTheServiceChooseOtherEscapes() {
    assertEquals("\"a\\\"b\\\\c<195><169>\"", CharacterStrings.quote("a\"b\\c\u00e9", b -> "<" + b + ">"));
    assertEquals("\"" + "x".repeat(255) + "\" \"x\"", CharacterStrings.quote("x".repeat(256), b -> "?"));
  }
}

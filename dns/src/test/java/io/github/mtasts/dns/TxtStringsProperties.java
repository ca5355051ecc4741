package io.github.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class TxtStringsProperties {

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Property
  void decodeOfEncodeIsIdentity(@ForAll @StringLength(max = 1200) String text, @ForAll TxtStrings.OctetEscape escape) {
    assertEquals(text, TxtStrings.decode(TxtStrings.encode(text, escape), escape));
  }

  @Property
  void everyStringHoldsAtMost255OctetsOfWholeUtf8(
      @ForAll @StringLength(max = 1200) String text, @ForAll TxtStrings.OctetEscape escape) throws CharacterCodingException {
    Matcher m = QUOTED.matcher(TxtStrings.encode(text, escape));
    while (m.find()) {
      byte[] octets = unescape(m.group(1), escape == TxtStrings.OctetEscape.OCTAL ? 8 : 10);
      assertTrue(octets.length <= TxtStrings.MAX_STRING_OCTETS, m.group(1));
      // Each string on its own is valid UTF-8: no sequence is cut between two strings.
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets));
    }
  }

  private static byte[] unescape(String escaped, int radix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\' && escaped.substring(i + 1).matches("^[0-9]{3}.*")) {
        out.write(Integer.parseInt(escaped.substring(i + 1, i + 4), radix));
        i += 3;
      } else if (c == '\\') {
        out.write(escaped.charAt(++i));
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}

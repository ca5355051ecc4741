package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** TXT content as Cloudflare keeps it: quoted character strings of at most 255 octets. */
class TxtContentTest {

  @Test
  void aShortTextIsOneQuotedString() {
    assertEquals("\"v=STSv1; id=1\"", TxtContent.quote("v=STSv1; id=1"));
  }

  @Test
  void aLongTextIsSplitAt255OctetsAndJoinedBack() {
    String text = "x".repeat(300);
    assertEquals("\"" + "x".repeat(255) + "\" \"" + "x".repeat(45) + "\"", TxtContent.quote(text));
    assertEquals(text, TxtContent.unquote(TxtContent.quote(text)));
  }

  @Test
  void quotesBackslashesAndNonAsciiOctetsAreEscaped() {
    String text = "say \"hi\" \\ caf\u00e9";
    assertEquals("\"say \\\"hi\\\" \\\\ caf\\195\\169\"", TxtContent.quote(text));
    assertEquals(text, TxtContent.unquote(TxtContent.quote(text)));
  }

  @Test
  void aSplitNeverCutsAUtf8Sequence() {
    String text = "a".repeat(254) + "\u00e9" + "b";
    String quoted = TxtContent.quote(text);
    assertEquals("\"" + "a".repeat(254) + "\" \"\\195\\169b\"", quoted);
    assertEquals(text, TxtContent.unquote(quoted));
    assertEquals(256, text.getBytes(StandardCharsets.UTF_8).length - 1);
  }

  @Test
  void unquotedContentAsTheDashboardMayKeepItIsOneText() {
    assertEquals("v=STSv1; id=1", TxtContent.unquote("v=STSv1; id=1"));
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> TxtContent.unquote("\"v=STSv1"));
  }
}

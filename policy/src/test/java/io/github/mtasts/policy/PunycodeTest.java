package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PunycodeTest {
  @Test
  void rfc3492Samples() {
    // RFC 3492 §7.1 (A) Arabic (Egyptian) and (L) 3<nen>B<gumi><kinpachi><sensei>
    assertEquals(Optional.of("\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644"
            + "\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F"),
        Punycode.decode("egbpdaj6bu4bxfgehfvwxn"));
    assertEquals(Optional.of("3\u5E74B\u7D44\u91D1\u516B\u5148\u751F"),
        Punycode.decode("3B-ww4c5e180e575a65lsy2b"));
    // RFC 3492 §7.1 (S): only basic code points, the delimiter and nothing after it.
    assertEquals(Optional.of("-> $1.00 <-"), Punycode.decode("-> $1.00 <--"));
  }

  @Test
  void domainLabels() {
    assertEquals(Optional.of("bücher"), Punycode.decode("bcher-kva"));
    assertEquals(Optional.of("straße"), Punycode.decode("strae-oqa"));
  }

  @Test
  void encodesTheRfc3492Samples() {
    assertEquals("egbpdaj6bu4bxfgehfvwxn", Punycode.encode("\u0644\u064A\u0647\u0645\u0627\u0628"
        + "\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F"));
    assertEquals("3B-ww4c5e180e575a65lsy2b", Punycode.encode("3\u5E74B\u7D44\u91D1\u516B\u5148\u751F"));
    assertEquals("bcher-kva", Punycode.encode("bücher"));
    assertEquals("strae-oqa", Punycode.encode("straße"));
    assertEquals("ls8h", Punycode.encode("\uD83D\uDCA9"));
  }

  @Provide
  Arbitrary<String> scalarValueStrings() {
    // Any Unicode scalar values (no surrogate code points, which no label holds).
    return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
        .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
        .list().ofMaxSize(40)
        .map(codePoints -> codePoints.stream()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString());
  }

  @Property
  void decodingUndoesEncoding(@ForAll("scalarValueStrings") String text) {
    assertEquals(Optional.of(text), Punycode.decode(Punycode.encode(text)));
  }

  @Test
  void invalidInput() {
    assertTrue(Punycode.decode("zzzzzz").isEmpty(), "cut short");
    assertTrue(Punycode.decode("a-!").isEmpty(), "not a digit");
    assertTrue(Punycode.decode("ü-abc").isEmpty(), "non-basic before the delimiter");
    assertTrue(Punycode.decode("99999999999").isEmpty(), "overflow");
  }
}

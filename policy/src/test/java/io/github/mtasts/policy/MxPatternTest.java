package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MxPatternTest {
  private static String error(String text) {
    ParseResult<MxPattern> result = MxPattern.parse(text);
    assertFalse(result.isValid(), () -> text + " should be invalid");
    assertEquals(1, result.errors().size());
    Problem problem = result.errors().get(0);
    assertEquals("mx", problem.field());
    assertEquals(text, problem.text());
    return problem.message();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "mx.example.com", "*.example.net", "MX1.Example.COM", "a", "1mx.example.com",
    "mx-1.example.com", "xn--bcher-kva.example", "*.xn--bcher-kva.example", "*.com",
    "mx.xn--strae-oqa.de", "XN--BCHER-KVA.example", "mx.xn--ihqwcrb4cv8a8dqg056pqjye.example",
    "a23456789012345678901234567890123456789012345678901234567890123.example"
  })
  void valid(String text) {
    assertTrue(MxPattern.parse(text).isValid(), () -> MxPattern.parse(text).toString());
  }

  @Test
  void wildcardOnlyAsTheWholeLeftMostLabel() {
    for (String bad : List.of("*", "*.", "**.example.com", "*mx.example.com", "m*.example.com",
        "mx.*.example.com", "*.*.example.com", "example.*", "*example.com")) {
      String message = error(bad);
      assertTrue(message.contains("'*'") || message.contains("wildcard")
          || message.contains("label"), bad + ": " + message);
    }
    assertTrue(error("mx.*.example.com").contains("left-most label"));
  }

  @Test
  void ipAddressesAreRefused() {
    for (String ip : List.of("192.0.2.1", "[192.0.2.1]", "2001:db8::1", "[IPv6:2001:db8::1]",
        "::1")) {
      assertTrue(error(ip).contains("IP address"), ip);
    }
    assertTrue(error("192.0.2.256").contains("all-numeric"));
    assertTrue(error("mx.123").contains("all-numeric"));
  }

  @Test
  void trailingDotIsRefused() {
    assertTrue(error("mx.example.com.").contains("trailing dot"));
  }

  @Test
  void nonAsciiIsRefusedWithTheALabel() {
    String message = error("mx.bücher.example");
    assertTrue(message.contains("'mx.xn--bcher-kva.example'"), message);
    assertTrue(error("*.Bücher.example").contains("'*.xn--bcher-kva.example'"));
  }

  @Test
  void noALabelIsSuggestedWhereIdna2003WouldMapCharacters() {
    // IDNA2003 turns ß into ss; the A-label of straße is xn--strae-oqa, not strasse.
    String message = error("mx.straße.de");
    assertFalse(message.contains("strasse"), message);
    assertTrue(message.contains("A-label"), message);
  }

  @Test
  void madeUpALabelsAreRefused() {
    // xn--ascii decodes to C1 control characters, xn--abc has nothing to decode, xn--zzzzzz is
    // cut short, xn--wca is an upper-case Ü, xn--bucher-xyd is not in NFC (u and a combining
    // diaeresis), xn--ab-1ca holds a no-break space.
    for (String label :
        List.of("xn--ascii", "xn--abc", "xn--zzzzzz", "xn--wca", "xn--bucher-xyd", "xn--ab-1ca")) {
      assertTrue(error(label + ".example").contains("not a valid A-label"), label);
    }
  }

  @Test
  void labelAndNameLengths() {
    String label63 = "a".repeat(63);
    assertTrue(MxPattern.parse(label63 + ".example").isValid());
    assertTrue(error("a".repeat(64) + ".example").contains("64 characters"));
    String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
    assertEquals(253, name253.length());
    assertTrue(MxPattern.parse(name253).isValid());
    assertTrue(MxPattern.parse("*." + name253).isValid());
    assertTrue(error(name253 + "a").contains("254 characters"));
  }

  @Test
  void labelSyntax() {
    for (String bad : List.of("-mx.example.com", "mx-.example.com", "mx..example.com",
        ".example.com", "mx_1.example.com", "mx example.com", "mx.example.com:25", "")) {
      error(bad);
    }
  }

  @Test
  void wildcardCoversExactlyOneLeftMostLabel() {
    MxPattern pattern = MxPattern.of("*.example.com");
    assertTrue(pattern.isWildcard());
    assertTrue(pattern.matches("mx.example.com"));
    assertFalse(pattern.matches("a.b.example.com"));
    assertFalse(pattern.matches("example.com"));
    assertFalse(pattern.matches(".example.com"));
    assertFalse(pattern.matches("mxexample.com"));
  }

  @Test
  void matchingIgnoresCaseAndTrailingDotOfTheHost() {
    assertTrue(MxPattern.of("*.Example.com").matches("MX.EXAMPLE.COM."));
    assertTrue(MxPattern.of("mx.example.com").matches("Mx.Example.Com."));
    assertFalse(MxPattern.of("mx.example.com").matches("mx.example.com.."));
    assertFalse(MxPattern.of("mx.example.com").matches("mx1.example.com"));
    assertFalse(MxPattern.of("mx.example.com").isWildcard());
  }

  @Test
  void valueSemantics() {
    assertEquals(MxPattern.of("MX.example.com"), MxPattern.of("mx.EXAMPLE.com"));
    assertEquals(MxPattern.of("MX.example.com").hashCode(), MxPattern.of("mx.EXAMPLE.com").hashCode());
    assertEquals("mx.example.com", MxPattern.of("MX.example.com").toString());
    assertNotEquals(MxPattern.of("mx.example.com"), MxPattern.of("*.example.com"));
    assertTrue(MxPattern.of("*.b.example").compareTo(MxPattern.of("a.b.example")) < 0);
  }

  @Test
  void ofThrowsWithTheMessage() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> MxPattern.of("1.2.3.4"));
    assertEquals(1, e.problems().size());
    assertTrue(e.getMessage().contains("IP address"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "*.example.com", "mx_1.example.com", "-a.example.com", "a-.example.com", " a.example.com",
    "a.example.com ", "a..example.com", "", ".", "192.0.2.1",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.example.com",
    "b\u00fccher.example.com", "a.example.com.."
  })
  void aNameThatIsNoHostNameMatchesNoPattern(String host) {
    // RFC 8461 §4.1: a wildcard covers one left-most label of an MX host name, and a host name
    // is an RFC 5321 §4.1.2 Domain (letters, digits, hyphens; at most 63 per label) in A-labels.
    // Found by the mox cross-check: "*.example.com" and "mx_1.example.com" were covered.
    assertFalse(MxPattern.of("*.example.com").matches(host), host);
    assertTrue(MxPattern.hostNameViolation(host).isPresent(), host);
  }

  @Test
  void hostNameViolationNamesTheHostAndTheFix() {
    assertEquals(Optional.empty(), MxPattern.hostNameViolation("MX1.Example.com."));
    String wildcard = MxPattern.hostNameViolation("*.example.com").orElseThrow();
    assertTrue(wildcard.startsWith("MX host '*.example.com' contains '*'"), wildcard);
    String dots = MxPattern.hostNameViolation("a.example.com..").orElseThrow();
    assertTrue(dots.contains("ends in two dots"), dots);
    String unicode = MxPattern.hostNameViolation("b\u00fccher.example.com").orElseThrow();
    assertTrue(unicode.contains("xn--bcher-kva.example.com"), unicode);
  }
}

package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IDNA2008 rule for domain names (RFC 5891, RFC 5892, RFC 5893), with the case folding and
 * NFC of RFC 5895 for typed names. Expected A-labels were computed with an independent IDNA2008 implementation.
 */
class DomainNameTest {

  private static String error(ParseResult<DomainName> result) {
    assertFalse(result.isValid(), result::toString);
    return result.errors().get(0).message();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // ß (U+00DF) is PVALID by RFC 5892 §2.6, not mapped to ss as IDNA2003 did.
    "straße.de, xn--strae-oqa.de",
    // ς (U+03C2, final sigma) is PVALID by RFC 5892 §2.6, not mapped to σ.
    "βόλος.com, xn--nxasmm1c.com",
    "σοφος.gr, xn--0xaajbq.gr",
    "σοφοσ.gr, xn--0xaakcn.gr",
    // ZWNJ between an Arabic-script letter that joins left (HEH) and one that joins right (ALEF).
    "نامه\u200Cای.example, xn--mgba3gch31f060k.example",
    // ZWNJ and ZWJ after a Devanagari virama.
    "क्\u200Cष.example, xn--11b2ezcs70k.example",
    "क्\u200Dष.example, xn--11b2ezcw70k.example",
    // The contextual rules of MIDDLE DOT and KATAKANA MIDDLE DOT hold.
    "col·lecció.cat, xn--collecci-ioa91d.cat",
    "ア・イ.example, xn--ccke4x.example",
    // Right-to-left labels that meet the Bidi rule, beside a left-to-right one.
    "שלום.example, xn--9dbne9b.example",
    "ا١٢.example, xn--mgb0jd.example",
    "mx1.Example.COM, mx1.example.com",
  })
  void unicodeLabelsBecomeTheirALabels(String unicode, String ascii) {
    DomainName name = DomainName.parse(unicode).orElseThrow();
    assertEquals(ascii, name.ascii());
    assertEquals(ascii, name.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"straße.de", "βόλος.com", "نامه\u200Cای.example", "क्\u200Dष.example", "ア・イ.example"})
  void theALabelDecodesBackToTheSameName(String unicode) {
    DomainName name = DomainName.parse(unicode).orElseThrow();
    DomainName decoded = DomainName.parse(name.ascii()).orElseThrow();
    assertEquals(unicode, decoded.unicode());
    assertEquals(name, decoded);
    // A-labels compare without regard to case (RFC 4343).
    assertEquals(name, DomainName.parse(name.ascii().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
  }

  @Test
  void sharpSIsNotTheSameDomainAsDoubleS() {
    assertNotEquals(DomainName.of("strasse.de"), DomainName.of("straße.de"));
    assertEquals("straße.de", DomainName.of("xn--strae-oqa.de").unicode());
  }

  @Test
  void zeroWidthJoinersOutsideTheirContextAreRefused() {
    // RFC 5892 Appendix A.1: Latin letters do not join, and no virama precedes.
    String zwnj = error(DomainName.parse("a\u200Cb.example"));
    assertTrue(zwnj.contains("U+200C ZERO WIDTH NON-JOINER"), zwnj);
    assertTrue(zwnj.contains("RFC 5892 Appendix A.1"), zwnj);
    // Appendix A.2: ZWJ only after a virama.
    String zwj = error(DomainName.parse("a\u200Db.example"));
    assertTrue(zwj.contains("ZERO WIDTH JOINER may only follow a virama"), zwj);
    // ZWNJ between two Arabic letters of which the first does not join to the left (ALEF).
    assertTrue(error(DomainName.parse("ا\u200Cب.example")).contains("Appendix A.1"));
  }

  @Test
  void emojiLabelsAreDisallowed() {
    String message = error(DomainName.parse("\uD83D\uDCE7.example"));
    assertTrue(message.startsWith("domain '\uD83D\uDCE7.example' has the label '\uD83D\uDCE7', which contains "
        + "U+1F4E7 E-MAIL SYMBOL, which IDNA2008 does not allow"), message);
    assertTrue(message.contains("RFC 5892"), message);
    // The A-label of an emoji label (as IDNA2003 and UTS #46 would make it) is no A-label either.
    String aLabel = error(DomainName.parse("xn--ls8h.la"));
    assertTrue(aLabel.contains("'xn--ls8h', which starts with xn-- but is not a valid A-label: it "
        + "decodes to '\uD83D\uDCA9', which contains U+1F4A9 PILE OF POO"), aLabel);
  }

  @Test
  void upperCaseInAULabelIsRefusedUnlessMappedAsTyped() {
    // IDNA2008 maps nothing: upper case is DISALLOWED in a U-label (RFC 5892 §2.3, unstable).
    String message = error(DomainName.parse("Bücher.example"));
    assertTrue(message.contains("U+0042 LATIN CAPITAL LETTER B"), message);
    assertTrue(message.endsWith("write it in lower case, as 'bücher'."), message);
    // RFC 5895 §2 step 1 maps what a person types to lower case.
    assertEquals("xn--bcher-kva.example", DomainName.parseInput("BÜCHER.Example").orElseThrow().ascii());
    // Capital sharp s lowers to ß, not to ss; a capital sigma that ends a label lowers to ς.
    assertEquals("xn--strae-oqa.de", DomainName.parseInput("STRAẞE.DE").orElseThrow().ascii());
    assertEquals("xn--0xaajbq.gr", DomainName.parseInput("ΣΟΦΟΣ.GR").orElseThrow().ascii());
  }

  @Test
  void fullwidthInputIsRefusedWithTheNameToType() {
    // RFC 5895 §2 steps 2 and 4 would map these; a typed name is used only as it shows.
    String fullwidth = error(DomainName.parseInput("ＥＸＡＭＰＬＥ．ｃｏｍ"));
    assertTrue(fullwidth.startsWith("domain 'ＥＸＡＭＰＬＥ．ｃｏｍ' contains U+FF25 FULLWIDTH LATIN "
        + "CAPITAL LETTER E, a fullwidth or halfwidth form"), fullwidth);
    assertTrue(fullwidth.endsWith(": type 'example.com'."), fullwidth);
    String ideographic = error(DomainName.parseInput("bücher。example"));
    assertTrue(ideographic.contains("U+3002 IDEOGRAPHIC FULL STOP"), ideographic);
    assertTrue(ideographic.endsWith(": type 'bücher.example'."), ideographic);
    // As written, a fullwidth letter is DISALLOWED by IDNA2008 (RFC 5892 §2.3).
    String message = error(DomainName.parse("ｅｘａｍｐｌｅ.com"));
    assertTrue(message.contains("U+FF45 FULLWIDTH LATIN SMALL LETTER E"), message);
    // Messages quote what was typed and how case folding read it.
    String typed = error(DomainName.parseInput("AB☃.com"));
    assertTrue(typed.startsWith("domain 'AB☃.com' (read as 'ab☃.com') has the label 'ab☃'"), typed);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "exa\u200Bmple.com | U+200B ZERO WIDTH SPACE, an invisible character: the name shows as 'example.com'",
    "exa\u00ADmple.com | U+00AD SOFT HYPHEN, an invisible character",
    "exa\u2060mple.com | U+2060 WORD JOINER, an invisible character",
    "example\uFE0F.com | U+FE0F VARIATION SELECTOR-16, an invisible character",
    "exa\u034Fmple.com | U+034F COMBINING GRAPHEME JOINER, an invisible character",
    "\u202Eexample.com | U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character",
    "exa\u001Bmple.com | U+001B ESCAPE, a control character",
    // ZWJ after a virama is valid as written (RFC 5892 Appendix A.2), but not as typed.
    "क्\u200Dष.example | U+200D ZERO WIDTH JOINER, an invisible character",
  })
  void invisibleCharactersInTypedNamesAreRefused(String typed, String reason) {
    String message = error(DomainName.parseInput(typed));
    assertTrue(message.contains(" contains " + reason), message);
    assertTrue(error(DomainName.parseMailDomain(typed)).contains(reason), typed);
  }

  @Test
  void aZeroWidthJoinerAsTypedPointsToTheALabels() {
    String message = error(DomainName.parseInput("क्\u200Dष.example"));
    assertTrue(message.endsWith("give the name's A-labels)."), message);
    assertEquals("क्\u200Dष.example", DomainName.parseInput("xn--11b2ezcw70k.example").orElseThrow().unicode());
  }

  @Test
  void decomposedInputIsNormalizedAsTypedAndRefusedAsWritten() {
    String decomposed = "bu\u0308cher.example";
    assertTrue(error(DomainName.parse(decomposed)).contains("normalization form C"));
    assertEquals("xn--bcher-kva.example", DomainName.parseInput(decomposed).orElseThrow().ascii());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    // RFC 5891 §4.2.3.1 and §4.2.3.2
    "ab--ü.example | as its third and fourth characters",
    "-ü.example | starts or ends with a hyphen",
    "\u0301a.example | starts with the combining mark U+0301",
    // RFC 5891 §5.4: unassigned in the JDK's Unicode.
    "a\u0378.example | does not assign",
    // RFC 5892 Appendix A.3, A.7, A.8
    "a·b.example | MIDDLE DOT may only stand between two l",
    "a・b.example | KATAKANA MIDDLE DOT needs a Hiragana, Katakana or Han character",
    "ا٠۰.example | may not be mixed in one label",
    // RFC 5893 §2, conditions 1, 2 and 4; the ASCII label of a Bidi domain name is tested too.
    "שלום.1example | condition 1",
    "שa.example | condition 2",
    "ا١2.example | condition 4",
  })
  void labelsBreakingARuleAreRefusedNamingIt(String name, String expected) {
    String message = error(DomainName.parse(name));
    assertTrue(message.contains(expected), message);
    assertTrue(message.startsWith("domain '" + name + "' has the label '"), message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // xn--ascii decodes to C1 controls, xn--abc to ASCII only, xn--zzzzzz is cut short, xn--wca
    // is an upper-case Ü, xn--bucher-xyd is not in NFC, xn--ab-1ca holds a no-break space.
    "xn--ascii", "xn--abc", "xn--zzzzzz", "xn--wca", "xn--bucher-xyd", "xn--ab-1ca",
  })
  void madeUpALabelsAreRefused(String label) {
    String message = error(DomainName.parse(label + ".example"));
    assertTrue(message.contains("is not a valid A-label"), message);
  }

  @Test
  void everyBadLabelIsReportedAtOnce() {
    ParseResult<DomainName> result = DomainName.parse("a..b_c.☃.example");
    assertEquals(3, result.errors().size(), result::toString);
    assertTrue(result.errors().stream().allMatch(p -> p.field().equals("domain")));
  }

  @Test
  void lengthsAreCountedInALabels() {
    String label63 = "a".repeat(63);
    assertTrue(DomainName.parse(label63 + ".example").isValid());
    assertTrue(error(DomainName.parse("a".repeat(64) + ".example")).contains("64 characters"));
    // 60 times ü is 60 characters, but its A-label is longer than 63.
    String long60 = "ü".repeat(60);
    assertTrue(error(DomainName.parse(long60 + ".example")).contains("whose A-label"));
    String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
    assertEquals(name253, DomainName.of(name253 + ".").ascii());
    assertTrue(error(DomainName.parse(name253 + "a")).contains("254 characters"));
  }

  @Test
  void wildcardsAndEmptyNamesAreRefused() {
    assertTrue(error(DomainName.parse("*.example.com")).contains("has no wildcard"));
    assertTrue(error(DomainName.parse("")).contains("empty"));
    assertTrue(error(DomainName.parse("example..com")).contains("empty label"));
  }

  @Test
  void mailDomainsHaveTwoLabelsAndAName() {
    assertEquals("xn--strae-oqa.de", DomainName.parseMailDomain("Straße.de.").orElseThrow().ascii());
    assertTrue(error(DomainName.parseMailDomain("localhost")).contains("single label"));
    assertTrue(error(DomainName.parseMailDomain("192.0.2.1")).contains("is an IP address"));
    assertTrue(error(DomainName.parseMailDomain("[2001:db8::1]")).contains("is an IP address"));
    assertTrue(error(DomainName.parseMailDomain("example.123")).contains("all-numeric label '123'"));
    assertTrue(error(DomainName.parseMailDomain("127.0.0.1")).contains("is an IP address"));
    assertTrue(error(DomainName.parseMailDomain("127.0.0.1.")).contains("is an IP address"));
    assertTrue(error(DomainName.parseMailDomain("::1")).contains("is an IP address"));
    assertTrue(error(DomainName.parseMailDomain("１２７．０．０．１")).contains("fullwidth"));
  }

  @Test
  void labelsAreTheALabels() {
    assertEquals(List.of("mx", "xn--strae-oqa", "de"), DomainName.of("mx.straße.de").labels());
  }
}

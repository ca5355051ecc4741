package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DomainNameProperties {
  @Provide
  Arbitrary<String> uLabels() {
    // PVALID letters of several left-to-right scripts, ß and ς among them, and at least one
    // non-ASCII letter, so that every label is a U-label.
    Arbitrary<String> letters = Arbitraries.strings().withChars("abcxyz0189ßüéςωяж中ア").ofMinLength(0).ofMaxLength(12);
    return letters.map(s -> s + "ü");
  }

  @Property
  void theALabelOfAULabelDecodesToIt(@ForAll("uLabels") String label) {
    ParseResult<DomainName> parsed = DomainName.parse(label + ".example");
    assertTrue(parsed.isValid(), parsed::toString);
    DomainName name = parsed.orElseThrow();
    assertTrue(name.labels().get(0).startsWith("xn--"), name::ascii);
    DomainName decoded = DomainName.parse(name.ascii()).orElseThrow();
    assertEquals(label + ".example", decoded.unicode());
    assertEquals(name.ascii(), decoded.ascii());
  }

  @Provide
  Arbitrary<String> ldhLabels() {
    return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789").ofMinLength(1).ofMaxLength(20);
  }

  @Property
  void fullwidthInputIsRefusedAndTheMessageNamesTheOrdinaryName(@ForAll("ldhLabels") String label) {
    // RFC 5895 §2 step 2 would map each fullwidth form (U+FF01 to U+FF5E, its ASCII character
    // + 0xFEE0); a typed name is used only as it shows, so it is refused with the name to type.
    StringBuilder fullwidth = new StringBuilder();
    (label + ".example").chars().forEach(c -> fullwidth.append((char) (c + 0xFEE0)));
    ParseResult<DomainName> parsed = DomainName.parseInput(fullwidth.toString());
    assertFalse(parsed.isValid(), parsed::toString);
    String message = parsed.errors().get(0).message();
    assertTrue(message.endsWith(": type '" + DomainName.of(label + ".example").ascii() + "'."), message);
  }
}

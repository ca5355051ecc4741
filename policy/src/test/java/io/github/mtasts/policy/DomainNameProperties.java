package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  void fullwidthInputReadsAsTheOrdinaryName(@ForAll("ldhLabels") String label) {
    // RFC 5895 §2 step 2: each fullwidth form (U+FF01 to U+FF5E) is its ASCII character + 0xFEE0.
    StringBuilder fullwidth = new StringBuilder();
    (label + ".example").chars().forEach(c -> fullwidth.append((char) (c + 0xFEE0)));
    assertEquals(DomainName.of(label + ".example"), DomainName.parseInput(fullwidth.toString()).orElseThrow());
  }
}

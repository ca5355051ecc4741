package io.github.mtasts.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Code points from each category of RFC 5892 §2, with the derived property §3 gives them (as in
 * the IANA IDNA tables).
 */
class DerivedPropertyTest {
  @ParameterizedTest(name = "U+{0} is {1} ({2})")
  @CsvSource({
    "0061, PVALID, LDH",
    "002D, PVALID, LDH",
    "0041, DISALLOWED, upper case is unstable under case folding",
    "00DF, PVALID, exception: sharp s",
    "03C2, PVALID, exception: final sigma",
    "0640, DISALLOWED, exception: tatweel",
    "00B7, CONTEXTO, exception: middle dot",
    "0663, CONTEXTO, exception: Arabic-Indic digit",
    "200C, CONTEXTJ, join control",
    "200D, CONTEXTJ, join control",
    "00E9, PVALID, letter",
    "0131, PVALID, dotless i folds to itself",
    "0345, DISALLOWED, ypogegrammeni folds to iota",
    "1FB3, DISALLOWED, alpha with ypogegrammeni folds to two letters",
    "13A0, PVALID, Cherokee capitals are the folded form",
    "AB70, DISALLOWED, Cherokee small letters fold to capitals",
    "00A0, DISALLOWED, no-break space: unstable and white space",
    "034F, DISALLOWED, combining grapheme joiner: default ignorable",
    "FE0F, DISALLOWED, variation selector: default ignorable",
    "20D0, DISALLOWED, combining marks for symbols: ignorable block",
    "1D165, DISALLOWED, musical symbols: ignorable block",
    "1100, DISALLOWED, old Hangul jamo",
    "AC00, PVALID, Hangul syllable",
    "FDD0, DISALLOWED, noncharacter",
    "10FFFF, DISALLOWED, noncharacter",
    "0378, UNASSIGNED, unassigned",
    "2603, DISALLOWED, symbol",
    "1F4E7, DISALLOWED, emoji",
    "0030, PVALID, digit",
    "0966, PVALID, Devanagari digit",
    "094D, PVALID, virama",
  })
  void derivedPropertyFollowsRfc5892(String hex, DerivedProperty expected, String why) {
    assertEquals(expected, DerivedProperty.of(Integer.parseInt(hex, 16)), why);
  }
}

package io.github.mtasts.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The mapping of RFC 5895 §2, applied to a domain name a person typed before the IDNA2008 rules,
 * which map nothing, judge it: upper case to lower case, fullwidth and halfwidth forms to their
 * ordinary forms, NFC, and IDEOGRAPHIC FULL STOP to a dot.
 *
 * <p>Chosen over UTS #46, whose transitional processing maps ß to ss and ς to σ and so names
 * another domain, and whose wider mapping table (symbols, compatibility forms) would accept
 * names that the registration rules refuse: RFC 5895 maps only case, width and normalization,
 * differences a person typing a name does not mean. ß, ς, ZWJ and ZWNJ are kept.
 */
final class InputMapping {
  private InputMapping() {}

  /**
   * Maps a name.
   *
   * <p>The width mapping and the full stop come first and lower case is applied per label, which
   * gives RFC 5895's result: a capital Σ that ends a label becomes ς, as Unicode's Final_Sigma
   * rule lowers a word's last sigma ({@link String#toLowerCase(Locale)}), where a whole-name
   * mapping would see the next label as the same word.
   */
  static String map(String name) {
    StringBuilder narrowed = new StringBuilder();
    name.codePoints().forEach(c -> {
      // RFC 5895 §2 step 2: the <wide> and <narrow> decompositions are those of U+3000 and of
      // the block Halfwidth and Fullwidth Forms, where NFKC gives exactly them.
      if (c == 0x3000 || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
        narrowed.append(Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC));
      } else {
        narrowed.appendCodePoint(c);
      }
    });
    // RFC 5895 §2 step 4: IDEOGRAPHIC FULL STOP separates labels too.
    String[] labels = narrowed.toString().replace('\u3002', '.').split("\\.", -1);
    StringBuilder mapped = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) {
        mapped.append('.');
      }
      // RFC 5895 §2 steps 1 and 3.
      mapped.append(Normalizer.normalize(labels[i].toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
    }
    return mapped.toString();
  }
}

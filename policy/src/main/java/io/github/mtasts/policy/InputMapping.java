package io.github.mtasts.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What of a domain name a person typed is read as they meant it before the IDNA2008 rules, which
 * map nothing, judge it; and what is refused instead.
 *
 * <p>Mapped, as RFC 5895 §2 steps 1 and 3 say: upper case to lower case (DNS names compare
 * without case, RFC 4343, and a person reads {@code Example.COM} as {@code example.com}), and the
 * name to NFC (canonically equivalent sequences are the same text and show the same). ß, ς, ZWJ
 * and ZWNJ are not mapped, as UTS #46's transitional processing would, to another name.
 *
 * <p>Refused, with the reason and the name to type, where RFC 5895 §2 steps 2 and 4 would map:
 * fullwidth and halfwidth forms, the ideographic space and full stop; and refused as well,
 * invisible characters (format characters such as U+200B ZERO WIDTH SPACE, ZWJ and ZWNJ, variation
 * selectors, fillers) and control characters. A name that shows other characters than those it
 * stands for is what spoofing is made of: {@code ｅｘａｍｐｌｅ．ｃｏｍ} would be verified, and
 * deployed, as {@code example.com}, and {@code example.com} with a U+200B ZERO WIDTH SPACE inside
 * still looks like {@code example.com}. Where a name is typed, a person confirms what they see;
 * only characters that show as themselves can be confirmed.
 */
final class InputMapping {
  private static final int IDEOGRAPHIC_SPACE = 0x3000;
  private static final int IDEOGRAPHIC_FULL_STOP = 0x3002;
  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;

  private InputMapping() {}

  /**
   * Maps a name: lower case per label, then NFC.
   *
   * <p>Lower case is applied per label, which gives RFC 5895's result: a capital Σ that ends a
   * label becomes ς, as Unicode's Final_Sigma rule lowers a word's last sigma ({@link
   * String#toLowerCase(Locale)}), where a whole-name mapping would see the next label as the same
   * word.
   */
  static String map(String name) {
    String[] labels = name.split("\\.", -1);
    StringBuilder mapped = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) {
        mapped.append('.');
      }
      mapped.append(Normalizer.normalize(labels[i].toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
    }
    return mapped.toString();
  }

  /**
   * Describes the first character of a typed name that is refused rather than mapped, or returns
   * null when there is none.
   *
   * @param name the name as typed
   * @param quoted how messages name it, such as {@code domain 'example.com'}
   * @return a sentence naming the character by code point, why it is refused and what to type
   */
  static String refusal(String name, String quoted) {
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (isWidthForm(c)) {
        String narrow = narrowed(name);
        return quoted + " contains " + CodePoints.describe(c) + ", a fullwidth or halfwidth form, "
            + "which is not read as the ordinary character it stands for, so that the name used "
            + "is the name shown" + (DomainName.parse(narrow).isValid()
                ? ": type " + Excerpt.quote(narrow) + "." : ": type the name in ordinary characters.");
      }
      if (isInvisible(c)) {
        String visible = name.codePoints().filter(d -> !isInvisible(d))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return quoted + " contains " + CodePoints.describe(c) + ", "
            + (Character.getType(c) == Character.CONTROL ? "a control character" : "an invisible character")
            + ": the name shows as " + Excerpt.quote(visible) + " but is another; type it without "
            + "that character"
            + (c == ZWJ || c == ZWNJ ? " (if the registered name holds it, after a virama as RFC 5892 "
                + "Appendix A allows, give the name's A-labels)." : ".");
      }
    }
    return null;
  }

  /** RFC 5895 §2 step 2: the <wide> and <narrow> forms, and step 4: the ideographic full stop. */
  private static boolean isWidthForm(int c) {
    return c == IDEOGRAPHIC_SPACE || c == IDEOGRAPHIC_FULL_STOP
        || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  /** What RFC 5895 §2 would read a name as, for the message that refuses it: NFKC of each form. */
  private static String narrowed(String name) {
    StringBuilder narrow = new StringBuilder();
    name.codePoints().forEach(c -> {
      if (c == IDEOGRAPHIC_FULL_STOP) {
        narrow.append('.');
      } else if (isWidthForm(c)) {
        narrow.append(Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC));
      } else {
        narrow.appendCodePoint(c);
      }
    });
    return map(narrow.toString());
  }

  /**
   * Control characters, format characters (Unicode category Cf) and the other characters that
   * Unicode's Default_Ignorable_Code_Point property (UAX #44) says render as nothing: the
   * combining grapheme joiner, Hangul and Khmer fillers, Mongolian variation selectors, and the
   * variation selectors.
   */
  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT
        || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
        || (c >= 0x180B && c <= 0x180F) || c == 0x3164 || c == 0xFFA0
        || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
  }
}

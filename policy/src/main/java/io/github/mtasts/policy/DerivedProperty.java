package io.github.mtasts.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The IDNA2008 derived property of a code point (RFC 5892 §3): whether a U-label may hold it.
 *
 * <p>Computed as RFC 5892 §3 orders the categories of §2, from the Unicode data of the running JDK
 * ({@link Character}, {@link Normalizer}), so it follows the JDK's Unicode version (13.0 for Java
 * 17) rather than a table frozen at one version. Where the JDK lacks a property, the code points
 * are written out below with the Unicode file they come from. Differences from the IANA tables
 * that RFC 5892 derives: case folding (§2.3, category B) is computed as lower case of upper case,
 * with the two exceptions of CaseFolding.txt that the check can see (dotless ı, which folds to
 * itself, and Cherokee, which folds to capitals); Default_Ignorable_Code_Point
 * (§2.4) is listed only where General_Category alone does not already make the code point
 * DISALLOWED; code points the JDK's Unicode does not assign are UNASSIGNED even when a later
 * Unicode version assigns them.
 */
enum DerivedProperty {
  /** Allowed in a U-label. */
  PVALID,
  /** Allowed only where a join-control rule of RFC 5892 Appendix A holds. */
  CONTEXTJ,
  /** Allowed only where another contextual rule of RFC 5892 Appendix A holds. */
  CONTEXTO,
  /** Never allowed. */
  DISALLOWED,
  /** Not assigned by the Unicode version the JDK implements: not allowed (RFC 5891 §5.4). */
  UNASSIGNED;

  /**
   * The derived property, following RFC 5892 §3:
   *
   * <pre>
   * Exceptions (F) → BackwardCompatible (G, empty) → Unassigned (J) → LDH (E) → JoinControl (H)
   * → Unstable (B) → IgnorableProperties (C) → IgnorableBlocks (D) → OldHangulJamo (I)
   * → LetterDigits (A) → else DISALLOWED
   * </pre>
   */
  static DerivedProperty of(int codePoint) {
    DerivedProperty exception = exception(codePoint);
    if (exception != null) {
      return exception;
    }
    if (isUnassigned(codePoint)) {
      return UNASSIGNED;
    }
    if (codePoint == '-' || (codePoint >= '0' && codePoint <= '9')
        || (codePoint >= 'a' && codePoint <= 'z')) {
      return PVALID; // §2.5 LDH
    }
    if (codePoint == 0x200C || codePoint == 0x200D) {
      return CONTEXTJ; // §2.8 JoinControl
    }
    if (isUnstable(codePoint) || isIgnorable(codePoint) || isInIgnorableBlock(codePoint)
        || isOldHangulJamo(codePoint)) {
      return DISALLOWED;
    }
    return isLetterOrDigit(codePoint) ? PVALID : DISALLOWED;
  }

  /** RFC 5892 §2.6 Exceptions (F). */
  private static DerivedProperty exception(int c) {
    switch (c) {
      case 0x00DF: // LATIN SMALL LETTER SHARP S
      case 0x03C2: // GREEK SMALL LETTER FINAL SIGMA
      case 0x06FD: // ARABIC SIGN SINDHI AMPERSAND
      case 0x06FE: // ARABIC SIGN SINDHI POSTPOSITION MEN
      case 0x0F0B: // TIBETAN MARK INTERSYLLABIC TSHEG
      case 0x3007: // IDEOGRAPHIC NUMBER ZERO
        return PVALID;
      case 0x00B7: // MIDDLE DOT
      case 0x0375: // GREEK LOWER NUMERAL SIGN
      case 0x05F3: // HEBREW PUNCTUATION GERESH
      case 0x05F4: // HEBREW PUNCTUATION GERSHAYIM
      case 0x30FB: // KATAKANA MIDDLE DOT
        return CONTEXTO;
      case 0x0640: // ARABIC TATWEEL
      case 0x07FA: // NKO LAJANYALAN
      case 0x302E: // HANGUL SINGLE DOT TONE MARK
      case 0x302F: // HANGUL DOUBLE DOT TONE MARK
      case 0x3031: // VERTICAL KANA REPEAT MARK
      case 0x3032: // VERTICAL KANA REPEAT WITH VOICED SOUND MARK
      case 0x3033: // VERTICAL KANA REPEAT MARK UPPER HALF
      case 0x3034: // VERTICAL KANA REPEAT WITH VOICED SOUND MARK UPPER HALF
      case 0x3035: // VERTICAL KANA REPEAT MARK LOWER HALF
      case 0x303B: // VERTICAL IDEOGRAPHIC ITERATION MARK
        return DISALLOWED;
      default:
        // ARABIC-INDIC DIGITS and EXTENDED ARABIC-INDIC DIGITS
        return (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9) ? CONTEXTO : null;
    }
  }

  /** RFC 5892 §2.11 Unassigned (J): General_Category Cn, not a noncharacter. */
  private static boolean isUnassigned(int c) {
    return Character.getType(c) == Character.UNASSIGNED && !isNoncharacter(c);
  }

  /** Noncharacter_Code_Point (PropList.txt): U+FDD0..U+FDEF and the last two of every plane. */
  private static boolean isNoncharacter(int c) {
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
  }

  /** RFC 5892 §2.3 Unstable (B): toNFKC(toCaseFold(toNFKC(cp))) differs from cp. */
  private static boolean isUnstable(int c) {
    String original = new String(Character.toChars(c));
    String nfkc = Normalizer.normalize(original, Normalizer.Form.NFKC);
    return !Normalizer.normalize(caseFold(nfkc), Normalizer.Form.NFKC).equals(original);
  }

  /**
   * Full case folding (Unicode CaseFolding.txt, statuses C and F), computed from the JDK's case
   * mappings: lower case of upper case, which is the fold of every code point except dotless ı
   * (upper case I, lower case i, but it folds to itself) and Cherokee letters (which fold to the
   * capitals, for stability with the Unicode versions before 8.0, which had no small letters).
   */
  private static String caseFold(String text) {
    StringBuilder folded = new StringBuilder();
    text.codePoints().forEach(c -> {
      if (c == 0x0131) {
        folded.appendCodePoint(c);
      } else if ((c >= 0x13A0 && c <= 0x13FD) || (c >= 0xAB70 && c <= 0xABBF)) {
        folded.appendCodePoint(Character.toUpperCase(c));
      } else {
        String one = new String(Character.toChars(c));
        folded.append(one.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
      }
    });
    return folded.toString();
  }

  /**
   * RFC 5892 §2.4 IgnorableProperties (C): Default_Ignorable_Code_Point, White_Space or
   * Noncharacter_Code_Point. White_Space and the Cf part of Default_Ignorable_Code_Point are
   * DISALLOWED anyway (no letter or digit), so only the rest of Default_Ignorable_Code_Point is
   * listed: Other_Default_Ignorable_Code_Point and Variation_Selector of PropList.txt that are
   * assigned and not Cf.
   */
  private static boolean isIgnorable(int c) {
    return isNoncharacter(c)
        || c == 0x034F // COMBINING GRAPHEME JOINER
        || (c >= 0x115F && c <= 0x1160) // HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
        || (c >= 0x17B4 && c <= 0x17B5) // KHMER VOWEL INHERENT AQ, AA
        || (c >= 0x180B && c <= 0x180D) || c == 0x180F // MONGOLIAN FREE VARIATION SELECTORS
        || c == 0x3164 // HANGUL FILLER
        || (c >= 0xFE00 && c <= 0xFE0F) // VARIATION SELECTOR-1 to -16
        || c == 0xFFA0 // HALFWIDTH HANGUL FILLER
        || (c >= 0xE0100 && c <= 0xE01EF); // VARIATION SELECTOR-17 to -256
  }

  /** RFC 5892 §2.7 IgnorableBlocks (D). */
  private static boolean isInIgnorableBlock(int c) {
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block == Character.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS
        || block == Character.UnicodeBlock.MUSICAL_SYMBOLS
        || block == Character.UnicodeBlock.ANCIENT_GREEK_MUSICAL_NOTATION;
  }

  /**
   * RFC 5892 §2.9 OldHangulJamo (I): Hangul_Syllable_Type L, V or T (HangulSyllableType.txt),
   * unchanged since Unicode 5.2.
   */
  private static boolean isOldHangulJamo(int c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0xA960 && c <= 0xA97C)
        || (c >= 0xD7B0 && c <= 0xD7C6) || (c >= 0xD7CB && c <= 0xD7FB);
  }

  /** RFC 5892 §2.1 LetterDigits (A): General_Category Ll, Lu, Lo, Nd, Lm, Mn or Mc. */
  private static boolean isLetterOrDigit(int c) {
    switch (Character.getType(c)) {
      case Character.LOWERCASE_LETTER:
      case Character.UPPERCASE_LETTER:
      case Character.OTHER_LETTER:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.MODIFIER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.COMBINING_SPACING_MARK:
        return true;
      default:
        return false;
    }
  }
}

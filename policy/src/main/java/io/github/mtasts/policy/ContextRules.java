package io.github.mtasts.policy;

import java.text.Normalizer;

/**
 * The contextual rules of RFC 5892 Appendix A: where a CONTEXTJ or CONTEXTO code point may stand
 * in a U-label. All of them are checked, as registration does (RFC 5891 §4.2.3.3), not only the
 * CONTEXTJ ones that lookup must check (RFC 5891 §5.4): the names mtasts takes are names that
 * someone publishes.
 */
final class ContextRules {
  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private ContextRules() {}

  /**
   * Describes how the code point at {@code index} breaks its rule, or returns null when the rule
   * holds (or the code point has none).
   *
   * @param label the code points of the label
   * @param index the position of a CONTEXTJ or CONTEXTO code point
   * @return the end of a sentence, such as "ZERO WIDTH JOINER must follow a virama (...)"
   */
  static String violation(int[] label, int index) {
    int c = label[index];
    int before = index > 0 ? label[index - 1] : -1;
    int after = index + 1 < label.length ? label[index + 1] : -1;
    switch (c) {
      case ZERO_WIDTH_NON_JOINER:
        // Appendix A.1: after a virama, or between letters that join across it.
        return before >= 0 && isVirama(before) || joinsAcross(label, index) ? null
            : "ZERO WIDTH NON-JOINER may only follow a virama or stand between two letters that "
                + "would join, such as Arabic or Persian letters (RFC 5892 Appendix A.1)";
      case ZERO_WIDTH_JOINER:
        // Appendix A.2
        return before >= 0 && isVirama(before) ? null
            : "ZERO WIDTH JOINER may only follow a virama (RFC 5892 Appendix A.2)";
      case 0x00B7:
        // Appendix A.3: the Catalan ela geminada, l·l.
        return before == 'l' && after == 'l' ? null
            : "MIDDLE DOT may only stand between two l, as in Catalan 'l·l' "
                + "(RFC 5892 Appendix A.3)";
      case 0x0375:
        // Appendix A.4
        return after >= 0 && Character.UnicodeScript.of(after) == Character.UnicodeScript.GREEK
            ? null
            : "GREEK LOWER NUMERAL SIGN must be followed by a Greek letter (RFC 5892 Appendix A.4)";
      case 0x05F3:
      case 0x05F4:
        // Appendix A.5 and A.6
        return before >= 0 && Character.UnicodeScript.of(before) == Character.UnicodeScript.HEBREW
            ? null
            : "a Hebrew geresh or gershayim must follow a Hebrew letter (RFC 5892 Appendix A.5, "
                + "A.6)";
      case 0x30FB:
        // Appendix A.7
        for (int other : label) {
          Character.UnicodeScript script = Character.UnicodeScript.of(other);
          if (script == Character.UnicodeScript.HIRAGANA
              || script == Character.UnicodeScript.KATAKANA
              || script == Character.UnicodeScript.HAN) {
            return null;
          }
        }
        return "KATAKANA MIDDLE DOT needs a Hiragana, Katakana or Han character in the same label "
            + "(RFC 5892 Appendix A.7)";
      default:
        // Appendix A.8 and A.9: one kind of Arabic digits per label.
        if (c >= 0x0660 && c <= 0x0669 && contains(label, 0x06F0, 0x06F9)
            || c >= 0x06F0 && c <= 0x06F9 && contains(label, 0x0660, 0x0669)) {
          return "Arabic-Indic digits (U+0660 to U+0669) and Extended Arabic-Indic digits (U+06F0 "
              + "to U+06F9) may not be mixed in one label (RFC 5892 Appendix A.8, A.9)";
        }
        return null;
    }
  }

  /**
   * Appendix A.1's pattern around the ZWNJ at {@code index}: a left- or dual-joining letter
   * before it and a right- or dual-joining letter after it, with transparent marks between.
   */
  private static boolean joinsAcross(int[] label, int index) {
    int left = index - 1;
    while (left >= 0 && JoiningType.of(label[left]) == JoiningType.T) {
      left--;
    }
    int right = index + 1;
    while (right < label.length && JoiningType.of(label[right]) == JoiningType.T) {
      right++;
    }
    if (left < 0 || right >= label.length) {
      return false;
    }
    JoiningType before = JoiningType.of(label[left]);
    JoiningType after = JoiningType.of(label[right]);
    return (before == JoiningType.L || before == JoiningType.D)
        && (after == JoiningType.R || after == JoiningType.D);
  }

  /**
   * Whether Canonical_Combining_Class is Virama (9). The JDK has no accessor for the class, but
   * its normalizer applies it: canonical ordering (Unicode §3.11) moves a mark after a following
   * one of lower, non-zero class. A mark is of class 9 exactly when it moves after U+3099 (class
   * 8) and U+05B0 (class 10) moves after it.
   */
  static boolean isVirama(int c) {
    String mark = new String(Character.toChars(c));
    if (c == 0x3099 || c == 0x05B0 || !Normalizer.normalize(mark, Normalizer.Form.NFD).equals(mark)) {
      return false;
    }
    String above8 = Normalizer.normalize("a" + mark + "\u3099", Normalizer.Form.NFD);
    String below10 = Normalizer.normalize("a\u05B0" + mark, Normalizer.Form.NFD);
    return above8.equals("a\u3099" + mark) && below10.equals("a" + mark + "\u05B0");
  }

  private static boolean contains(int[] label, int first, int last) {
    for (int c : label) {
      if (c >= first && c <= last) {
        return true;
      }
    }
    return false;
  }
}

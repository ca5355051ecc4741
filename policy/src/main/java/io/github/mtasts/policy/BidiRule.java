package io.github.mtasts.policy;

import java.util.Map;

/**
 * The Bidi rule of RFC 5893 §2 for domain names that hold right-to-left text: six conditions on
 * the Bidi_Class of each label's characters ({@link Character#getDirectionality(int)}) that keep a
 * name displayed in one unambiguous order. A name is a Bidi domain name when one of its labels
 * holds a character of class R, AL or AN (RFC 5893 §1.4); every label of such a name, ASCII ones
 * included, must then meet the conditions.
 */
final class BidiRule {
  private static final Map<Byte, String> CLASS_NAMES = Map.ofEntries(
      Map.entry(Character.DIRECTIONALITY_LEFT_TO_RIGHT, "L"),
      Map.entry(Character.DIRECTIONALITY_RIGHT_TO_LEFT, "R"),
      Map.entry(Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, "AL"),
      Map.entry(Character.DIRECTIONALITY_EUROPEAN_NUMBER, "EN"),
      Map.entry(Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR, "ES"),
      Map.entry(Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR, "ET"),
      Map.entry(Character.DIRECTIONALITY_ARABIC_NUMBER, "AN"),
      Map.entry(Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR, "CS"),
      Map.entry(Character.DIRECTIONALITY_NONSPACING_MARK, "NSM"),
      Map.entry(Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, "BN"),
      Map.entry(Character.DIRECTIONALITY_OTHER_NEUTRALS, "ON"));

  private BidiRule() {}

  /** Whether a label makes its name a Bidi domain name: it holds a character of class R, AL or AN. */
  static boolean isRightToLeft(String label) {
    return label.codePoints().anyMatch(c -> {
      String bidiClass = bidiClass(c);
      return bidiClass.equals("R") || bidiClass.equals("AL") || bidiClass.equals("AN");
    });
  }

  /**
   * Describes the first of the six conditions of RFC 5893 §2 that a label of a Bidi domain name
   * breaks, or returns null when it meets them all.
   *
   * @param label the label in Unicode (a U-label or an LDH label)
   * @return the end of a sentence about the label, or null
   */
  static String violation(String label) {
    int[] codePoints = label.codePoints().toArray();
    String first = bidiClass(codePoints[0]);
    boolean rightToLeft = first.equals("R") || first.equals("AL");
    if (!rightToLeft && !first.equals("L")) {
      return "starts with " + describe(codePoints[0]) + ", but in a name with right-to-left labels "
          + "every label starts with a letter (RFC 5893 §2, condition 1)";
    }
    String allowed = rightToLeft ? " R AL AN EN ES CS ET ON BN NSM " : " L EN ES CS ET ON BN NSM ";
    boolean european = false;
    boolean arabic = false;
    for (int c : codePoints) {
      String bidiClass = bidiClass(c);
      if (!allowed.contains(" " + bidiClass + " ")) {
        return "mixes directions: " + describe(c) + " may not stand in a "
            + (rightToLeft ? "right-to-left label (RFC 5893 §2, condition 2)"
                : "left-to-right label of a name with right-to-left labels (RFC 5893 §2, "
                    + "condition 5)");
      }
      european |= bidiClass.equals("EN");
      arabic |= bidiClass.equals("AN");
    }
    int last = codePoints.length - 1;
    while (last > 0 && bidiClass(codePoints[last]).equals("NSM")) {
      last--;
    }
    String end = bidiClass(codePoints[last]);
    if (rightToLeft && !(end.equals("R") || end.equals("AL") || end.equals("EN") || end.equals("AN"))) {
      return "ends with " + describe(codePoints[last]) + ", but a right-to-left label ends with a "
          + "right-to-left letter or a digit (RFC 5893 §2, condition 3)";
    }
    if (!rightToLeft && !(end.equals("L") || end.equals("EN"))) {
      return "ends with " + describe(codePoints[last]) + ", but a left-to-right label of a name "
          + "with right-to-left labels ends with a letter or a digit (RFC 5893 §2, condition 6)";
    }
    if (rightToLeft && european && arabic) {
      return "mixes European digits and Arabic-Indic digits, which a right-to-left label may not "
          + "(RFC 5893 §2, condition 4)";
    }
    return null;
  }

  private static String bidiClass(int c) {
    return CLASS_NAMES.getOrDefault(Character.getDirectionality(c), "other");
  }

  private static String describe(int c) {
    return CodePoints.describe(c) + " (Bidi_Class " + bidiClass(c) + ")";
  }
}

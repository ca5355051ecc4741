package io.github.mtasts.policy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The IDNA2008 rules for one label in Unicode (a U-label, RFC 5890 §2.3.2.1) and for the A-label
 * ({@code xn--} and Punycode) that encodes one.
 *
 * <p>The U-label rules are those of registration (RFC 5891 §4.2), which include those of lookup
 * (§5.4): NFC, the hyphen rules, no leading combining mark, every code point PVALID or a
 * CONTEXTJ or CONTEXTO code point whose rule holds (RFC 5892). The Bidi rule (RFC 5893) concerns
 * the whole name and is checked by {@link DomainName}.
 */
final class ULabel {
  /** The ACE prefix of every A-label (RFC 5890 §2.3.2.5). */
  static final String ACE_PREFIX = "xn--";

  /** A decoded A-label: the U-label, or why there is none. */
  record Decoded(Optional<String> uLabel, String violation) {}

  private ULabel() {}

  /**
   * Describes the first rule a U-label breaks, or returns null when it is valid.
   *
   * @param label the label, holding at least one non-ASCII code point
   * @return the end of a sentence about the label, such as "contains U+2603 SNOWMAN, ..."
   */
  static String violation(String label) {
    if (!Normalizer.isNormalized(label, Normalizer.Form.NFC)) {
      // RFC 5891 §5.4 and §4.2.1: a U-label is in Unicode Normalization Form C.
      return "is not in Unicode normalization form C: write it composed, as "
          + Excerpt.quote(Normalizer.normalize(label, Normalizer.Form.NFC)) + " (RFC 5891 §4.2.1)";
    }
    if (label.length() >= 4 && label.startsWith("--", 2)) {
      return "has '--' as its third and fourth characters, which IDNA2008 reserves "
          + "(RFC 5891 §4.2.3.1)";
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      return "starts or ends with a hyphen (RFC 5891 §4.2.3.1)";
    }
    int first = label.codePointAt(0);
    int type = Character.getType(first);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return "starts with the combining mark " + CodePoints.describe(first) + ", which must follow "
          + "a letter (RFC 5891 §4.2.3.2)";
    }
    int[] codePoints = label.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      int c = codePoints[i];
      switch (DerivedProperty.of(c)) {
        case PVALID:
          break;
        case CONTEXTJ:
        case CONTEXTO:
          String broken = ContextRules.violation(codePoints, i);
          if (broken != null) {
            return "contains " + CodePoints.describe(c) + " where it may not stand: " + broken;
          }
          break;
        case UNASSIGNED:
          return "contains " + CodePoints.describe(c) + ", which the Unicode data of this Java "
              + "runtime (Java " + Runtime.version().feature() + ") does not assign; IDNA2008 "
              + "refuses unassigned code points (RFC 5891 §5.4)";
        default:
          return "contains " + CodePoints.describe(c) + ", which IDNA2008 does not allow in a "
              + "domain name: labels hold letters, digits, combining marks and hyphens; symbols, "
              + "emoji, punctuation and upper case are DISALLOWED (RFC 5892 §2)" + lowerCaseHint(label);
      }
    }
    return null;
  }

  /**
   * Decodes an A-label (RFC 5891 §5.3): its Punycode must decode to a valid U-label that encodes
   * back to the same A-label, so that every name has exactly one A-label.
   *
   * @param aLabel a label starting with {@code xn--}, in lower case
   * @return the U-label, or the end of a sentence saying why the label is no A-label
   */
  static Decoded decode(String aLabel) {
    Optional<String> decoded = Punycode.decode(aLabel.substring(ACE_PREFIX.length()));
    if (decoded.isEmpty()) {
      return new Decoded(Optional.empty(), "its Punycode does not decode (RFC 3492 §6.2)");
    }
    String uLabel = decoded.get();
    if (uLabel.chars().allMatch(c -> c < 0x80)) {
      return new Decoded(Optional.empty(), "it decodes to '" + uLabel + "', which has no "
          + "non-ASCII character and so needs no A-label (RFC 5890 §2.3.2.1)");
    }
    String violation = violation(uLabel);
    if (violation != null) {
      return new Decoded(Optional.empty(), "it decodes to '" + uLabel + "', which " + violation);
    }
    String encoded = encode(uLabel);
    if (!encoded.equals(aLabel)) {
      return new Decoded(Optional.empty(), "it decodes to '" + uLabel + "', whose A-label is '"
          + encoded + "' (RFC 5891 §5.3)");
    }
    return new Decoded(decoded, null);
  }

  /** The A-label of a valid U-label: {@code xn--} and its Punycode. */
  static String encode(String uLabel) {
    return ACE_PREFIX + Punycode.encode(uLabel);
  }

  private static String lowerCaseHint(String label) {
    String lower = label.toLowerCase(Locale.ROOT);
    return !lower.equals(label) && violation(lower) == null
        ? "; write it in lower case, as " + Excerpt.quote(lower) : "";
  }
}

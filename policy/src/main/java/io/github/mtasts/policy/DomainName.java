package io.github.mtasts.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain name under the IDNA2008 rules: each label is an LDH label ({@code example}), or an
 * internationalized label written as its A-label ({@code xn--strae-oqa}) or its U-label
 * ({@code straße}). Immutable; equal names have equal A-label forms.
 *
 * <p>The one rule for every domain and host name mtasts takes, wherever it enters. A U-label must
 * meet the registration rules of RFC 5891 §4.2 (NFC, hyphens, no leading combining mark, the code
 * points and contextual rules of RFC 5892) and the name the Bidi rule of RFC 5893; an A-label must
 * decode to such a U-label and encode back to itself (RFC 5891 §5.3). IDNA2008 maps nothing:
 * {@code straße} stays {@code xn--strae-oqa}, never {@code strasse} as IDNA2003 ({@link
 * java.net.IDN}) would have it. For names a person types, {@link #parseInput} first folds case
 * and normalizes to NFC, as RFC 5895 §2 says, and refuses what that section would also map
 * (fullwidth and halfwidth forms, ideographic full stops) and invisible characters: a typed name
 * is used only if it shows as the name it is.
 *
 * <p>LDH labels with {@code --} in the third and fourth places other than {@code xn--} are
 * accepted: RFC 5890 §2.3.1 reserves them, but names such as {@code r3---sn-abc.example.net}
 * exist in the DNS, and RFC 5891 §5.4 leaves LDH labels to the DNS.
 */
public final class DomainName {
  // RFC 5321 §4.1.2: sub-domain = Let-dig [Ldh-str]
  private static final Pattern LDH_LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
  // RFC 1035 §2.3.4: labels of at most 63 octets, names of at most 255 octets on the wire
  // (253 characters in text form without the trailing dot).
  private static final int MAX_LABEL_LENGTH = 63;
  private static final int MAX_NAME_LENGTH = 253;
  private static final String FIELD = "domain";

  private final List<String> asciiLabels;
  private final List<String> unicodeLabels;

  private DomainName(List<String> asciiLabels, List<String> unicodeLabels) {
    this.asciiLabels = List.copyOf(asciiLabels);
    this.unicodeLabels = List.copyOf(unicodeLabels);
  }

  /**
   * Parses a name as written in a record or a policy: nothing is mapped, but LDH labels and
   * A-labels compare without regard to case (RFC 4343). A trailing dot is allowed and dropped.
   *
   * @param text the name, such as {@code mx.example.com} or {@code mx.straße.de}
   * @return the name, or one error per label that breaks a rule, each naming the fix
   */
  public static ParseResult<DomainName> parse(String text) {
    return parse(text, text, "domain " + Excerpt.quote(text));
  }

  /**
   * Parses a name a person typed: folds upper to lower case and normalizes to NFC, as RFC 5895 §2
   * steps 1 and 3 say, then applies the rules of {@link #parse}. {@code Straße.DE} is accepted as
   * {@code xn--strae-oqa.de}; ß and ς are kept, not mapped.
   *
   * <p>Nothing else is mapped: a typed name is used only if it shows as the name it is, so that a
   * person who confirms what they see confirms the name used. Refused with the reason and the name
   * to type: fullwidth and halfwidth forms and the ideographic full stop, which RFC 5895 §2 steps 2
   * and 4 would map ({@code ｅｘａｍｐｌｅ．ｃｏｍ} is not read as {@code example.com}), and invisible
   * and control characters ({@code example.com} with a U+200B ZERO WIDTH SPACE inside looks like
   * {@code example.com} and is another name).
   *
   * @param text the name as typed
   * @return the name, or the errors; messages quote the text as typed
   */
  public static ParseResult<DomainName> parseInput(String text) {
    String refusal = InputMapping.refusal(text, "domain " + Excerpt.quote(text));
    if (refusal != null) {
      return failure(text, refusal);
    }
    String mapped = InputMapping.map(text);
    String quoted = "domain " + Excerpt.quote(text)
        + (mapped.equals(text) ? "" : " (read as " + Excerpt.quote(mapped) + ")");
    return parse(mapped, text, quoted);
  }

  /**
   * Parses a mail domain a person typed, as {@link #parseInput} does, and also requires what every
   * mail domain has: at least two labels, and a last label that is not all digits (no top-level
   * domain is, RFC 3696 §2), so that an IP address is refused as such.
   *
   * @param text the domain as typed, such as {@code example.com}
   * @return the domain, or the errors
   */
  public static ParseResult<DomainName> parseMailDomain(String text) {
    String quoted = "domain " + Excerpt.quote(text);
    String relative = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (looksLikeIpLiteral(relative)) {
      return failure(text, quoted + " is an IP address: give the name of the mail domain, such as "
          + "example.com (RFC 5321 §2.3.5).");
    }
    ParseResult<DomainName> parsed = parseInput(text);
    if (!parsed.isValid()) {
      return parsed;
    }
    String violation = mailDomainViolation(parsed.value().orElseThrow().asciiLabels, quoted);
    return violation == null ? parsed : failure(text, violation);
  }

  /**
   * Describes what a valid domain name lacks to be a mail domain, or returns null: at least two
   * labels, and a last label that is not all digits (no top-level domain is, RFC 3696 §2).
   *
   * @param asciiLabels the labels of the name in A-label form
   * @param quoted how messages name it, such as {@code domain 'example'}
   */
  private static String mailDomainViolation(List<String> asciiLabels, String quoted) {
    if (asciiLabels.size() < 2) {
      return quoted + " has a single label: give the full mail domain, such as example.com.";
    }
    String last = asciiLabels.get(asciiLabels.size() - 1);
    if (DIGITS.matcher(last).matches()) {
      return quoted + " ends in the all-numeric label '" + last + "', which no domain has "
          + "(RFC 3696 §2): give the name of the mail domain.";
    }
    return null;
  }

  /**
   * Parses a name that must be valid.
   *
   * @param text the name, as for {@link #parse}
   * @return the name
   * @throws InvalidInputException when it is not a valid domain name
   */
  public static DomainName of(String text) {
    return parse(text).orElseThrow();
  }

  private static ParseResult<DomainName> parse(String name, String original, String quoted) {
    if (name.isEmpty()) {
      return failure(original, "the domain name is empty: give a name such as example.com.");
    }
    String relative = name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    Checked checked = check(relative, quoted);
    List<Problem> problems = new ArrayList<>();
    checked.violations().forEach(v -> problems.add(Problem.error(FIELD, 0, original, v)));
    return ParseResult.of(problems, () -> new DomainName(checked.ascii(), checked.unicode()));
  }

  private static ParseResult<DomainName> failure(String text, String message) {
    return ParseResult.of(List.of(Problem.error(FIELD, 0, text, message)), () -> null);
  }

  /** The labels of a checked name in both forms, or the sentences of every rule it breaks. */
  record Checked(List<String> ascii, List<String> unicode, List<String> violations) {}

  /**
   * Checks a name without trailing dot against the rules above: one sentence per label that breaks
   * one, then the Bidi rule over the whole name and its length.
   *
   * @param name the name, without trailing dot
   * @param quoted how messages name the text, such as {@code mx 'example'}
   */
  static Checked check(String name, String quoted) {
    List<String> ascii = new ArrayList<>();
    List<String> unicode = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    for (String label : name.split("\\.", -1)) {
      String violation = checkLabel(label, quoted, ascii, unicode);
      if (violation != null) {
        violations.add(violation);
      }
    }
    if (!violations.isEmpty()) {
      return new Checked(List.of(), List.of(), violations);
    }
    // RFC 5893 §2: in a name with a right-to-left label, every label meets the Bidi rule.
    if (unicode.stream().anyMatch(BidiRule::isRightToLeft)) {
      for (String label : unicode) {
        String violation = BidiRule.violation(label);
        if (violation != null) {
          violations.add(quoted + " has the label " + Excerpt.quote(label) + ", which " + violation + ".");
        }
      }
    }
    int length = String.join(".", ascii).length();
    if (length > MAX_NAME_LENGTH) {
      violations.add(quoted + " is " + length + " characters long"
          + (ascii.equals(unicode) ? "" : " in A-labels") + "; a domain name has at most "
          + MAX_NAME_LENGTH + " (RFC 1035 §2.3.4).");
    }
    return new Checked(ascii, unicode, violations);
  }

  /** Checks one label and adds its two forms; returns the sentence of the rule it breaks, or null. */
  private static String checkLabel(String label, String quoted, List<String> ascii, List<String> unicode) {
    if (label.isEmpty()) {
      return quoted + " has an empty label (two dots in a row or a leading dot): remove the extra "
          + "dot (RFC 5321 §4.1.2).";
    }
    if (label.contains("*")) {
      return quoted + " contains '*': a domain name has no wildcard; give the name itself "
          + "(RFC 5321 §4.1.2).";
    }
    if (label.chars().allMatch(c -> c < 0x80)) {
      if (label.length() > MAX_LABEL_LENGTH) {
        return quoted + " has a label of " + label.length() + " characters; a label has at most "
            + MAX_LABEL_LENGTH + " (RFC 1035 §2.3.4).";
      }
      if (!LDH_LABEL.matcher(label).matches()) {
        return quoted + " has the invalid label '" + label + "': labels consist of letters, digits "
            + "and hyphens, and start and end with a letter or digit (RFC 5321 §4.1.2).";
      }
      String lower = label.toLowerCase(Locale.ROOT);
      String uLabel = lower;
      if (lower.startsWith(ULabel.ACE_PREFIX)) {
        ULabel.Decoded decoded = ULabel.decode(lower);
        if (decoded.uLabel().isEmpty()) {
          return quoted + " has the label '" + label + "', which starts with xn-- but is not a "
              + "valid A-label: " + decoded.violation() + ". Convert the internationalized name "
              + "again (RFC 5891 §5.3).";
        }
        uLabel = decoded.uLabel().get();
      }
      ascii.add(lower);
      unicode.add(uLabel);
      return null;
    }
    // RFC 3492 §6.3: an A-label holds "xn--" and at least one character per code point of the
    // U-label, so a U-label of more than 59 code points has no A-label within 63 characters. Said
    // before the label is encoded, which costs its length times its distinct code points.
    int codePoints = label.codePointCount(0, label.length());
    if (codePoints > MAX_LABEL_LENGTH - ULabel.ACE_PREFIX.length()) {
      return quoted + " has a label of " + codePoints + " characters, whose A-label would be longer "
          + "than the " + MAX_LABEL_LENGTH + " characters a label has at most (RFC 5890 §2.3.2.1).";
    }
    String violation = ULabel.violation(label);
    if (violation != null) {
      return quoted + " has the label " + Excerpt.quote(label) + ", which " + violation + ".";
    }
    String aLabel = ULabel.encode(label);
    if (aLabel.length() > MAX_LABEL_LENGTH) {
      return quoted + " has the label " + Excerpt.quote(label) + ", whose A-label " + Excerpt.quote(aLabel) + " is "
          + aLabel.length() + " characters long; a label has at most " + MAX_LABEL_LENGTH
          + " (RFC 5890 §2.3.2.1).";
    }
    ascii.add(aLabel);
    unicode.add(label);
    return null;
  }

  /**
   * Whether text looks like an IP address rather than a name: an RFC 5321 §4.1.3 address literal
   * ({@code [192.0.2.1]}, {@code [IPv6:...]}), a bare IPv6 address, or a dotted IPv4 address.
   */
  static boolean looksLikeIpLiteral(String text) {
    if (text.startsWith("[") || IPV6.matcher(text).matches()) {
      return true;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!DIGITS.matcher(part).matches() || part.length() > 3 || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether the last label of a name in A-labels is all digits, which no top-level domain is. */
  static boolean endsInNumericLabel(String asciiName) {
    return DIGITS.matcher(asciiName.substring(asciiName.lastIndexOf('.') + 1)).matches();
  }

  /** The name in A-labels and lower case, without trailing dot: {@code xn--strae-oqa.de}. */
  public String ascii() {
    return String.join(".", asciiLabels);
  }

  /** The name in U-labels (LDH labels in lower case), without trailing dot: {@code straße.de}. */
  public String unicode() {
    return String.join(".", unicodeLabels);
  }

  /** The labels in A-label form and lower case, from the left. */
  public List<String> labels() {
    return asciiLabels;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DomainName && ((DomainName) o).asciiLabels.equals(asciiLabels);
  }

  @Override
  public int hashCode() {
    return asciiLabels.hashCode();
  }

  /** The name in A-labels: {@link #ascii()}. */
  @Override
  public String toString() {
    return ascii();
  }
}

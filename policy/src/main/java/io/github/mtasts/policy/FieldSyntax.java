package io.github.mtasts.policy;

import java.util.regex.Pattern;

/** Grammar shared by the policy body and the two TXT records. */
final class FieldSyntax {
  // RFC 8461 §3.1 sts-ext-name, §3.2 sts-policy-ext-name and RFC 8460 §3 tlsrpt-ext-name:
  // (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
  private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
  // RFC 8461 §3.1 sts-ext-value and RFC 8460 §3 tlsrpt-ext-value:
  // 1*(%x21-3A / %x3C / %x3E-7E), visible ASCII except "=" and ";"
  private static final Pattern TXT_VALUE = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

  /** How a field name must look, for messages. */
  static final String NAME_RULE =
      "a name is a letter or digit followed by up to 31 letters, digits, '_', '-' or '.'";

  private FieldSyntax() {}

  static boolean isExtensionName(String name) {
    return EXTENSION_NAME.matcher(name).matches();
  }

  static boolean isTxtValue(String value) {
    return TXT_VALUE.matcher(value).matches();
  }

  /** Whether {@code c} is WSP (RFC 5234: SP or HTAB). */
  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  /** Removes leading WSP. */
  static String stripLeadingWsp(String s) {
    int start = 0;
    while (start < s.length() && isWsp(s.charAt(start))) {
      start++;
    }
    return s.substring(start);
  }

  /** Removes trailing WSP. */
  static String stripTrailingWsp(String s) {
    int end = s.length();
    while (end > 0 && isWsp(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Describes why {@code value} is not an RFC 8461 §3.2 sts-policy-ext-value, or returns null.
   *
   * <p>Allowed: visible ASCII and UTF-8 characters, with spaces only between them.
   */
  static String policyValueViolation(String value) {
    if (value.isEmpty()) {
      return "is empty: RFC 8461 §3.2 requires at least one visible character after ':'";
    }
    if (isWsp(value.charAt(0)) || isWsp(value.charAt(value.length() - 1))) {
      return "starts or ends with whitespace, which RFC 8461 §3.2 does not keep in a value; trim it";
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      // RFC 8461 §3.2: sts-policy-vchar = %x21-7E / UTF8-2 / UTF8-3 / UTF8-4; %x20 only inside
      boolean allowed =
          c == ' ' || (c >= 0x21 && c <= 0x7e) || (c >= 0x80 && !Character.isSurrogate((char) c));
      if (!allowed) {
        return String.format(
            "contains the character U+%04X, which RFC 8461 §3.2 does not allow in a value (only "
                + "visible characters and inner spaces); remove it",
            c);
      }
      i += Character.charCount(c);
    }
    return null;
  }
}

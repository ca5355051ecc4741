package io.github.mtasts.policy;

import java.util.Locale;

/** How messages name a code point. */
final class CodePoints {
  private CodePoints() {}

  /** "U+2603 SNOWMAN", or "U+0378" for a code point without a name. */
  static String describe(int c) {
    String name = Character.getName(c);
    return String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name);
  }
}

package io.github.mtasts.cli;

/**
 * Text from the input or the network made safe to print for a person. A policy body, a TXT
 * record, a domain argument or a hostile server's answer can carry ESC, BEL, NUL or a
 * right-to-left override: printed as they are, they move the cursor, retitle or clear the
 * terminal, ring it, or reorder what a person reads. Every control character (Unicode category
 * Cc: C0, DEL, C1), format character (Cf: bidirectional controls, zero-width characters), line and
 * paragraph separator and lone surrogate is written as its escape instead, a backslash, {@code u}
 * and four hex digits (ESC is <code>&#92;u001b</code>); the rest is printed unchanged. A backslash in
 * the text stays as it is. JSON output needs none of this: its encoder escapes control
 * characters itself and a program reads it.
 */
final class HumanText {
  private HumanText() {}

  /**
   * Escapes what must not reach a terminal as it is.
   *
   * @param text any text
   * @return the text with every such character written as its escape (eight hex digits after
   *     {@code U} for a code point above U+FFFF)
   */
  static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (isUnsafe(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(c > 0xFFFF ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
      } else if (out != null) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  private static boolean isUnsafe(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}

package io.github.mtasts.policy;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/**
 * How findings quote text they did not write: whole when it is short, otherwise an excerpt with
 * the length or the position, so that a message or a problem stays small whatever the input. A
 * policy body, a TXT record or a value typed by a person can be as long as the sender of it likes
 * (a 64 KiB record from a hostile DNS server, a 1 MB value in a program): a message that quoted
 * it whole would grow with it, and one that quoted it once per finding would grow with its
 * square.
 *
 * <p>Every excerpt is at most {@link #MAX_CHARS} characters of the text, never cut inside a
 * surrogate pair, with {@code …} where text was left out. Nothing is escaped: control characters
 * are the business of whoever prints the text for a person.
 */
public final class Excerpt {
  /**
   * Text of up to this many characters is quoted whole, longer text is cut to this many: the
   * longest domain name (253 characters) and the longest TXT character-string (255 octets) fit.
   */
  public static final int MAX_CHARS = 255;

  /** How many items {@link #list} names before it counts the rest. */
  static final int MAX_ITEMS = 10;

  private static final String ELLIPSIS = "…";
  // Characters kept on each side of a position, so that an excerpt around one fits MAX_CHARS.
  private static final int CONTEXT = (MAX_CHARS - 2 * ELLIPSIS.length()) / 2;

  private Excerpt() {}

  /**
   * Quotes a value for a message: {@code 'value'} when it has at most {@link #MAX_CHARS}
   * characters, otherwise its start and its length, {@code 'abc…' (1,048,576 characters)}.
   *
   * @param value the value as given
   * @return the quotation, at most about 290 characters
   */
  public static String quote(String value) {
    if (value.length() <= MAX_CHARS) {
      return "'" + value + "'";
    }
    return "'" + head(value) + "' (" + count(value.length()) + " characters)";
  }

  /**
   * The text itself when it has at most {@link #MAX_CHARS} characters, otherwise its start and
   * {@code …}, {@link #MAX_CHARS} characters in all.
   *
   * @param text any text
   * @return the text or its start
   */
  public static String head(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int end = MAX_CHARS - ELLIPSIS.length();
    return text.substring(0, splitsPair(text, end) ? end - 1 : end) + ELLIPSIS;
  }

  /**
   * The characters around a position of a text: the text itself when it is short, otherwise up
   * to 126 characters before and after {@code index}, with {@code …} where text was left out.
   *
   * @param text any text
   * @param index a position in it, 0 to its length
   * @return at most {@link #MAX_CHARS} characters
   */
  public static String around(String text, int index) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    int at = Math.max(0, Math.min(index, text.length()));
    int start = Math.max(0, at - CONTEXT);
    start += splitsPair(text, start) ? 1 : 0;
    int end = Math.min(text.length(), at + CONTEXT);
    end -= splitsPair(text, end) ? 1 : 0;
    return (start > 0 ? ELLIPSIS : "") + text.substring(start, end)
        + (end < text.length() ? ELLIPSIS : "");
  }

  /**
   * Lists items for a message: {@code a, b, c}, or the first ten and how many more,
   * {@code a, b, …, j, and 7,990 more}; each item is cut as by {@link #head}.
   *
   * @param items the items, in the order to show
   * @return the list, without brackets
   */
  public static String list(Collection<?> items) {
    StringBuilder out = new StringBuilder();
    Iterator<?> it = items.iterator();
    for (int shown = 0; it.hasNext() && shown < MAX_ITEMS; shown++) {
      out.append(shown == 0 ? "" : ", ").append(head(String.valueOf(it.next())));
    }
    if (items.size() > MAX_ITEMS) {
      out.append(", and ").append(count(items.size() - MAX_ITEMS)).append(" more");
    }
    return out.toString();
  }

  /**
   * Writes a count for people, with digit groups: {@code 1,048,576}.
   *
   * @param n the count
   * @return the digits
   */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Whether cutting the text at {@code index} would split a surrogate pair. */
  private static boolean splitsPair(String text, int index) {
    return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        && Character.isHighSurrogate(text.charAt(index - 1));
  }
}

package io.github.mtasts.policy;

import java.util.Optional;

/**
 * Punycode (RFC 3492): the encoding of a U-label's code points into the ASCII of its A-label after
 * {@code xn--} (RFC 5891 §4.4), and back. {@link java.net.IDN} implements IDNA2003, which maps ß to
 * ss and refuses valid IDNA2008 A-labels such as {@code xn--strae-oqa} (straße), so it cannot
 * serve here.
 */
final class Punycode {
  private static final int BASE = 36;
  private static final int TMIN = 1;
  private static final int TMAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  private Punycode() {}

  /**
   * Decodes the part of an A-label after {@code xn--}.
   *
   * @return the Unicode label, or empty when the input is not valid Punycode
   */
  static Optional<String> decode(String input) {
    int delimiter = input.lastIndexOf('-');
    StringBuilder output = new StringBuilder();
    for (int j = 0; j < Math.max(delimiter, 0); j++) {
      if (input.charAt(j) >= 0x80) {
        return Optional.empty();
      }
      output.append(input.charAt(j));
    }
    int[] codePoints = output.codePoints().toArray();
    int length = codePoints.length;
    int[] out = new int[input.length()];
    System.arraycopy(codePoints, 0, out, 0, length);
    int n = INITIAL_N;
    int i = 0;
    int bias = INITIAL_BIAS;
    for (int in = delimiter > 0 ? delimiter + 1 : 0; in < input.length(); ) {
      int oldI = i;
      int w = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= input.length()) {
          return Optional.empty();
        }
        int digit = digit(input.charAt(in++));
        if (digit < 0 || digit > (Integer.MAX_VALUE - i) / w) {
          return Optional.empty();
        }
        i += digit * w;
        int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (digit < t) {
          break;
        }
        if (w > Integer.MAX_VALUE / (BASE - t)) {
          return Optional.empty();
        }
        w *= BASE - t;
      }
      bias = adapt(i - oldI, length + 1, oldI == 0);
      if (i / (length + 1) > Integer.MAX_VALUE - n) {
        return Optional.empty();
      }
      n += i / (length + 1);
      i %= length + 1;
      if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF)) {
        return Optional.empty();
      }
      System.arraycopy(out, i, out, i + 1, length - i);
      out[i++] = n;
      length++;
    }
    return Optional.of(new String(out, 0, length));
  }

  /**
   * Encodes a label (RFC 3492 §6.3): its basic code points in order, a delimiter when there are
   * any, then the deltas of the others. Letters keep their case; callers pass lower-case labels.
   *
   * @param input the Unicode label
   * @return the part of the A-label after {@code xn--}
   * @throws IllegalArgumentException when the label is too long to encode (RFC 3492 §6.4)
   */
  static String encode(String input) {
    int[] codePoints = input.codePoints().toArray();
    StringBuilder output = new StringBuilder();
    for (int c : codePoints) {
      if (c < INITIAL_N) {
        output.append((char) c);
      }
    }
    int basic = output.length();
    int handled = basic;
    if (basic > 0) {
      output.append('-');
    }
    int n = INITIAL_N;
    int delta = 0;
    int bias = INITIAL_BIAS;
    while (handled < codePoints.length) {
      int m = Integer.MAX_VALUE;
      for (int c : codePoints) {
        if (c >= n && c < m) {
          m = c;
        }
      }
      if (m - n > (Integer.MAX_VALUE - delta) / (handled + 1)) {
        throw new IllegalArgumentException("the label is too long for Punycode (RFC 3492 §6.4)");
      }
      delta += (m - n) * (handled + 1);
      n = m;
      for (int c : codePoints) {
        if (c < n) {
          if (delta == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the label is too long for Punycode (RFC 3492 §6.4)");
          }
          delta++;
        }
        if (c == n) {
          int q = delta;
          for (int k = BASE; ; k += BASE) {
            int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (q < t) {
              break;
            }
            output.append(encodedDigit(t + (q - t) % (BASE - t)));
            q = (q - t) / (BASE - t);
          }
          output.append(encodedDigit(q));
          bias = adapt(delta, handled + 1, handled == basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return output.toString();
  }

  private static char encodedDigit(int d) {
    return (char) (d < 26 ? 'a' + d : '0' + d - 26);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    return -1;
  }

  private static int adapt(int delta, int numPoints, boolean firstTime) {
    delta = firstTime ? delta / DAMP : delta / 2;
    delta += delta / numPoints;
    int k = 0;
    while (delta > ((BASE - TMIN) * TMAX) / 2) {
      delta /= BASE - TMIN;
      k += BASE;
    }
    return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
  }
}

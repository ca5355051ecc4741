package io.github.mtasts.provider.host;

/** Numbers of the wire form (doubles) as people read them. */
final class Numbers {

  private Numbers() {}

  /**
   * Formats a number without a trailing ".0" when it is whole.
   *
   * @param number the number
   * @return for example "604800" or "1.5"
   */
  static String format(double number) {
    if (number == Math.rint(number) && !Double.isInfinite(number) && Math.abs(number) < 1e15) {
      return Long.toString((long) number);
    }
    return Double.toString(number);
  }
}

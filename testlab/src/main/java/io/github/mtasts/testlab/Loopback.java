package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;

/** The loopback addresses a laboratory's servers bind, written as literals. */
final class Loopback {

  private Loopback() {}

  /**
   * Returns the address of a literal, which needs no lookup.
   *
   * @param literal such as {@code 127.0.31.1}
   * @return the address
   * @throws IllegalStateException when it is no address literal
   */
  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalStateException(literal, e);
    }
  }
}

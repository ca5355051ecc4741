package io.github.mtasts.provider;

import java.util.Optional;

/**
 * A server address written {@code host}, {@code host:port}, {@code [ipv6]:port} or a bare IPv6
 * address, as users give a DNS server.
 *
 * @param host the host name or address literal (IPv6 without brackets)
 * @param port the port, or empty for the protocol's default
 */
public record HostPort(String host, Optional<Integer> port) {

  /**
   * Parses an address.
   *
   * @param text the address
   * @return the address, or empty when the text is not one
   */
  public static Optional<HostPort> parse(String text) {
    String host;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return Optional.empty();
        }
        port = rest.substring(1);
      }
    } else if (text.indexOf(':') != text.lastIndexOf(':')) {
      host = text; // a bare IPv6 address: its colons are not a port separator
    } else if (text.contains(":")) {
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    } else {
      host = text;
    }
    if (host.isEmpty() || !host.matches("[A-Za-z0-9.:%_-]+")) {
      return Optional.empty();
    }
    if (port == null) {
      return Optional.of(new HostPort(host, Optional.empty()));
    }
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(host, Optional.of(Integer.parseInt(port))));
  }
}

package io.github.mtasts.verify;

import io.github.mtasts.policy.DomainName;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.ParseResult;
import io.github.mtasts.policy.Problem;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A server as a person writes it: {@code HOST}, {@code HOST:PORT}, {@code [IPV6]},
 * {@code [IPV6]:PORT} or a bare IPv6 address, where HOST is an IP address or a host name.
 *
 * <p>Reading one never asks DNS: an IP address is read as written, and a host name is only
 * checked for its form, so that checking a setting (a provider's Check, during a preview) neither
 * waits for a resolver nor sends whatever a person typed to one. A name is looked up by {@link
 * #resolve()}, when the server is about to be used.
 */
public final class HostPort {
  private static final String USAGE = "; write HOST, HOST:PORT or [IPV6]:PORT, for example 127.0.0.1:5353";
  private static final int MAX_NAME_LENGTH = 253;
  // Digits and dots only: an IPv4 address, or nothing (no top-level domain is all digits).
  private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

  private final String field;
  private final String text;
  private final String host;
  private final int port;
  private final InetAddress literal;

  private HostPort(String field, String text, String host, int port, InetAddress literal) {
    this.field = field;
    this.text = text;
    this.host = host;
    this.port = port;
    this.literal = literal;
  }

  /**
   * Reads a server.
   *
   * @param field the name of the setting, for messages
   * @param text what was written
   * @param defaultPort the port when none is written
   * @return the server
   * @throws IllegalArgumentException naming the setting and the value when it is malformed
   */
  public static HostPort parse(String field, String text, int defaultPort) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + " is empty" + USAGE);
    }
    String quoted = field + " " + Excerpt.quote(text);
    String host = text.strip();
    String port = null;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(quoted + " has no closing ']'" + USAGE);
      }
      String rest = host.substring(close + 1);
      host = host.substring(1, close);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException(quoted + " is malformed" + USAGE);
        }
        port = rest.substring(1);
      }
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      port = host.substring(host.indexOf(':') + 1);
      host = host.substring(0, host.indexOf(':'));
    }
    int portNumber = defaultPort;
    if (port != null) {
      try {
        portNumber = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(quoted + " has a bad port " + Excerpt.quote(port) + USAGE);
      }
      VerifyOptions.Builder.checkPort(field + " port", portNumber);
    }
    return new HostPort(field, text, host, portNumber, literal(quoted, host));
  }

  /**
   * The address of an IP literal, or null for a host name whose form is valid. Java would send a
   * digits-and-dots text that is no IPv4 address (such as 999.1.1.1) to DNS as a name: here it is
   * refused; an IPv6 literal is read without a lookup.
   */
  private static InetAddress literal(String quoted, String host) {
    try {
      if (host.indexOf(':') >= 0) {
        return InetAddress.getByName(host); // a literal: InetAddress does not look up names with ':'
      }
      if (NUMERIC.matcher(host).matches()) {
        if (!IPV4.matcher(host).matches()) {
          throw new IllegalArgumentException(quoted + ": " + Excerpt.quote(host) + " is not an IPv4 address" + USAGE);
        }
        return InetAddress.getByName(host);
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(quoted + ": " + Excerpt.quote(host) + " is not an IPv6 address" + USAGE, e);
    }
    if (host.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(quoted + " names a host of " + Excerpt.count(host.length())
          + " characters; a host name has at most " + MAX_NAME_LENGTH + " (RFC 1035 §2.3.4)" + USAGE);
    }
    ParseResult<DomainName> name = DomainName.parse(host);
    if (!name.isValid()) {
      throw new IllegalArgumentException(quoted + ": " + String.join(" ", name.errors().stream()
          .map(Problem::message).toList()) + USAGE);
    }
    return null;
  }

  /**
   * The socket address, looking a host name up with the system's resolver.
   *
   * @return the resolved address
   * @throws IllegalArgumentException naming the setting when the name does not resolve
   */
  public InetSocketAddress resolve() {
    if (literal != null) {
      return new InetSocketAddress(literal, port);
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(field + " " + Excerpt.quote(text) + ": host " + Excerpt.quote(host)
          + " does not resolve" + USAGE, e);
    }
  }
}

package io.github.mtasts.verify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off ({@code TCP_NODELAY}), as browsers, curl and Python's
 * urllib3 open them. A TLS client writes its Finished message and then its first request (the
 * policy's GET, or SMTP's QUIT) as two small writes; with Nagle's algorithm the second waits for
 * the peer to acknowledge the first, and a peer delays that acknowledgement by up to 40 ms on
 * Linux. Measured on the fleet laboratory: 78 ms of wall time per sequential policy fetch with
 * Nagle's algorithm, 39 ms without.
 */
final class NoDelaySockets extends SocketFactory {
  static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private final SocketFactory plain = SocketFactory.getDefault();

  private NoDelaySockets() {}

  /**
   * Turns Nagle's algorithm off on {@code socket}.
   *
   * @return {@code socket}
   */
  static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(plain.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
    return noDelay(plain.createSocket(host, port, localAddress, localPort));
  }

  @Override
  public Socket createSocket(InetAddress address, int port) throws IOException {
    return noDelay(plain.createSocket(address, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(address, port, localAddress, localPort));
  }
}

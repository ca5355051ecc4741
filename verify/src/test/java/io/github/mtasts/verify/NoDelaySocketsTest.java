package io.github.mtasts.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * Nagle's algorithm is off on every socket the policy fetcher and the MX probe open: what the
 * wall time of a fetch depends on (see {@link NoDelaySockets}) is measured in the fleet
 * benchmark; here, that the option is set whichever way a socket is made.
 */
class NoDelaySocketsTest {
  @Test
  void anUnconnectedSocketHasNagleOff() throws Exception {
    try (Socket socket = NoDelaySockets.INSTANCE.createSocket()) {
      assertTrue(socket.getTcpNoDelay());
    }
  }

  @Test
  void aSocketConnectedByTheFactoryHasNagleOff() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = new ServerSocket(0, 1, loopback);
        Socket byAddress = NoDelaySockets.INSTANCE.createSocket(loopback, server.getLocalPort());
        Socket byName = NoDelaySockets.INSTANCE.createSocket(loopback.getHostAddress(), server.getLocalPort())) {
      assertTrue(byAddress.getTcpNoDelay());
      assertTrue(byName.getTcpNoDelay());
    }
  }
}

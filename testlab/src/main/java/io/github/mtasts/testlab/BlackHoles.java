package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * MX addresses that never complete an SMTP dialogue, to prove that probes are bounded by their
 * timeouts:
 *
 * <ul>
 *   <li>{@link #fullBacklog}: a listening socket that never accepts, its accept queue filled by
 *       connections this fixture opens first. Linux then drops further SYNs, so a client's
 *       connect hangs until its own timeout, as for a firewalled ("black-holed") address.
 *   <li>{@link #silent}: a socket that accepts and never speaks, as a stalled server or tarpit,
 *       so the client waits for a greeting until its read timeout.
 * </ul>
 */
public final class BlackHoles implements AutoCloseable {
  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Listens on the address without ever accepting, with a full accept queue. */
  public void fullBacklog(InetAddress address, int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(address, port), 1);
    resources.add(server);
    for (int i = 0; i < 64; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(new InetSocketAddress(address, port), 200);
        resources.add(filler);
      } catch (SocketTimeoutException e) {
        filler.close();
        return; // The queue is full: SYNs are now dropped.
      }
    }
    throw new IOException("the accept queue of " + address + ":" + port + " never filled");
  }

  /** Accepts connections on the address and never sends a byte. */
  public void silent(InetAddress address, int port) throws IOException {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(address, port), 50);
    resources.add(server);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket held = server.accept();
          synchronized (resources) {
            resources.add(held);
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "silent-smtp-" + address.getHostAddress());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @Override
  public void close() {
    synchronized (resources) {
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          // Best effort at teardown.
        }
      }
      resources.clear();
    }
  }
}

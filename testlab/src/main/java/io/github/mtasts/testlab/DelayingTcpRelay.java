package io.github.mtasts.testlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on loopback that stands for a network path with a fixed one-way delay, for the
 * benchmark (bench/verify-bench.sh). Every chunk read from one side is written to the other one
 * one-way delay after it arrived, in order.
 *
 * <p>The three-way handshake is modelled too: in real TCP the server's accept returns, and the
 * client's first bytes arrive, three one-way delays after the client's SYN (SYN, SYN-ACK, ACK),
 * and a server that speaks first is heard one more delay later. The kernel completes the
 * handshake with this relay at once, so the relay instead opens its upstream connection three
 * one-way delays after accepting and forwards no client byte before that. What the client
 * observes first (a greeting, or the answer to its first bytes) then comes exactly as late as
 * over the real path. Only its {@code connect()} returns early, so work it does between the
 * connect and its first write overlaps the modelled handshake instead of following it.
 *
 * <p>Not modelled: bandwidth, loss and retransmission, the congestion window, and the timing
 * of the closing handshake (an end of stream is forwarded after one delay).
 */
public final class DelayingTcpRelay implements AutoCloseable {
  /** The handshake's cost before the server's accept returns: SYN, SYN-ACK, ACK. */
  private static final int HANDSHAKE_ONE_WAY_DELAYS = 3;

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final long oneWayNanos;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  private DelayingTcpRelay(ServerSocket listener, InetSocketAddress upstream, Duration roundTrip,
      ExecutorService threads) {
    this.listener = listener;
    this.upstream = upstream;
    this.oneWayNanos = roundTrip.toNanos() / 2;
    this.threads = threads;
  }

  /**
   * Starts a relay.
   *
   * @param listen where clients connect
   * @param upstream the server the relay stands in front of
   * @param roundTrip the round-trip time to model; each direction gets half of it
   * @param threads runs the relay's blocking loops (one per open direction); the caller shuts it down
   */
  public static DelayingTcpRelay start(InetSocketAddress listen, InetSocketAddress upstream, Duration roundTrip,
      ExecutorService threads) throws IOException {
    ServerSocket listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(listen, 1024);
    DelayingTcpRelay relay = new DelayingTcpRelay(listener, upstream, roundTrip, threads);
    threads.execute(relay::acceptLoop);
    return relay;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      long acceptedAt = System.nanoTime();
      threads.execute(() -> relay(client, acceptedAt));
    }
  }

  private void relay(Socket client, long acceptedAt) {
    Connection connection = new Connection(client, new Socket());
    try {
      client.setTcpNoDelay(true);
      long serverAccepts = acceptedAt + HANDSHAKE_ONE_WAY_DELAYS * oneWayNanos;
      Direction toServer = connection.direction(client, serverAccepts);
      threads.execute(toServer::read);
      sleepUntil(serverAccepts);
      connection.server.connect(upstream, 5_000);
      connection.server.setTcpNoDelay(true);
      Direction toClient = connection.direction(connection.server, 0);
      threads.execute(toClient::read);
      threads.execute(() -> toServer.write(connection.server));
      toClient.write(client);
    } catch (IOException | InterruptedException e) {
      connection.abort();
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** The two sockets of one relayed connection; closed when both directions ended. */
  private final class Connection {
    private final Socket client;
    private final Socket server;
    private final Set<Direction> directions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile boolean aborted;

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
      open.add(client);
      open.add(server);
    }

    Direction direction(Socket from, long notBefore) {
      Direction direction = new Direction(this, from, notBefore);
      directions.add(direction);
      if (aborted) {
        direction.queue.add(ABORT);
      }
      return direction;
    }

    void directionEnded() {
      if (ended.incrementAndGet() == 2) {
        abort();
      }
    }

    /** Closes both sockets and wakes both writers, so no thread outlives the connection. */
    void abort() {
      aborted = true;
      closeQuietly(client);
      closeQuietly(server);
      open.remove(client);
      open.remove(server);
      directions.forEach(d -> d.queue.add(ABORT));
    }
  }

  /** A chunk of bytes, or the end of the stream (null bytes), and when it is due at the far side. */
  private record Chunk(long dueNanos, byte[] bytes) {}

  /** Tells a writer that its connection is gone. */
  private static final Chunk ABORT = new Chunk(0, new byte[0]);

  /** One direction of a connection: a reader queues chunks as they arrive, a writer delivers them when due. */
  private final class Direction {
    private final Connection connection;
    private final Socket from;
    private final long notBefore;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    Direction(Connection connection, Socket from, long notBefore) {
      this.connection = connection;
      this.from = from;
      this.notBefore = notBefore;
    }

    /** Arrival times only grow and the delay is fixed, so due times only grow: order is kept. */
    void read() {
      byte[] buffer = new byte[16 * 1024];
      try {
        InputStream in = from.getInputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          queue.add(new Chunk(due(), Arrays.copyOf(buffer, n)));
        }
        queue.add(new Chunk(due(), null));
      } catch (IOException e) {
        connection.abort();
      }
    }

    private long due() {
      return Math.max(System.nanoTime() + oneWayNanos, notBefore);
    }

    void write(Socket to) {
      try {
        OutputStream out = to.getOutputStream();
        while (true) {
          Chunk chunk = queue.take();
          if (chunk == ABORT) {
            return;
          }
          sleepUntil(chunk.dueNanos());
          if (chunk.bytes() == null) {
            to.shutdownOutput();
            connection.directionEnded();
            return;
          }
          out.write(chunk.bytes());
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        connection.abort();
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Best effort: the connection is over either way.
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    open.forEach(DelayingTcpRelay::closeQuietly);
  }
}

package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A DNS-over-UDP relay on loopback that stands for a network path with a fixed one-way delay,
 * for the benchmark (bench/verify-bench.sh): every query is sent on to the server, and every
 * answer back to its client, one one-way delay after it arrived. Like a forwarder, it sends all
 * queries from one socket and tells the answers apart by a message id of its own, restoring the
 * client's id in the answer (RFC 1035 §4.1.1: the id matches an answer to its query).
 *
 * <p>Loss is modelled on request only: {@link #dropFirstQueryOfEachQuestion()} drops the first
 * datagram that asks each question, as a path that loses one datagram, or a server whose
 * receive buffer overflowed, does; a client that never retransmits then gets no answer. The
 * relay counts the queries it received and the most it held unanswered at once, so a test can
 * tell a paced client from one that sends every query in one burst. DNS over TCP goes through a
 * {@link DelayingTcpRelay} on the same port.
 */
public final class DelayingDnsRelay implements AutoCloseable {
  /** RFC 1035 §2.3.4 with EDNS: a datagram is at most 65535 bytes. */
  private static final int MAX_DATAGRAM = 65_535;

  private final DatagramSocket front;
  private final DatagramSocket back;
  private final long oneWayNanos;
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "dns-relay-send"));
  private final AtomicInteger nextId = new AtomicInteger();
  /** The client and its message id, by the relay's own id. */
  private final AtomicReferenceArray<Pending> pending = new AtomicReferenceArray<>(1 << 16);

  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicInteger peakUnanswered = new AtomicInteger();
  private final Set<String> questionsSeen = ConcurrentHashMap.newKeySet();
  private volatile boolean dropFirstOfEachQuestion;

  private record Pending(SocketAddress client, int id) {}

  private DelayingDnsRelay(DatagramSocket front, DatagramSocket back, Duration roundTrip) {
    this.front = front;
    this.back = back;
    this.oneWayNanos = roundTrip.toNanos() / 2;
  }

  /**
   * Starts a relay.
   *
   * @param listen where clients send queries
   * @param upstream the DNS server the relay stands in front of
   * @param roundTrip the round-trip time to model; each direction gets half of it
   * @param threads runs the relay's two receive loops; the caller shuts it down
   */
  public static DelayingDnsRelay start(InetSocketAddress listen, InetSocketAddress upstream, Duration roundTrip,
      ExecutorService threads) throws IOException {
    DatagramSocket front = new DatagramSocket(listen);
    DatagramSocket back = new DatagramSocket(new InetSocketAddress(listen.getAddress(), 0));
    back.connect(upstream);
    DelayingDnsRelay relay = new DelayingDnsRelay(front, back, roundTrip);
    threads.execute(relay::queries);
    threads.execute(relay::answers);
    return relay;
  }

  private void queries() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    while (!front.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        front.receive(packet);
      } catch (IOException e) {
        return;
      }
      if (packet.getLength() < 12) {
        continue; // Shorter than a DNS header: nothing a server would answer.
      }
      byte[] query = Arrays.copyOf(packet.getData(), packet.getLength());
      received.incrementAndGet();
      if (questionsSeen.add(question(query)) && dropFirstOfEachQuestion) {
        continue;
      }
      peakUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
      int relayId = nextId.getAndIncrement() & 0xFFFF;
      pending.set(relayId, new Pending(packet.getSocketAddress(), id(query)));
      setId(query, relayId);
      later(back, new DatagramPacket(query, query.length));
    }
  }

  private void answers() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    while (!back.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        back.receive(packet);
      } catch (IOException e) {
        return;
      }
      if (packet.getLength() < 12) {
        continue;
      }
      byte[] answer = Arrays.copyOf(packet.getData(), packet.getLength());
      Pending query = pending.getAndSet(id(answer), null);
      if (query == null) {
        continue; // A duplicate or late answer: its client no longer waits here.
      }
      unanswered.decrementAndGet();
      setId(answer, query.id());
      later(front, new DatagramPacket(answer, answer.length, query.client()));
    }
  }

  /** One-way delays are equal, so the single sender keeps datagrams in arrival order. */
  private void later(DatagramSocket socket, DatagramPacket packet) {
    sender.schedule(() -> {
      try {
        socket.send(packet);
      } catch (IOException e) {
        // A lost datagram: the client's retry or timeout handles it, as on a real path.
      }
    }, oneWayNanos, TimeUnit.NANOSECONDS);
  }

  /** Drops, from now on, the first datagram asking each question not seen before; returns this relay. */
  public DelayingDnsRelay dropFirstQueryOfEachQuestion() {
    dropFirstOfEachQuestion = true;
    return this;
  }

  /** The queries received so far, dropped ones included. */
  public int queriesReceived() {
    return received.get();
  }

  /** The most queries passed on to the server and not yet answered at one time. */
  public int peakUnanswered() {
    return peakUnanswered.get();
  }

  /** The question of a query (RFC 1035 §4.1.2: name, type, class after the 12-byte header), as text. */
  private static String question(byte[] query) {
    int end = 12;
    while (end < query.length && query[end] != 0) {
      end += (query[end] & 0xFF) + 1;
    }
    end = Math.min(query.length, end + 5);
    return new String(query, 12, Math.max(0, end - 12), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int id(byte[] message) {
    return ((message[0] & 0xFF) << 8) | (message[1] & 0xFF);
  }

  private static void setId(byte[] message, int id) {
    message[0] = (byte) (id >>> 8);
    message[1] = (byte) id;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    front.close();
    back.close();
    sender.shutdownNow();
  }
}

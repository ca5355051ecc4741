package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's relays pass bytes and datagrams through unchanged and in order (their timing
 * is the benchmark's business, not a test's): what the benchmark measures is only meaningful if
 * the verifier sees exactly what the servers sent.
 */
class DelayingRelaysTest {
  private static final Duration ROUND_TRIP = Duration.ofMillis(4);
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "relay-test");
    thread.setDaemon(true);
    return thread;
  });

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void tcpRelayKeepsOrderAndForwardsTheEndOfStreamBothWays() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (ServerSocket echo = new ServerSocket(0, 10, loopback)) {
      // A server that speaks first, then echoes until the client's end of stream, then ends its own.
      threads.execute(() -> {
        try (Socket s = echo.accept()) {
          OutputStream out = s.getOutputStream();
          out.write("hello\n".getBytes());
          s.getInputStream().transferTo(out);
          s.shutdownOutput();
        } catch (IOException e) {
          // The assertions below fail.
        }
      });
      InetSocketAddress listen = new InetSocketAddress(loopback, KnotServer.freePort(loopback));
      try (DelayingTcpRelay relay = DelayingTcpRelay.start(listen,
          new InetSocketAddress(loopback, echo.getLocalPort()), ROUND_TRIP, threads);
          Socket client = new Socket()) {
        client.connect(listen);
        client.setSoTimeout(10_000);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        OutputStream out = client.getOutputStream();
        for (int i = 0; i < 200; i++) {
          byte[] chunk = ("chunk " + i + " " + "x".repeat(i * 37) + "\n").getBytes();
          out.write(chunk);
          sent.write(chunk);
        }
        client.shutdownOutput();
        InputStream in = client.getInputStream();
        byte[] received = in.readAllBytes();
        byte[] expected = ("hello\n" + sent).getBytes();
        assertEquals(expected.length, received.length);
        assertArrayEquals(expected, received);
      }
    }
  }

  @Test
  void dnsRelayReturnsEachAnswerToItsClientWithItsOwnId() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (DatagramSocket server = new DatagramSocket(0, loopback)) {
      // Answers each message with itself plus one byte: the relay must map it back by id alone.
      threads.execute(() -> {
        byte[] buffer = new byte[512];
        while (!server.isClosed()) {
          DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
          try {
            server.receive(packet);
            byte[] answer = Arrays.copyOf(packet.getData(), packet.getLength() + 1);
            answer[answer.length - 1] = '!';
            server.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
          } catch (IOException e) {
            return;
          }
        }
      });
      InetSocketAddress listen = new InetSocketAddress(loopback, KnotServer.freePort(loopback));
      try (DelayingDnsRelay relay = DelayingDnsRelay.start(listen,
          new InetSocketAddress(loopback, server.getLocalPort()), ROUND_TRIP, threads);
          DatagramSocket first = new DatagramSocket(0, loopback);
          DatagramSocket second = new DatagramSocket(0, loopback)) {
        // Both clients use the same id, as independent stubs may.
        byte[] query1 = message(0x1234, "first query");
        byte[] query2 = message(0x1234, "second query");
        first.send(new DatagramPacket(query1, query1.length, listen));
        second.send(new DatagramPacket(query2, query2.length, listen));
        assertArrayEquals(answered(query1), receive(first));
        assertArrayEquals(answered(query2), receive(second));
      }
    }
  }

  /** A datagram with a DNS header's id and a body (the relay reads only the 12-byte header). */
  private static byte[] message(int id, String body) {
    byte[] header = new byte[12];
    header[0] = (byte) (id >>> 8);
    header[1] = (byte) id;
    byte[] text = body.getBytes();
    byte[] message = Arrays.copyOf(header, 12 + text.length);
    System.arraycopy(text, 0, message, 12, text.length);
    return message;
  }

  private static byte[] answered(byte[] query) {
    byte[] answer = Arrays.copyOf(query, query.length + 1);
    answer[query.length] = '!';
    return answer;
  }

  private static byte[] receive(DatagramSocket socket) throws IOException {
    socket.setSoTimeout(10_000);
    byte[] buffer = new byte[512];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }
}

package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * What every stand-in for a DNS service's name servers shares: a UDP socket on loopback, one
 * datagram per query (answers are small enough for UDP), an authoritative answer carrying the
 * question, and the answer's records from a function of the question, asked afresh each time.
 */
final class UdpDnsServer implements AutoCloseable {

  /** The records of an answer to one question. */
  @FunctionalInterface
  interface Answers {
    /**
     * Fills the answer: its records, and its code when not NOERROR.
     *
     * @param question the question
     * @param response the answer, with its header and question set
     * @throws IOException when a record the service holds cannot be read
     */
    void answer(Record question, Message response) throws IOException;
  }

  private final DatagramSocket socket;
  private final Answers answers;
  private final Thread thread;

  private UdpDnsServer(DatagramSocket socket, String name, Answers answers) {
    this.socket = socket;
    this.answers = answers;
    this.thread = new Thread(this::serve, name);
    thread.setDaemon(true);
  }

  /**
   * Starts serving on a free UDP port.
   *
   * @param bind the loopback address
   * @param name the serving thread's name, which also prefixes what it reports
   * @param answers what answers each question
   * @return the running server
   * @throws IOException when the socket cannot be bound
   */
  static UdpDnsServer start(InetAddress bind, String name, Answers answers) throws IOException {
    UdpDnsServer server = new UdpDnsServer(new DatagramSocket(0, bind), name, answers);
    server.thread.start();
    return server;
  }

  /**
   * Returns the address as the verifier's {@code resolver} setting takes it.
   *
   * @return {@code HOST:PORT}
   */
  String resolver() {
    return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  /**
   * Answers one query, as the server does for each datagram.
   *
   * @param query the query
   * @return the answer
   * @throws IOException when a record the service holds cannot be read
   */
  Message answer(Message query) throws IOException {
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.AA);
    response.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      response.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question == null) {
      response.getHeader().setRcode(Rcode.FORMERR);
      return response;
    }
    response.addRecord(question, Section.QUESTION);
    answers.answer(question, response);
    return response;
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
        byte[] answer = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength()))).toWire(512);
        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
      } catch (SocketException closed) {
        return;
      } catch (IOException | RuntimeException e) {
        // A malformed query or a service's hiccup: the client times out and retries.
        System.err.println(thread.getName() + ": " + e);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(5000);
  }
}

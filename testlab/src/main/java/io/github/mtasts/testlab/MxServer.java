package io.github.mtasts.testlab;

import java.net.InetAddress;
import java.util.List;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The existing MX host of a laboratory's mail domains: a STARTTLS SMTP server on loopback that
 * accepts every message and drops it, with a certificate from the test CA naming {@code
 * mx1.DOMAIN} of each domain, as a sender's STARTTLS probe expects (RFC 8461 §4.1).
 */
final class MxServer {

  private MxServer() {}

  /**
   * Starts the server.
   *
   * @param bind the loopback address
   * @param port the port, instead of 25
   * @param pki the CA of the certificate
   * @param domains the mail domains; the first names the server in its greeting
   * @return what stops it
   */
  static AutoCloseable start(InetAddress bind, int port, TestPki pki, List<String> domains) {
    SMTPServer smtp = SMTPServer.port(port)
        .bindAddress(bind)
        .hostName("mx1." + domains.get(0))
        .messageHandler((context, from, to, data) -> { })
        .enableTLS()
        .startTlsSocketFactory(pki.server(domains.stream().map(d -> "mx1." + d).toArray(String[]::new)))
        .build();
    smtp.start();
    return smtp::stop;
  }
}

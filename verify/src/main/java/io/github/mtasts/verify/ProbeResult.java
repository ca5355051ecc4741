package io.github.mtasts.verify;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the STARTTLS probe of one MX address saw: how far it got, the SMTP replies, and, after a
 * handshake, the TLS version, the chain, its PKIX verdict and whether it names the MX host.
 */
record ProbeResult(
    String mxHost,
    InetAddress address,
    int port,
    Stage failedAt,
    String failure,
    String banner,
    List<String> ehloKeywords,
    String tlsVersion,
    String cipherSuite,
    List<X509Certificate> chain,
    Throwable chainFailure,
    boolean nameMatches,
    String quitReply) {

  /** The step at which the probe stopped. */
  enum Stage {
    /** TCP connect: refused or timed out. */
    CONNECT,
    /** This machine has no route to the address's network. */
    NO_ROUTE,
    /** Greeting or EHLO: no reply, a negative reply, or not SMTP. */
    SMTP,
    /** The EHLO reply does not list STARTTLS. */
    STARTTLS_NOT_OFFERED,
    /** The server answered STARTTLS with something other than 220. */
    STARTTLS_REFUSED,
    /** The TLS handshake failed. */
    HANDSHAKE
  }

  ProbeResult {
    ehloKeywords = ehloKeywords == null ? List.of() : List.copyOf(ehloKeywords);
    chain = chain == null ? List.of() : List.copyOf(chain);
  }

  boolean handshakeDone() {
    return failedAt == null;
  }

  /** "mx1.example.com [192.0.2.1]:25", for messages. */
  String target() {
    String literal = address.getHostAddress();
    return mxHost + " [" + literal + "]" + (port == 25 ? "" : ":" + port);
  }
}

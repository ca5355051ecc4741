package io.github.mtasts.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Connects to one MX address the way a sending MTA does (RFC 3207, RFC 8461 §4.2): read the
 * greeting, EHLO, STARTTLS, TLS handshake with SNI, then QUIT. Each read is bounded by the read
 * timeout and the whole probe by the SMTP timeout: a watchdog closes the socket when it is up,
 * so a server that trickles bytes cannot hold the probe longer.
 */
final class SmtpProbe {
  private final X509ExtendedTrustManager anchors;
  private final VerifyOptions options;
  private final ScheduledExecutorService watchdog;

  SmtpProbe(X509ExtendedTrustManager anchors, VerifyOptions options, ScheduledExecutorService watchdog) {
    this.anchors = anchors;
    this.options = options;
    this.watchdog = watchdog;
  }

  ProbeResult probe(String mxHost, InetAddress address) {
    Progress p = new Progress(mxHost, address, options.smtpPort());
    Socket socket = new Socket();
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> deadline = watchdog.schedule(() -> {
      expired.set(true);
      closeQuietly(socket);
    }, options.smtpTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      dialogue(p, socket);
    } catch (IOException e) {
      if (expired.get()) {
        p.fail(p.stage, "the probe took longer than " + options.smtpTimeout().toMillis() + " ms in total");
      } else {
        p.fail(p.stage, describe(e));
      }
    } finally {
      deadline.cancel(false);
      closeQuietly(socket);
    }
    return p.result();
  }

  private void dialogue(Progress p, Socket socket) throws IOException {
    p.stage = ProbeResult.Stage.CONNECT;
    // The client's Finished and QUIT are written back to back: see NoDelaySockets.
    NoDelaySockets.noDelay(socket);
    try {
      socket.connect(new InetSocketAddress(p.address, p.port), (int) options.connectTimeout().toMillis());
    } catch (SocketTimeoutException e) {
      throw new SocketTimeoutException("no connection within " + options.connectTimeout().toMillis() + " ms");
    } catch (SocketException e) {
      if (e.getMessage() != null && e.getMessage().contains("Network is unreachable")) {
        p.stage = ProbeResult.Stage.NO_ROUTE;
      }
      throw e;
    }
    socket.setSoTimeout((int) options.readTimeout().toMillis());
    p.stage = ProbeResult.Stage.SMTP;
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();

    // RFC 5321 §3.1: the server speaks first with a 220 greeting (possibly of several lines).
    SmtpReply greeting = SmtpReply.read(in);
    p.banner = greeting.oneLine();
    if (greeting.code() != 220) {
      p.fail(ProbeResult.Stage.SMTP, "the greeting is not 220: " + greeting.oneLine());
      quit(in, out, p);
      return;
    }
    SmtpReply ehlo = command(in, out, "EHLO " + ehloName(socket));
    if (ehlo.code() != 250) {
      p.fail(ProbeResult.Stage.SMTP, "EHLO was refused: " + ehlo.oneLine());
      quit(in, out, p);
      return;
    }
    List<String> texts = ehlo.texts();
    // The first line is the server's name; each further line starts with an extension keyword.
    for (String text : texts.subList(1, texts.size())) {
      p.ehloKeywords.add(text.split(" ", 2)[0].toUpperCase(Locale.ROOT));
    }
    // RFC 3207 §4: a server that supports STARTTLS lists it in its EHLO reply.
    if (!p.ehloKeywords.contains("STARTTLS")) {
      p.fail(ProbeResult.Stage.STARTTLS_NOT_OFFERED, "the EHLO reply does not offer STARTTLS");
      quit(in, out, p);
      return;
    }
    SmtpReply ready = command(in, out, "STARTTLS");
    if (ready.code() != 220) {
      p.fail(ProbeResult.Stage.STARTTLS_REFUSED, "STARTTLS was answered with " + ready.oneLine());
      quit(in, out, p);
      return;
    }
    p.stage = ProbeResult.Stage.HANDSHAKE;
    ObservingTrustManager trust = new ObservingTrustManager(anchors, false);
    SSLSocket tls = handshake(socket, p.mxHost, trust);
    p.tlsVersion = tls.getSession().getProtocol();
    p.cipherSuite = tls.getSession().getCipherSuite();
    p.chain = trust.chain();
    p.chainFailure = trust.failure();
    // RFC 8461 §4.2: the certificate must carry a DNS-ID matching the MX host name.
    p.nameMatches = !p.chain.isEmpty() && HostnameMatcher.matches(p.chain.get(0), p.mxHost);
    p.stage = null;
    // RFC 3207 §4.2: after the handshake the session starts over; QUIT ends it politely.
    quit(tls.getInputStream(), tls.getOutputStream(), p);
  }

  private SSLSocket handshake(Socket socket, String mxHost, ObservingTrustManager trust) throws IOException {
    // A fresh context per probe: nothing is resumed, so every probe validates the chain.
    SSLSocket tls = (SSLSocket) trust.newContext().getSocketFactory()
        .createSocket(socket, mxHost, socket.getPort(), true);
    SSLParameters parameters = tls.getSSLParameters();
    // RFC 8461 §7.1: senders send SNI so that the MX can present the right certificate.
    parameters.setServerNames(List.of(new SNIHostName(mxHost)));
    // RFC 8461 §7.2, RFC 8996: TLS 1.2 or newer.
    parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    tls.setSSLParameters(parameters);
    tls.startHandshake();
    return tls;
  }

  private static SmtpReply command(InputStream in, OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return SmtpReply.read(in);
  }

  /**
   * RFC 5321 §4.1.1.10: the client sends QUIT and should wait for the 221 reply before closing.
   * A server that does not answer politely changes nothing in the verdict.
   */
  private static void quit(InputStream in, OutputStream out, Progress p) {
    try {
      p.quitReply = command(in, out, "QUIT").oneLine();
    } catch (IOException e) {
      p.quitReply = "no reply: " + e.getMessage();
    }
  }

  /** RFC 5321 §4.1.4: a client without a meaningful name sends the address literal of its end. */
  private String ehloName(Socket socket) {
    if (options.ehloName().isPresent()) {
      return options.ehloName().get();
    }
    InetAddress local = socket.getLocalAddress();
    String literal = local.getHostAddress();
    int zone = literal.indexOf('%');
    if (zone >= 0) {
      literal = literal.substring(0, zone);
    }
    // RFC 5321 §4.1.3: IPv6 address literals carry the "IPv6:" tag.
    return local instanceof Inet6Address ? "[IPv6:" + literal + "]" : "[" + literal + "]";
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return e.getMessage() != null && e.getMessage().startsWith("no connection")
          ? e.getMessage()
          : "no reply within the read timeout";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to host: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing is best effort; the probe's outcome is already recorded.
    }
  }

  /** The probe's findings while it runs. */
  private static final class Progress {
    final String mxHost;
    final InetAddress address;
    final int port;
    ProbeResult.Stage stage;
    ProbeResult.Stage failedAt;
    String failure;
    String banner;
    final List<String> ehloKeywords = new ArrayList<>();
    String tlsVersion;
    String cipherSuite;
    List<X509Certificate> chain = List.of();
    Throwable chainFailure;
    boolean nameMatches;
    String quitReply;

    Progress(String mxHost, InetAddress address, int port) {
      this.mxHost = mxHost;
      this.address = address;
      this.port = port;
    }

    void fail(ProbeResult.Stage at, String why) {
      if (failedAt == null) {
        failedAt = at == null ? ProbeResult.Stage.SMTP : at;
        failure = why;
      }
    }

    ProbeResult result() {
      return new ProbeResult(mxHost, address, port, failedAt, failure, banner, ehloKeywords,
          tlsVersion, cipherSuite, chain, chainFailure, nameMatches, quitReply);
    }
  }
}

package io.github.mtasts.verify;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Validates a server's chain with the PKIX trust manager and keeps the chain and the verdict, so
 * that a report can name the certificate it judged. Used for one connection.
 *
 * <p>In strict mode a failed validation aborts the handshake, as for the HTTPS policy fetch. In
 * observing mode the handshake goes on, so that the probe of an MX can report the TLS version
 * and every problem of the certificate at once; nothing is sent over such a connection but
 * QUIT, and the verdict is reported, never ignored.
 */
final class ObservingTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager pkix;
  private final boolean strict;
  private volatile List<X509Certificate> chain = List.of();
  private volatile CertificateException failure;

  ObservingTrustManager(X509ExtendedTrustManager pkix, boolean strict) {
    this.pkix = pkix;
    this.strict = strict;
  }

  /**
   * A fresh TLS context that validates with this trust manager. Fresh for each connection:
   * nothing is resumed from an earlier one (which would skip validation), and the chain recorded
   * is this connection's.
   */
  SSLContext newContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {this}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS implementation: " + e.getMessage(), e);
    }
  }

  /** The chain the server presented, leaf first; empty before the handshake. */
  List<X509Certificate> chain() {
    return chain;
  }

  /** Why the chain failed PKIX validation, or null when it passed (or was not seen). */
  CertificateException failure() {
    return failure;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    chain = List.of(certs);
    try {
      pkix.checkServerTrusted(certs, authType, socket);
    } catch (CertificateException e) {
      verdict(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    chain = List.of(certs);
    try {
      pkix.checkServerTrusted(certs, authType, engine);
    } catch (CertificateException e) {
      verdict(e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certs, String authType) throws CertificateException {
    chain = List.of(certs);
    try {
      pkix.checkServerTrusted(certs, authType);
    } catch (CertificateException e) {
      verdict(e);
    }
  }

  private void verdict(CertificateException e) throws CertificateException {
    failure = e;
    if (strict) {
      throw e;
    }
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return pkix.getAcceptedIssuers();
  }

  // The verifier is only ever a client.
  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the verifier does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the verifier does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certs, String authType) throws CertificateException {
    throw new CertificateException("the verifier does not accept client certificates");
  }
}

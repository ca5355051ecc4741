package io.github.mtasts.testlab;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Function;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import okhttp3.tls.HeldCertificate;

/**
 * The key manager of a TLS server with many host names: each handshake presents the certificate
 * of the host the client names by SNI (RFC 6066 §3), as a hosting provider's front end does.
 */
public final class SniKeyManager extends X509ExtendedKeyManager {
  private final Function<String, String> aliasForName;
  private final Function<String, HeldCertificate> certificates;
  private final X509Certificate issuer;

  /**
   * @param aliasForName the certificate's alias for an SNI host name (null when the client sent
   *     none); null for no certificate
   * @param certificates the certificate of an alias, or null
   * @param issuer the certificate that issued them all, sent after each
   */
  public SniKeyManager(Function<String, String> aliasForName, Function<String, HeldCertificate> certificates,
      X509Certificate issuer) {
    this.aliasForName = aliasForName;
    this.certificates = certificates;
    this.issuer = issuer;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return alias(keyType, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return alias(keyType, engine.getHandshakeSession());
  }

  private String alias(String keyType, SSLSession session) {
    String sni = null;
    if (session instanceof ExtendedSSLSession extended) {
      for (SNIServerName name : extended.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          sni = host.getAsciiName();
        }
      }
    }
    String alias = aliasForName.apply(sni);
    HeldCertificate certificate = alias == null ? null : certificates.apply(alias);
    return certificate != null && certificate.keyPair().getPrivate().getAlgorithm().equals(keyType) ? alias : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    HeldCertificate certificate = certificates.apply(alias);
    return certificate == null ? null : new X509Certificate[] {certificate.certificate(), issuer};
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    HeldCertificate certificate = certificates.apply(alias);
    return certificate == null ? null : certificate.keyPair().getPrivate();
  }

  /** Not asked by a server's handshake, which chooses by {@link #chooseServerAlias}. */
  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}

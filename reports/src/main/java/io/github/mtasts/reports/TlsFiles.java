package io.github.mtasts.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS contexts from PEM files: the receiver's certificate and key, extra trust anchors. */
public final class TlsFiles {
  private static final Pattern PKCS8 = Pattern.compile(
      "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private TlsFiles() {}

  /**
   * A server context from a certificate chain and its key.
   *
   * @param certificates PEM certificates, the server's first
   * @param key the PEM private key in PKCS #8 ({@code BEGIN PRIVATE KEY}), RSA or EC
   * @return the context
   * @throws IllegalArgumentException naming the file that cannot be used, and why
   */
  public static SSLContext server(Path certificates, Path key) {
    List<X509Certificate> chain = certificates(certificates);
    PrivateKey privateKey = privateKey(key);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", privateKey, new char[0], chain.toArray(Certificate[]::new));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, new char[0]);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("the key " + key + " does not go with the certificate "
          + certificates + ": " + e.getMessage(), e);
    }
  }

  /**
   * A client context that trusts the system's anchors and, when given, those of a PEM file.
   *
   * @param caFile extra anchors for a laboratory
   * @return the context
   * @throws IllegalArgumentException naming the file when it cannot be read
   */
  public static SSLContext client(Optional<Path> caFile) {
    try {
      TrustManagerFactory system =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      if (caFile.isEmpty()) {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, system.getTrustManagers(), null);
        return context;
      }
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int n = 0;
      for (var manager : system.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate anchor : x509.getAcceptedIssuers()) {
            anchors.setCertificateEntry("system-" + n++, anchor);
          }
        }
      }
      for (X509Certificate anchor : certificates(caFile.get())) {
        anchors.setCertificateEntry("file-" + n++, anchor);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("the trust anchors cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (read.isEmpty()) {
        throw new IllegalArgumentException(file + " holds no PEM certificate");
      }
      return read.stream().map(c -> (X509Certificate) c).toList();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + " cannot be read as PEM certificates: "
          + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(file + " holds no PKCS #8 private key (BEGIN PRIVATE "
          + "KEY): convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY8'");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(file + " holds a private key that is neither RSA, EC nor "
        + "Ed25519");
  }
}

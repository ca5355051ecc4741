package io.github.mtasts.verify;

import io.github.mtasts.policy.Excerpt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust anchors of the verifier: the system's (the JDK's trust store), optionally joined or
 * replaced by the certificates of a PEM file for laboratory use.
 */
public final class TrustAnchors {
  /**
   * The largest CA file read: the system's whole bundle of public roots in PEM is under 300 KiB,
   * so a file above 4 MiB is no file of anchors (and /dev/zero would never end).
   */
  public static final long MAX_CA_FILE_BYTES = 4 * InputFiles.MIB;

  private TrustAnchors() {}

  /**
   * Loads the PKIX trust manager.
   *
   * @param caFile a PEM file of extra anchors
   * @param caOnly true to trust only the file's anchors
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
   */
  static X509ExtendedTrustManager load(Optional<Path> caFile, boolean caOnly) {
    try {
      X509ExtendedTrustManager system = fromKeyStore(null);
      if (caFile.isEmpty()) {
        return system;
      }
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int n = 0;
      if (!caOnly) {
        for (X509Certificate anchor : system.getAcceptedIssuers()) {
          anchors.setCertificateEntry("system-" + n++, anchor);
        }
      }
      for (Certificate extra : readPem(caFile.get(), "caFile")) {
        anchors.setCertificateEntry("extra-" + n++, extra);
      }
      return fromKeyStore(anchors);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up the trust anchors: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a PEM file of trust anchors, at most {@link #MAX_CA_FILE_BYTES} ({@link InputFiles}):
   * what the verifier does with a CA file, so that a setting naming one can be checked the same
   * way before it is used.
   *
   * @param file the PEM file
   * @param name how messages name the file, such as {@code caFile} or {@code --ca-file}
   * @return its certificates, at least one
   * @throws IllegalArgumentException naming the file when it cannot be read, is too large, is no
   *     file, or holds no certificate
   */
  public static Collection<? extends Certificate> readPem(Path file, String name) {
    byte[] pem = InputFiles.read(file, MAX_CA_FILE_BYTES, name);
    try {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(name + " " + Excerpt.head(file.toString())
            + " holds no certificate: give a PEM file with -----BEGIN CERTIFICATE----- blocks");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(name + " " + Excerpt.head(file.toString())
          + " is not a PEM certificate file (" + e.getMessage()
          + "): give a file with -----BEGIN CERTIFICATE----- blocks", e);
    }
  }

  private static X509ExtendedTrustManager fromKeyStore(KeyStore keyStore) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    factory.init(keyStore);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager) {
        return (X509ExtendedTrustManager) manager;
      }
    }
    throw new GeneralSecurityException("the PKIX trust manager factory made no X.509 trust manager");
  }
}

package io.github.mtasts.testlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A throwaway PKI for tests: a root CA that the verifier is told to trust (through a PEM file,
 * as {@code --ca-file} does), a second root that it does not trust, and server certificates
 * issued by either, with chosen names and validity.
 */
public final class TestPki {
  public final HeldCertificate root;
  public final HeldCertificate rogueRoot;
  public final Path caFile;

  /**
   * Creates both roots and writes the trusted one to {@code test-root.pem} in the directory.
   *
   * @param directory where the PEM file goes
   * @throws IOException when it cannot be written
   */
  public TestPki(Path directory) throws IOException {
    root = new HeldCertificate.Builder().certificateAuthority(0).commonName("mtasts test root").build();
    rogueRoot = new HeldCertificate.Builder().certificateAuthority(0).commonName("untrusted test root").build();
    caFile = directory.resolve("test-root.pem");
    Files.writeString(caFile, root.certificatePem());
  }

  /**
   * Returns the PEM file of the trusted root, as {@code --ca-file} takes it.
   *
   * @return the file
   */
  public Path caFile() {
    return caFile;
  }

  /**
   * Returns a server TLS context whose certificate, issued by the trusted root, names
   * {@code names}.
   *
   * @param names the DNS names in the certificate
   * @return the context
   */
  public SSLContext server(String... names) {
    return server(root, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)), names);
  }

  /** A server TLS context with a certificate issued by {@code issuer}, valid between the instants. */
  public SSLContext server(HeldCertificate issuer, Instant notBefore, Instant notAfter, String... names) {
    HandshakeCertificates certificates = new HandshakeCertificates.Builder()
        .heldCertificate(certificate(issuer, notBefore, notAfter, names), issuer.certificate())
        .build();
    return certificates.sslContext();
  }

  /**
   * Returns a server certificate and its key, issued by the trusted root for 90 days, naming
   * {@code names}.
   *
   * @param names the DNS names in the certificate
   * @return the certificate with its private key
   */
  public HeldCertificate certificate(String... names) {
    return certificate(root, Instant.now().minus(Duration.ofDays(1)),
        Instant.now().plus(Duration.ofDays(90)), names);
  }

  private static HeldCertificate certificate(HeldCertificate issuer, Instant notBefore,
      Instant notAfter, String... names) {
    HeldCertificate.Builder builder = new HeldCertificate.Builder()
        .signedBy(issuer)
        .commonName(names.length > 0 ? names[0] : "no name")
        .validityInterval(notBefore.toEpochMilli(), notAfter.toEpochMilli());
    for (String name : names) {
      builder.addSubjectAlternativeName(name);
    }
    return builder.build();
  }
}

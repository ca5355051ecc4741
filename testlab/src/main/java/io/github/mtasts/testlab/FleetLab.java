package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HeldCertificate;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A fleet of mail domains for the throughput benchmark (bench/fleet-bench.sh), shaped as a
 * hosting provider's customers are: {@code d1.fleet.test} ... each publish a policy in enforce
 * mode on their own policy host (one HTTPS server that presents each host's own certificate by
 * SNI) and receive mail at the two MX hosts of one of {@link #PROVIDERS} mail providers
 * ({@code mx1.p3.fleet-mx.test}, {@code mx2.p3.fleet-mx.test}), so MX hosts are shared by many
 * domains. The second MX of provider 0 presents a certificate for another name: its domains
 * (one in {@link #PROVIDERS}) must fail in enforce mode with {@link #BAD_MX_CHECK}.
 *
 * <p>Every server listens on its standard port (DNS 53, HTTPS 443, SMTP 25) on addresses of
 * 127.77.0.0/16, so that tools without port options can be pointed at it by their resolver
 * alone; that needs the right to bind ports below 1024.
 */
public final class FleetLab implements AutoCloseable {
  /** Mail providers, each with two MX hosts; domain {@code dN} uses provider {@code N % PROVIDERS}. */
  public static final int PROVIDERS = 20;
  /** The check id a domain of provider 0 fails with (its second MX names another host). */
  public static final String BAD_MX_CHECK = "mx.tls.cert-name";
  /** The DNS server's address (port 53). */
  public static final String RESOLVER = "127.77.0.53";
  /** The address of the HTTPS server of every policy host (port 443). */
  public static final String POLICY_ADDRESS = "127.77.1.1";

  private final Path directory;
  private final TestPki pki;
  private final KnotServer knot;
  private final List<SMTPServer> smtpServers = new ArrayList<>();
  private MockWebServer policyServer;

  private FleetLab(int count) throws IOException, InterruptedException, GeneralSecurityException {
    directory = Files.createTempDirectory("fleet-lab");
    pki = new TestPki(directory);
    try {
      Zone mx = Zone.of("fleet-mx.test");
      for (int p = 0; p < PROVIDERS; p++) {
        for (int m = 1; m <= 2; m++) {
          String host = mxHost(p, m);
          String address = "127.77.2." + (2 * p + m);
          mx.add("mx" + m + ".p" + p, "A", address);
          // Provider 0's second MX presents a certificate for another host (RFC 8461 §4.2 fails).
          smtp(address, pki.server(p == 0 && m == 2 ? "mx.elsewhere.test" : host));
        }
      }
      Zone fleet = Zone.of("fleet.test");
      Map<String, HeldCertificate> policyHosts = new LinkedHashMap<>();
      KeyPair key = ecKeyPair();
      Instant now = Instant.now();
      for (String domain : domains(count)) {
        String label = domain.substring(0, domain.indexOf('.'));
        int provider = provider(domain);
        fleet.txt("_mta-sts." + label, "v=STSv1; id=1")
            .add("mta-sts." + label, "A", POLICY_ADDRESS)
            .add(label, "MX", "10 " + mxHost(provider, 1) + ".")
            .add(label, "MX", "20 " + mxHost(provider, 2) + ".")
            .txt("_smtp._tls." + label, "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain);
        HeldCertificate held = new HeldCertificate.Builder()
            .keyPair(key)
            .signedBy(pki.root)
            .commonName("mta-sts." + domain)
            .addSubjectAlternativeName("mta-sts." + domain)
            .validityInterval(now.minus(Duration.ofDays(1)).toEpochMilli(), now.plus(Duration.ofDays(90)).toEpochMilli())
            .build();
        policyHosts.put("mta-sts." + domain, held);
      }
      startPolicyServer(policyHosts);
      Map<String, String> zones = new LinkedHashMap<>();
      zones.put("fleet.test", fleet.text());
      zones.put("fleet-mx.test", mx.text());
      knot = KnotServer.start(InetAddress.getByName(RESOLVER), 53, zones, List.of());
    } catch (IOException | RuntimeException | InterruptedException | GeneralSecurityException e) {
      closeServers();
      throw e;
    }
  }

  /** Starts a fleet of {@code count} domains (a few seconds per thousand). */
  public static FleetLab start(int count) throws IOException, InterruptedException, GeneralSecurityException {
    return new FleetLab(count);
  }

  /** The domains of a fleet of {@code count}. */
  public static List<String> domains(int count) {
    List<String> domains = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      domains.add("d" + i + ".fleet.test");
    }
    return domains;
  }

  /** The error check id {@code domain} must fail with, or null when it must pass. */
  public static String expectedError(String domain) {
    return provider(domain) == 0 ? BAD_MX_CHECK : null;
  }

  /** The PEM file of the root that issued every certificate of the fleet. */
  public Path caFile() {
    return pki.caFile;
  }

  private static int provider(String domain) {
    return Integer.parseInt(domain.substring(1, domain.indexOf('.'))) % PROVIDERS;
  }

  private static String mxHost(int provider, int m) {
    return "mx" + m + ".p" + provider + ".fleet-mx.test";
  }

  private static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** One HTTPS server for every policy host, presenting each host's own certificate (SNI). */
  private void startPolicyServer(Map<String, HeldCertificate> hosts) throws IOException, GeneralSecurityException {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(new KeyManager[] {new SniKeyManager(name -> name, hosts::get, pki.root.certificate())}, null, null);
    policyServer = new MockWebServer();
    policyServer.useHttps(tls.getSocketFactory());
    policyServer.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String domain = request.getUrl().host().substring("mta-sts.".length());
        int provider = provider(domain);
        String body = "version: STSv1\r\nmode: enforce\r\nmx: " + mxHost(provider, 1) + "\r\nmx: "
            + mxHost(provider, 2) + "\r\nmax_age: 604800\r\n";
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=utf-8")
            .body(body).build();
      }
    });
    policyServer.start(InetAddress.getByName(POLICY_ADDRESS), 443);
  }

  private void smtp(String address, SSLContext tls) throws IOException {
    SMTPServer server = SMTPServer.port(25)
        .bindAddress(InetAddress.getByName(address))
        .hostName("mx-" + address)
        .messageHandler((context, from, to, data) -> { })
        .enableTLS()
        .startTlsSocketFactory(tls)
        .build();
    server.start();
    smtpServers.add(server);
  }

  private void closeServers() {
    if (policyServer != null) {
      policyServer.close();
    }
    smtpServers.forEach(SMTPServer::stop);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    closeServers();
    if (knot != null) {
      knot.close();
    }
    Files.deleteIfExists(pki.caFile);
    Files.deleteIfExists(directory);
  }
}

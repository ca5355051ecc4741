package io.github.mtasts.github;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.testlab.KnotServer;
import io.github.mtasts.testlab.PagesEdge;
import io.github.mtasts.testlab.TestPki;
import io.github.mtasts.testlab.Zone;
import io.github.mtasts.verify.Check;
import io.github.mtasts.verify.CheckIds;
import io.github.mtasts.verify.Report;
import io.github.mtasts.verify.Scope;
import io.github.mtasts.verify.Verifier;
import io.github.mtasts.verify.VerifyOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipe as code, fetched the way a sender fetches it: the client publishes the site on the
 * fake GitHub API, the Pages edge serves it, and the project's verifier fetches
 * {@code https://mta-sts.example.test/.well-known/mta-sts.txt} through Knot DNS (the
 * {@code mta-sts} name a CNAME to {@code octo.github.io}) and the test CA.
 */
class PagesEdgePolicyTest {

  private static final String DOMAIN = "example.test";
  private static final String HOST = "mta-sts." + DOMAIN;
  private static final String POLICY = "version: STSv1\r\nmode: testing\r\nmx: mx1.example.test\r\n"
      + "max_age: 604800\r\n";
  private static final RepositoryName NAME = GitHubLab.repository("mta-sts");
  private static final String EDGE = "127.0.40.2";

  private GitHubLab lab;
  private Path directory;
  private TestPki pki;
  private PagesEdge edge;
  private KnotServer knot;
  private int httpsPort;
  private int httpPort;

  @BeforeEach
  void start() throws Exception {
    lab = GitHubLab.start();
    directory = Files.createTempDirectory("pages-edge");
    pki = new TestPki(directory);
    InetAddress edgeAddress = InetAddress.getByName(EDGE);
    httpsPort = KnotServer.freePort(edgeAddress);
    httpPort = KnotServer.freePort(edgeAddress);
    edge = PagesEdge.start(edgeAddress, httpsPort, httpPort, lab.api, pki);
    Map<String, String> zones = new LinkedHashMap<>();
    zones.put(DOMAIN, Zone.of(DOMAIN).add("mta-sts", "CNAME", "octo.github.io.").text());
    zones.put("github.io", Zone.of("github.io").add("octo", "A", EDGE).text());
    knot = KnotServer.start(InetAddress.getByName("127.0.40.53"), zones, List.of());
    // GitHub's DNS check sees what the zone says.
    lab.api.dns(name -> name.equals(HOST) ? Optional.of("octo.github.io") : Optional.empty());
    lab.api.advanceCertificatesOnRead(true);
  }

  @AfterEach
  void stop() throws Exception {
    if (knot != null) {
      knot.close();
    }
    if (edge != null) {
      edge.close();
    }
    lab.close();
    Files.deleteIfExists(pki.caFile());
    Files.deleteIfExists(directory);
  }

  private Report fetchAsASender() {
    try (Verifier verifier = Verifier.create(VerifyOptions.builder()
        .resolver(knot.address())
        .caFile(pki.caFile())
        .caOnly(true)
        .httpsPort(httpsPort)
        .scope(Scope.POLICY_HOST)
        .expectedPolicy(POLICY)
        .dnsTimeout(Duration.ofSeconds(2))
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .fetchTimeout(Duration.ofSeconds(5))
        .build())) {
      return verifier.verify(DOMAIN);
    }
  }

  private static Check find(Report report, String id, Check.Severity severity) {
    return report.checks().stream().filter(c -> c.id().equals(id) && c.severity() == severity)
        .findFirst().orElseThrow(() -> new AssertionError("no " + severity + " " + id + " in\n  "
            + report.checks().stream().map(Check::toString)
                .collect(Collectors.joining("\n  "))));
  }

  /** The recipe's steps through the client: repository, files, Pages, custom domain. */
  private void publish(SiteFiles files) {
    Repository repository = lab.github.repositories().create(NAME, "MTA-STS policy",
        lab.waits());
    lab.github.contents().commit(NAME, repository.defaultBranch(), files, "Publish the policy",
        lab.waits());
    lab.github.pages().enable(NAME, repository.defaultBranch(), lab.waits());
    lab.github.pages().setCustomDomain(NAME, HOST, lab.waits());
  }

  private static SiteFiles.Builder policySite() {
    return SiteFiles.builder().file(".well-known/mta-sts.txt", POLICY).file("CNAME", HOST + "\n");
  }

  @Test
  void withoutNojekyllThePolicyIsNotFoundAndWithItItIsServedByteForByte() {
    publish(policySite().build());
    lab.github.pages().enforceHttps(NAME, HOST, lab.waits());
    // Jekyll leaves .well-known/ out of the site.
    Check status = find(fetchAsASender(), CheckIds.POLICY_FETCH_STATUS, Check.Severity.ERROR);
    assertEquals("404", status.evidence().get("status"));

    lab.github.contents().commit(NAME, "main", policySite().file(".nojekyll", new byte[0])
        .build(), "Serve dot-folders", lab.waits());
    Report report = fetchAsASender();
    assertFalse(report.hasErrors(), report.checks().toString());
    find(report, CheckIds.POLICY_FETCH, Check.Severity.PASS);
    find(report, CheckIds.EXPECT_POLICY, Check.Severity.PASS);
    // Byte for byte, CR LF included.
    OkHttpClient client = new OkHttpClient.Builder()
        .sslSocketFactory(trustTestCa().sslSocketFactory(), trustTestCa().trustManager())
        .dns(hostname -> List.of(InetAddress.getByName(EDGE))).build();
    try (Response response = client.newCall(new Request.Builder()
        .url("https://" + HOST + ":" + httpsPort + "/.well-known/mta-sts.txt").build()).execute()) {
      assertArrayEquals(POLICY.getBytes(StandardCharsets.UTF_8), response.body().bytes());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    client.connectionPool().evictAll();
  }

  private HandshakeCertificates trustTestCa() {
    return new HandshakeCertificates.Builder().addTrustedCertificate(pki.root.certificate())
        .build();
  }

  @Test
  void beforeTheCertificateIsApprovedTheEdgePresentsGithubIosCertificate() {
    lab.api.advanceCertificatesOnRead(false);
    publish(policySite().file(".nojekyll", new byte[0]).build());
    Check name = find(fetchAsASender(), CheckIds.POLICY_FETCH_CERT_NAME, Check.Severity.ERROR);
    assertTrue(name.message().contains(PagesEdge.DEFAULT_CERTIFICATE_NAME), name.message());
  }

  @Test
  void httpIsRedirectedToHttpsOnlyOnceHttpsIsEnforced() throws Exception {
    publish(policySite().file(".nojekyll", new byte[0]).build());
    OkHttpClient client = new OkHttpClient.Builder().followRedirects(false)
        .dns(hostname -> List.of(InetAddress.getByName(EDGE))).build();
    Request request = new Request.Builder()
        .url("http://" + HOST + ":" + httpPort + "/.well-known/mta-sts.txt").build();
    try (Response response = client.newCall(request).execute()) {
      assertEquals(200, response.code());
      assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
    }
    lab.github.pages().enforceHttps(NAME, HOST, lab.waits());
    try (Response response = client.newCall(request).execute()) {
      assertEquals(301, response.code());
      assertEquals("https://" + HOST + "/.well-known/mta-sts.txt", response.header("Location"));
    }
    client.connectionPool().evictAll();
  }

  @Test
  void aHostThatNoCnameFileNamesIsNotServed() {
    // The custom domain is set, but the branch's CNAME file names another host.
    publish(SiteFiles.builder().file(".well-known/mta-sts.txt", POLICY)
        .file(".nojekyll", new byte[0]).file("CNAME", "www.example.test\n").build());
    lab.github.pages().enforceHttps(NAME, HOST, lab.waits());
    Check status = find(fetchAsASender(), CheckIds.POLICY_FETCH_STATUS, Check.Severity.ERROR);
    assertEquals("404", status.evidence().get("status"));
  }
}

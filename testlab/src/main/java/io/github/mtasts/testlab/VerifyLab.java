package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The laboratory the verifier's tests run against, all on loopback: Knot DNS serving one zone
 * per scenario domain, one HTTPS policy host (MockWebServer) per domain on its own 127.0.x.y
 * address, real STARTTLS SMTP servers (SubEthaSMTP) for the MX hosts, and black-holed MX
 * addresses. All policy hosts share one HTTPS port and all MX hosts one SMTP port, as on the
 * internet they share 443 and 25; the verifier reaches them through its port overrides.
 */
public final class VerifyLab implements AutoCloseable {
  /** Where a sender fetches the policy (RFC 8461 §3.3). */
  private static final String WELL_KNOWN_PATH = "/.well-known/mta-sts.txt";

  /** A valid policy body in testing mode for {@code domain}'s MX names. */
  public static String policy(String mode, String... mx) {
    StringBuilder body = new StringBuilder("version: STSv1\r\nmode: ").append(mode).append("\r\n");
    for (String m : mx) {
      body.append("mx: ").append(m).append("\r\n");
    }
    return body.append("max_age: 604800\r\n").toString();
  }

  /** The scenario domains whose MX host is mx.shared-mx.test, good at one address and not at the other. */
  public static final List<String> SHARED_MX_DOMAINS = List.of("shared-a.test", "shared-b.test", "shared-c.test");

  public static final String TESTING_POLICY = policy("testing", "mx1.testing.test", "*.mx.testing.test");

  private final Path directory;
  private final TestPki pki;
  private final int httpsPort;
  private final int smtpPort;
  private final KnotServer knot;
  private final Map<String, MockWebServer> policyHosts = new LinkedHashMap<>();
  private final List<SMTPServer> smtpServers = new ArrayList<>();
  private final List<InetAddress> httpsHosts = new ArrayList<>();
  private final List<InetAddress> smtpHosts = new ArrayList<>();
  private final Map<InetAddress, AtomicInteger> smtpSessions = new ConcurrentHashMap<>();
  private final BlackHoles blackHoles = new BlackHoles();
  private int nextHost = 1;

  private VerifyLab(int benchDomains) throws IOException, InterruptedException {
    directory = Files.createTempDirectory("verify-lab");
    pki = new TestPki(directory);
    InetAddress first = InetAddress.getByName("127.0.10.1");
    httpsPort = KnotServer.freePort(first);
    smtpPort = KnotServer.freePort(first);
    Map<String, String> zones = new LinkedHashMap<>();
    try {
      if (benchDomains > 0) {
        buildBench(zones, benchDomains);
      } else {
        buildScenarios(zones);
        buildHostile(zones);
      }
      knot = KnotServer.start(InetAddress.getByName("127.0.9.53"), zones, List.of("servfail.test"));
    } catch (IOException | RuntimeException | InterruptedException e) {
      closeServers();
      throw e;
    }
  }

  /** Starts the whole laboratory (a few seconds). */
  public static VerifyLab start() throws IOException, InterruptedException {
    return new VerifyLab(0);
  }

  /**
   * Starts a laboratory of {@code count} healthy domains {@code d1.bench.test} ... in enforce
   * mode, for the benchmark: one zone, one policy host and one MX server shared by all domains,
   * each with a certificate naming every domain's host.
   */
  public static VerifyLab startBench(int count) throws IOException, InterruptedException {
    return new VerifyLab(count);
  }

  /** The domains of a benchmark laboratory. */
  public static List<String> benchDomains(int count) {
    List<String> domains = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      domains.add("d" + i + ".bench.test");
    }
    return domains;
  }

  /** The resolver address as {@code HOST:PORT}. */
  public String resolver() {
    return knot.address().getAddress().getHostAddress() + ":" + knot.address().getPort();
  }

  /** Where the DNS server listens (UDP and TCP). */
  public InetSocketAddress dnsServer() {
    return knot.address();
  }

  /** The addresses of the policy hosts, all listening on {@link #httpsPort()}. */
  public List<InetAddress> httpsHosts() {
    return List.copyOf(httpsHosts);
  }

  /** The addresses of the SMTP servers, all listening on {@link #smtpPort()}; black holes excluded. */
  public List<InetAddress> smtpHosts() {
    return List.copyOf(smtpHosts);
  }

  public Path caFile() {
    return pki.caFile;
  }

  public int httpsPort() {
    return httpsPort;
  }

  public int smtpPort() {
    return smtpPort;
  }

  /** The SMTP sessions the server at {@code address} has accepted so far (0 for no server there). */
  public int smtpSessions(InetAddress address) {
    AtomicInteger sessions = smtpSessions.get(address);
    return sessions == null ? 0 : sessions.get();
  }

  /** The policy host server of a scenario domain, to inspect the requests it received. */
  public MockWebServer policyHost(String domain) {
    return policyHosts.get(domain);
  }

  private void buildScenarios(Map<String, String> zones) throws IOException {
    // Happy path, testing mode: two MX hosts on their own addresses, one matched by a wildcard;
    // the TXT record is split in two strings and sits beside an unrelated TXT record; the
    // policy host is reached through a CNAME.
    String mx1 = host();
    String mx2 = host();
    smtp(mx1, pki.server("mx1.testing.test"));
    smtp(mx2, pki.server("a.mx.testing.test"));
    String testingPolicyHost = policyHost("testing.test", pki.server("mta-sts.testing.test"), ok(TESTING_POLICY));
    zones.put("testing.test", Zone.of("testing.test")
        .txt("_mta-sts", "v=STSv1; ", "id=20240101T000000")
        .txt("_mta-sts", "some-verification=abc")
        .add("mta-sts", "CNAME", "web.testing.test.")
        .add("web", "A", testingPolicyHost)
        .add("@", "MX", "10 mx1.testing.test.")
        .add("@", "MX", "20 a.mx.testing.test.")
        .add("mx1", "A", mx1)
        .add("a.mx", "A", mx2)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:tlsrpt@testing.test")
        .text());

    // One shared STARTTLS server with a certificate for the MX names of the other scenarios.
    String sharedMx = host();
    List<String> sharedNames = new ArrayList<>(List.of("mx.uncovered.test", "a.b.uncovered.test"));
    for (String d : List.of("enforce", "no-txt", "two-txt", "loose-txt", "bad-id", "http404", "redirect", "html",
        "latin1", "big", "expired", "wrongname", "untrusted", "badtlsrpt", "twotlsrpt", "refused")) {
      sharedNames.add("mx." + d + ".test");
    }
    smtp(sharedMx, pki.server(sharedNames.toArray(new String[0])));

    String enforcePolicy = policy("enforce", "mx.enforce.test");
    zones.put("enforce.test", standard("enforce.test", "v=STSv1; id=1",
        policyHost("enforce.test", pki.server("mta-sts.enforce.test"), ok(enforcePolicy)), sharedMx)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:tlsrpt@enforce.test").text());

    // No _mta-sts record at all (NXDOMAIN), although a policy is served.
    zones.put("no-txt.test", Zone.of("no-txt.test")
        .add("mta-sts", "A", policyHost("no-txt.test", pki.server("mta-sts.no-txt.test"),
            ok(policy("testing", "mx.no-txt.test"))))
        .add("@", "MX", "10 mx.no-txt.test.")
        .add("mx", "A", sharedMx)
        .text());

    zones.put("two-txt.test", standard("two-txt.test", "v=STSv1; id=1",
        policyHost("two-txt.test", pki.server("mta-sts.two-txt.test"), ok(policy("testing", "mx.two-txt.test"))),
        sharedMx).txt("_mta-sts", "v=STSv1; id=2").text());

    // Beside another record, one that does not begin with 'v=STSv1;' exactly is discarded.
    zones.put("loose-txt.test", standard("loose-txt.test", "v=STSv1; id=1",
        policyHost("loose-txt.test", pki.server("mta-sts.loose-txt.test"), ok(policy("testing", "mx.loose-txt.test"))),
        sharedMx).txt("_mta-sts", "v=STSv1 ;id=2").text());

    zones.put("bad-id.test", standard("bad-id.test", "v=STSv1; id=bad_id!",
        policyHost("bad-id.test", pki.server("mta-sts.bad-id.test"), ok(policy("testing", "mx.bad-id.test"))),
        sharedMx).text());

    zones.put("http404.test", standard("http404.test", "v=STSv1; id=1",
        policyHost("http404.test", pki.server("mta-sts.http404.test"),
            new MockResponse.Builder().code(404).addHeader("Content-Type", "text/plain").body("not here").build()),
        sharedMx).text());

    zones.put("redirect.test", standard("redirect.test", "v=STSv1; id=1",
        policyHost("redirect.test", pki.server("mta-sts.redirect.test"),
            new MockResponse.Builder().code(301)
                .addHeader("Location", "https://mta-sts.redirect.test/moved/mta-sts.txt").build()),
        sharedMx).text());

    zones.put("html.test", standard("html.test", "v=STSv1; id=1",
        policyHost("html.test", pki.server("mta-sts.html.test"),
            new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html; charset=utf-8")
                .body(policy("testing", "mx.html.test")).build()),
        sharedMx).text());

    zones.put("latin1.test", standard("latin1.test", "v=STSv1; id=1",
        policyHost("latin1.test", pki.server("mta-sts.latin1.test"),
            new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=iso-8859-1")
                .body(policy("testing", "mx.latin1.test")).build()),
        sharedMx).text());

    StringBuilder big = new StringBuilder(policy("testing", "mx.big.test"));
    while (big.length() < 70 * 1024) {
      big.append("x_padding: ").append("p".repeat(60)).append("\r\n");
    }
    zones.put("big.test", standard("big.test", "v=STSv1; id=1",
        policyHost("big.test", pki.server("mta-sts.big.test"), ok(big.toString())), sharedMx).text());

    Instant now = Instant.now();
    zones.put("expired.test", standard("expired.test", "v=STSv1; id=1",
        policyHost("expired.test", pki.server(pki.root, now.minus(Duration.ofDays(60)),
            now.minus(Duration.ofDays(1)), "mta-sts.expired.test"), ok(policy("testing", "mx.expired.test"))),
        sharedMx).text());

    zones.put("wrongname.test", standard("wrongname.test", "v=STSv1; id=1",
        policyHost("wrongname.test", pki.server("mta-sts.other.test"), ok(policy("testing", "mx.wrongname.test"))),
        sharedMx).text());

    zones.put("untrusted.test", standard("untrusted.test", "v=STSv1; id=1",
        policyHost("untrusted.test", pki.server(pki.rogueRoot, now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(90)), "mta-sts.untrusted.test"), ok(policy("testing", "mx.untrusted.test"))),
        sharedMx).text());

    // Enforce mode with an MX two labels below the wildcard (not covered: a wildcard stands for
    // one label), and a non-wildcard pattern that is no MX.
    zones.put("uncovered.test", Zone.of("uncovered.test")
        .txt("_mta-sts", "v=STSv1; id=1")
        .add("mta-sts", "A", policyHost("uncovered.test", pki.server("mta-sts.uncovered.test"),
            ok(policy("enforce", "*.uncovered.test", "old.uncovered.test"))))
        .add("@", "MX", "10 mx.uncovered.test.")
        .add("@", "MX", "20 a.b.uncovered.test.")
        .add("mx", "A", sharedMx)
        .add("a.b", "A", sharedMx)
        .text());

    // An MX without STARTTLS, once in enforce and once in testing mode.
    String plainMx = host();
    smtp(plainMx, null);
    for (String mode : List.of("enforce", "testing")) {
      String domain = "nostarttls-" + mode + ".test";
      zones.put(domain, standard(domain, "v=STSv1; id=1",
          policyHost(domain, pki.server("mta-sts." + domain), ok(policy(mode, "mx." + domain))), plainMx).text());
    }

    // MX certificates: for another name; expiring in five days.
    String wrongNameMx = host();
    smtp(wrongNameMx, pki.server("mx.somewhere-else.test"));
    zones.put("mxwrongname.test", standard("mxwrongname.test", "v=STSv1; id=1",
        policyHost("mxwrongname.test", pki.server("mta-sts.mxwrongname.test"),
            ok(policy("enforce", "mx.mxwrongname.test"))), wrongNameMx).text());
    String expiringMx = host();
    smtp(expiringMx, pki.server(pki.root, now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(5)),
        "mx.mxexpiring.test"));
    zones.put("mxexpiring.test", standard("mxexpiring.test", "v=STSv1; id=1",
        policyHost("mxexpiring.test", pki.server("mta-sts.mxexpiring.test"),
            ok(policy("enforce", "mx.mxexpiring.test"))), expiringMx)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:tlsrpt@mxexpiring.test").text());

    zones.put("badtlsrpt.test", standard("badtlsrpt.test", "v=STSv1; id=1",
        policyHost("badtlsrpt.test", pki.server("mta-sts.badtlsrpt.test"),
            ok(policy("testing", "mx.badtlsrpt.test"))), sharedMx)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=tlsrpt-at-example").text());

    // Two TLS-RPT records: senders use neither (RFC 8460 §3).
    zones.put("twotlsrpt.test", standard("twotlsrpt.test", "v=STSv1; id=1",
        policyHost("twotlsrpt.test", pki.server("mta-sts.twotlsrpt.test"),
            ok(policy("testing", "mx.twotlsrpt.test"))), sharedMx)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:a@twotlsrpt.test")
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:b@twotlsrpt.test").text());

    // The policy host resolves to an address where nothing listens: the connection is refused.
    zones.put("refused.test", standard("refused.test", "v=STSv1; id=1", host(), sharedMx).text());

    // An MX with two addresses that never answer: one drops SYNs, one accepts and stays silent.
    String dropping = host();
    String silent = host();
    blackHoles.fullBacklog(InetAddress.getByName(dropping), smtpPort);
    blackHoles.silent(InetAddress.getByName(silent), smtpPort);
    zones.put("blackhole.test", Zone.of("blackhole.test")
        .txt("_mta-sts", "v=STSv1; id=1")
        .add("mta-sts", "A", policyHost("blackhole.test", pki.server("mta-sts.blackhole.test"),
            ok(policy("enforce", "mx.blackhole.test"))))
        .add("@", "MX", "10 mx.blackhole.test.")
        .add("mx", "A", dropping)
        .add("mx", "A", silent)
        .text());

    zones.put("nomx.test", Zone.of("nomx.test")
        .txt("_mta-sts", "v=STSv1; id=1")
        .add("mta-sts", "A", policyHost("nomx.test", pki.server("mta-sts.nomx.test"),
            ok(policy("testing", "mx.nomx.test"))))
        .add("@", "A", "127.0.9.9")
        .text());

    // Three domains whose one MX host, mx.shared-mx.test, has two addresses: the certificate
    // of the first names it, that of the second names another host.
    String sharedGood = host();
    String sharedBad = host();
    smtp(sharedGood, pki.server("mx.shared-mx.test"));
    smtp(sharedBad, pki.server("mx.elsewhere.test"));
    zones.put("shared-mx.test", Zone.of("shared-mx.test").add("mx", "A", sharedGood).add("mx", "A", sharedBad).text());
    for (String domain : SHARED_MX_DOMAINS) {
      zones.put(domain, Zone.of(domain)
          .txt("_mta-sts", "v=STSv1; id=1")
          .add("mta-sts", "A", policyHost(domain, pki.server("mta-sts." + domain),
              ok(policy("enforce", "mx.shared-mx.test"))))
          .add("@", "MX", "10 mx.shared-mx.test.")
          .text());
    }

    // RFC 7505: a null MX, a domain that accepts no mail.
    zones.put("nullmx.test", Zone.of("nullmx.test").add("@", "MX", "0 .").text());
  }

  /** The number of characters of the hostile TXT records: about what one DNS message holds. */
  public static final int HOSTILE_TXT_CHARS = 60_000;

  /**
   * Domains whose servers send what costs a verifier the most, or what a terminal obeys. Their MX
   * hosts have no address: these scenarios are about the records and the policy.
   *
   * <ul>
   *   <li>{@code hostile.test}: an {@code _mta-sts} record of 60,000 characters repeating
   *       {@code ; x=y;} (an empty field and a repeated field each time), a {@code _smtp._tls}
   *       record repeating one URI thousands of times, and a valid policy of nearly 64 KiB naming thousands of hosts under a wildcard
   *       (each redundant, and none an MX).
   *   <li>{@code escapes.test}: ESC [2J (clear the screen), BEL and NUL in the {@code _mta-sts}
   *       record, in the policy and in the TLS-RPT record, where findings quote them.
   * </ul>
   */
  private void buildHostile(Map<String, String> zones) throws IOException {
    String emptyFields = "v=STSv1; id=1" + "; x=y;".repeat((HOSTILE_TXT_CHARS - 13) / "; x=y;".length());
    String uris = "v=TLSRPTv1; rua=mailto:a@hostile.test" + ",mailto:a@hostile.test".repeat(
        (HOSTILE_TXT_CHARS - 40) / ",mailto:a@hostile.test".length());
    StringBuilder policy = new StringBuilder("version: STSv1\r\nmode: enforce\r\nmax_age: 604800\r\n"
        + "mx: mx.hostile.test\r\nmx: *.h\r\n");
    for (int i = 0; policy.length() < 64 * 1024 - 16; i++) {
      policy.append("mx: ").append(Integer.toString(i, 36)).append(".h\r\n");
    }
    zones.put("hostile.test", Zone.of("hostile.test")
        .txt("_mta-sts", characterStrings(emptyFields))
        .txt("_smtp._tls", characterStrings(uris))
        .add("mta-sts", "A", policyHost("hostile.test", pki.server("mta-sts.hostile.test"), ok(policy.toString())))
        .add("@", "MX", "10 mx.hostile.test.")
        .text());

    // In a zone file, \DDD is the octet DDD (RFC 1035 §5.1): ESC, BEL and NUL.
    String controls = "\\027[2J\\007\\000";
    String escapes = "version: STSv1\r\nmode: enforce\r\nmx: mx.escapes.test\r\nmax_age: 604800\r\n"
        + "\u001b[2J\u0007\u0000\r\n";
    zones.put("escapes.test", Zone.of("escapes.test")
        .txt("_mta-sts", "v=STSv1; id=1; x=" + controls)
        .txt("_smtp._tls", "v=TLSRPTv1; rua=mailto:" + controls + "@escapes.test")
        .add("mta-sts", "A", policyHost("escapes.test", pki.server("mta-sts.escapes.test"), ok(escapes)))
        .add("@", "MX", "10 mx.escapes.test.")
        .text());
  }

  /** Cuts a TXT value into character-strings of at most 255 octets (RFC 1035 §3.3.14), for ASCII. */
  private static String[] characterStrings(String ascii) {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < ascii.length(); i += 255) {
      strings.add(ascii.substring(i, Math.min(ascii.length(), i + 255)));
    }
    return strings.toArray(new String[0]);
  }

  private void buildBench(Map<String, String> zones, int count) throws IOException {
    List<String> domains = benchDomains(count);
    String mxAddress = host();
    smtp(mxAddress, pki.server(domains.stream().map(d -> "mx." + d).toArray(String[]::new)));
    SSLContext policyTls = pki.server(domains.stream().map(d -> "mta-sts." + d).toArray(String[]::new));
    String policyAddress = host();
    MockWebServer server = new MockWebServer();
    server.useHttps(policyTls.getSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String domain = request.getUrl().host().substring("mta-sts.".length());
        return ok(policy("enforce", "mx." + domain));
      }
    });
    server.start(InetAddress.getByName(policyAddress), httpsPort);
    policyHosts.put("bench.test", server);
    httpsHosts.add(InetAddress.getByName(policyAddress));
    Zone zone = Zone.of("bench.test");
    for (String domain : domains) {
      String label = domain.substring(0, domain.indexOf('.'));
      zone.txt("_mta-sts." + label, "v=STSv1; id=1")
          .add("mta-sts." + label, "A", policyAddress)
          .add(label, "MX", "10 mx." + domain + ".")
          .add("mx." + label, "A", mxAddress)
          .txt("_smtp._tls." + label, "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain);
    }
    zones.put("bench.test", zone.text());
  }

  /** A zone with the TXT record, the policy host, and one MX at {@code mxAddress}. */
  private static Zone standard(String domain, String txt, String policyAddress, String mxAddress) {
    return Zone.of(domain)
        .txt("_mta-sts", txt)
        .add("mta-sts", "A", policyAddress)
        .add("@", "MX", "10 mx." + domain + ".")
        .add("mx", "A", mxAddress);
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain; charset=utf-8")
        .body(body).build();
  }

  /** A fresh loopback address for one host. */
  private String host() {
    int n = nextHost++;
    return "127.0." + (10 + n / 250) + "." + (1 + n % 250);
  }

  /** Starts an HTTPS server for {@code mta-sts.<domain>} on a fresh address; returns the address. */
  private String policyHost(String domain, SSLContext tls, MockResponse policyResponse) throws IOException {
    String address = host();
    MockWebServer server = new MockWebServer();
    server.useHttps(tls.getSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return WELL_KNOWN_PATH.equals(request.getUrl().encodedPath())
            ? policyResponse
            : new MockResponse.Builder().code(404).body("no such file").build();
      }
    });
    server.start(InetAddress.getByName(address), httpsPort);
    policyHosts.put(domain, server);
    httpsHosts.add(InetAddress.getByName(address));
    return address;
  }

  /** Starts an SMTP server on the address, with STARTTLS over {@code tls} unless it is null. */
  private void smtp(String address, SSLContext tls) throws IOException {
    AtomicInteger sessions = new AtomicInteger();
    smtpSessions.put(InetAddress.getByName(address), sessions);
    SMTPServer.Builder builder = SMTPServer.port(smtpPort)
        .bindAddress(InetAddress.getByName(address))
        .sessionHandler(new SessionHandler() {
          @Override
          public SessionAcceptance accept(Session session) {
            sessions.incrementAndGet();
            return SessionAcceptance.success();
          }

          @Override
          public void onSessionEnd(Session session) {
            // Only the start of a session is counted.
          }
        })
        .hostName("mx-" + address)
        .messageHandler((context, from, to, data) -> { });
    if (tls != null) {
      builder.enableTLS().startTlsSocketFactory(tls);
    }
    SMTPServer server = builder.build();
    server.start();
    smtpServers.add(server);
    smtpHosts.add(InetAddress.getByName(address));
  }

  private void closeServers() {
    policyHosts.values().forEach(MockWebServer::close);
    smtpServers.forEach(SMTPServer::stop);
    blackHoles.close();
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

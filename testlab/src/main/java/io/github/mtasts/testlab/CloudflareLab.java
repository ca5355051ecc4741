package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Mail domains on Cloudflare as an MTA-STS deployment sees them, on loopback: the fake Cloudflare
 * API with a zone per domain holding what a mail domain has before MTA-STS (an MX record naming
 * {@code mx1.} of the first domain, through which all the domains receive mail, and that host's
 * address in the first domain's zone), the DNS that senders query ({@link
 * CloudflareDnsFront}), the HTTPS traffic of the policy host, and a STARTTLS SMTP server for the
 * existing MX host.
 *
 * <p>The policy host is served either by Workers ({@link #withWorkers}: {@link WorkersEdge} runs
 * the script the fake stores in Cloudflare's runtime, workerd) or by CloudFront in moto ({@link
 * #withCloudFront}: the edge, the MX host and the test CA of an {@link AwsLab}, whose
 * distributions' names the DNS front resolves to that edge), or outside Cloudflare by an edge
 * of the caller's ({@link #withHostingElsewhere}, as {@link GitHubPagesLab#onCloudflare} serves
 * GitHub Pages).
 */
public final class CloudflareLab implements AutoCloseable {
  /** The one token the fake accepts: Cloudflare's shape, mixed case so its lower case differs. */
  public static final String TOKEN = "Lab0cf7oKeN-mtasts_e2e-aBcDeFgHiJkLmNoPq";
  /** The fake's one account. */
  public static final String ACCOUNT = "a11ce0ffee00a11ce0ffee00a11ce0ff";

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<String, String> zoneIds = new LinkedHashMap<>();
  private FakeCloudflareApi api;
  private CloudflareDnsFront dns;
  private WorkersEdge workersEdge;
  private TestPki pki;
  private int httpsPort;
  private int smtpPort;

  private CloudflareLab() {}

  /**
   * Starts a laboratory whose policy hosts are Workers custom domains, on 127.0.31.x.
   *
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a zone with its MX
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static CloudflareLab withWorkers(Path directory, List<String> domains) throws Exception {
    CloudflareLab lab = withOwnMx(directory, domains, "127.0.31.", name -> Optional.empty());
    try {
      InetAddress edge = Loopback.address("127.0.31.2");
      lab.httpsPort = KnotServer.freePort(edge);
      lab.workersEdge = WorkersEdge.start(edge, lab.httpsPort,
          lab.pki.server(domains.stream().map(d -> "mta-sts." + d).toArray(String[]::new)), lab.api,
          Loopback.address("127.0.31.3"));
      lab.resources.add(lab.workersEdge);
    } catch (Exception | Error e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  /**
   * Starts a laboratory whose policy hosts are served outside Cloudflare by an edge the caller
   * starts (with the CA of {@link #pki()}), on 127.0.43.x: the zones, their DNS and the MX host.
   * A name outside the zones resolves as {@code elsewhere} says, as the public DNS resolves a
   * hosting service's names (for example {@code OWNER.github.io} to a GitHub Pages edge).
   * Cloudflare's own edge, the address of a proxied record or a Workers custom domain, serves
   * nothing here: a policy host proxied by mistake is not reached.
   *
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a zone with its MX
   * @param httpsPort the port the caller's edge serves HTTPS on, standing for 443
   * @param elsewhere the address of a host outside the zones, if it has one
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static CloudflareLab withHostingElsewhere(Path directory, List<String> domains,
      int httpsPort, Function<String, Optional<InetAddress>> elsewhere) throws Exception {
    CloudflareLab lab = withOwnMx(directory, domains, "127.0.43.", elsewhere);
    lab.httpsPort = httpsPort;
    return lab;
  }

  /**
   * The zones, a new test CA, the MX host and the DNS front, on one loopback block: the API on
   * .1, Cloudflare's edge on .2, the MX host on .25, the DNS on .53.
   */
  private static CloudflareLab withOwnMx(Path directory, List<String> domains, String block,
      Function<String, Optional<InetAddress>> elsewhere) throws Exception {
    CloudflareLab lab = new CloudflareLab();
    try {
      InetAddress mx = Loopback.address(block + "25");
      lab.pki = new TestPki(directory);
      lab.smtpPort = KnotServer.freePort(mx);
      lab.startApi(Loopback.address(block + "1"), domains, mx);
      lab.resources.add(MxServer.start(mx, lab.smtpPort, lab.pki, domains));
      lab.dns = CloudflareDnsFront.start(Loopback.address(block + "53"), lab.api,
          Loopback.address(block + "2"), elsewhere);
      lab.resources.add(lab.dns);
    } catch (Exception | Error e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  /**
   * Starts a laboratory whose policy hosts are CloudFront distributions in moto, on 127.0.32.x:
   * the edge, the MX host and the test CA are the AWS laboratory's; the zones and the DNS are
   * Cloudflare's.
   *
   * @param aws the running AWS laboratory, started for the same domains
   * @param domains the mail domains, each given a zone with its MX
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static CloudflareLab withCloudFront(AwsLab aws, List<String> domains) throws Exception {
    CloudflareLab lab = new CloudflareLab();
    try {
      lab.pki = aws.pki();
      lab.httpsPort = aws.httpsPort();
      lab.smtpPort = aws.smtpPort();
      lab.startApi(Loopback.address("127.0.32.1"), domains, aws.mxAddress());
      lab.dns = CloudflareDnsFront.start(Loopback.address("127.0.32.53"), lab.api, aws.edgeAddress(),
          name -> Route53DnsFront.isDistribution(aws.cloudFront(), name)
              ? Optional.of(aws.edgeAddress()) : Optional.empty());
      lab.resources.add(lab.dns);
    } catch (Exception | Error e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  private void startApi(InetAddress bind, List<String> domains, InetAddress mx) throws IOException {
    api = FakeCloudflareApi.start(bind, TOKEN, ACCOUNT);
    resources.add(api);
    String mxHost = "mx1." + domains.get(0);
    for (String domain : domains) {
      String zoneId = api.addZone(domain);
      zoneIds.put(domain, zoneId);
      // Added as the zone's owner would have them; the MX in master-file form (see the front).
      api.addRecord(zoneId, domain, "MX", "10 " + mxHost + ".");
    }
    api.addRecord(zoneIds.get(domains.get(0)), mxHost, "A", mx.getHostAddress());
  }

  /**
   * Returns the fake Cloudflare API.
   *
   * @return the fake
   */
  public FakeCloudflareApi api() {
    return api;
  }

  /**
   * Returns the zone of a mail domain.
   *
   * @param domain the mail domain
   * @return the zone id
   */
  public String zoneId(String domain) {
    return zoneIds.get(domain);
  }

  /**
   * Returns the records of a domain's zone that the laboratory did not add: what a deployment
   * wrote.
   *
   * @param domain the mail domain
   * @return the records
   */
  public List<FakeCloudflareApi.DnsRecord> written(String domain) {
    return api.records(zoneId(domain)).stream()
        .filter(r -> !r.type().equals("MX") && !r.name().startsWith("mx1.")).toList();
  }

  /**
   * Returns the DNS server, as the provider setting {@code verifyResolver} takes it.
   *
   * @return {@code HOST:PORT}
   */
  public String resolver() {
    return dns.resolver();
  }

  /**
   * Returns the PEM file of the test CA that issued the edge's and the MX host's certificates.
   *
   * @return the file
   */
  public Path caFile() {
    return pki.caFile();
  }

  /**
   * Returns the test CA that issued the MX host's certificate, and the edge's.
   *
   * @return the CA
   */
  public TestPki pki() {
    return pki;
  }

  /**
   * Returns the port the policy hosts serve HTTPS on.
   *
   * @return the port
   */
  public int httpsPort() {
    return httpsPort;
  }

  /**
   * Returns the port the MX host accepts SMTP on.
   *
   * @return the port
   */
  public int smtpPort() {
    return smtpPort;
  }

  /**
   * Returns the stand-in for Cloudflare's edge, when the policy hosts are Workers.
   *
   * @return the edge
   * @throws IllegalStateException in a laboratory with CloudFront
   */
  public WorkersEdge workersEdge() {
    if (workersEdge == null) {
      throw new IllegalStateException("this laboratory serves the policy hosts with CloudFront");
    }
    return workersEdge;
  }

  @Override
  public void close() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }
}

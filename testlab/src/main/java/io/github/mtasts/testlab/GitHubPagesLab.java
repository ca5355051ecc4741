package io.github.mtasts.testlab;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A mail domain with its policy on GitHub Pages, on loopback: the {@link FakeGitHubApi} with the
 * user {@value #OWNER} and a token, the {@link PagesEdge} that serves its Pages sites, and the
 * domain's DNS and STARTTLS MX host, either on Route 53 ({@link #start}: an {@link AwsLab}, moto's
 * Route 53 answered by {@link Route53DnsFront}) or on Cloudflare ({@link #onCloudflare}: a
 * {@link CloudflareLab}, the fake Cloudflare API answered by {@link CloudflareDnsFront}). As on
 * the Internet, {@code OWNER.github.io}, the target of a site's CNAME record, resolves to the
 * Pages edge, and GitHub's DNS check of a custom domain reads the CNAME record where senders
 * would find it: in the zone that holds the domain.
 */
public final class GitHubPagesLab implements AutoCloseable {

  /** The GitHub user that owns the policy repositories. */
  public static final String OWNER = "octo";

  /** The names below it stand for GitHub Pages' servers. */
  private static final String PAGES_SUFFIX = "github.io";

  private final AwsLab aws;
  private final CloudflareLab cloudflare;
  private final FakeGitHubApi api;
  private final PagesEdge edge;
  private final InetAddress edgeAddress;
  private final int httpsPort;

  private GitHubPagesLab(AwsLab aws, CloudflareLab cloudflare, FakeGitHubApi api, PagesEdge edge,
      InetAddress edgeAddress, int httpsPort) {
    this.aws = aws;
    this.cloudflare = cloudflare;
    this.api = api;
    this.edge = edge;
    this.edgeAddress = edgeAddress;
    this.httpsPort = httpsPort;
  }

  /**
   * Starts the laboratory with the domains on Route 53, on 127.0.41.x.
   *
   * @param moto the endpoint of a running moto server
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a hosted zone with its MX
   * @param token the token the fake API accepts for {@value #OWNER}
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static GitHubPagesLab start(URI moto, Path directory, List<String> domains, String token)
      throws Exception {
    InetAddress edge = Loopback.address("127.0.41.1");
    AwsLab aws = AwsLab.start(moto, directory, domains);
    try {
      aws.dns().answerAddress(PAGES_SUFFIX, edge);
      return withPages(aws, null, aws.pki(), edge, Loopback.address("127.0.41.2"),
          KnotServer.freePort(edge), token, name -> cnameInRoute53(aws, name));
    } catch (Exception | Error e) {
      aws.close();
      throw e;
    }
  }

  /**
   * Starts the laboratory with the domains on Cloudflare DNS, on 127.0.44.x (the Cloudflare
   * side on 127.0.43.x, see {@link CloudflareLab#withHostingElsewhere}).
   *
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a zone with its MX
   * @param token the token the fake API accepts for {@value #OWNER}
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static GitHubPagesLab onCloudflare(Path directory, List<String> domains, String token)
      throws Exception {
    InetAddress edge = Loopback.address("127.0.44.1");
    int httpsPort = KnotServer.freePort(edge);
    CloudflareLab cloudflare = CloudflareLab.withHostingElsewhere(directory, domains, httpsPort,
        name -> name.endsWith("." + PAGES_SUFFIX) ? Optional.of(edge) : Optional.empty());
    try {
      return withPages(null, cloudflare, cloudflare.pki(), edge, Loopback.address("127.0.44.2"),
          httpsPort, token, name -> cnameInCloudflare(cloudflare, name));
    } catch (Exception | Error e) {
      cloudflare.close();
      throw e;
    }
  }

  /** The fake GitHub API and the Pages edge, next to the running DNS side. */
  private static GitHubPagesLab withPages(AwsLab aws, CloudflareLab cloudflare, TestPki pki,
      InetAddress edgeAddress, InetAddress apiAddress, int httpsPort, String token,
      Function<String, Optional<String>> cnameOf) throws Exception {
    FakeGitHubApi api = FakeGitHubApi.start(apiAddress).user(OWNER).token(OWNER, token);
    try {
      PagesEdge edge = PagesEdge.start(edgeAddress, httpsPort, KnotServer.freePort(edgeAddress),
          api, pki);
      api.dns(cnameOf);
      return new GitHubPagesLab(aws, cloudflare, api, edge, edgeAddress, httpsPort);
    } catch (Exception | Error e) {
      api.close();
      throw e;
    }
  }

  /** Where the CNAME record of a name points, as moto's Route 53 holds it. */
  private static Optional<String> cnameInRoute53(AwsLab aws, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return aws.domains().stream().filter(domain -> lower.endsWith("." + domain)).findFirst()
        .flatMap(domain -> aws.recordSets(domain).stream()
            .filter(set -> set.typeAsString().equals("CNAME")
                && set.name().replaceAll("\\.$", "").equalsIgnoreCase(lower))
            .map(ResourceRecordSet::resourceRecords).filter(values -> !values.isEmpty())
            .map(values -> values.get(0).value().replaceAll("\\.$", "")).findFirst());
  }

  /**
   * Where the CNAME record of a name points, as the fake Cloudflare API holds it. A proxied
   * record is answered with Cloudflare's own addresses, its CNAME hidden behind the proxy (see
   * {@link CloudflareDnsFront}): GitHub's check finds no CNAME to {@code OWNER.github.io} then.
   */
  private static Optional<String> cnameInCloudflare(CloudflareLab cloudflare, String name) {
    return cloudflare.api().zones().stream()
        .flatMap(zone -> cloudflare.api().records(zone.id()).stream())
        .filter(record -> record.type().equals("CNAME") && !record.proxied()
            && record.name().equalsIgnoreCase(name))
        .map(record -> record.content().replaceAll("\\.$", "")).findFirst();
  }

  /**
   * Returns the AWS side: moto's Route 53, the DNS server, the MX host, the test CA.
   *
   * @return the AWS laboratory
   * @throws IllegalStateException in a laboratory on Cloudflare
   */
  public AwsLab aws() {
    if (aws == null) {
      throw new IllegalStateException("this laboratory's domains are on Cloudflare");
    }
    return aws;
  }

  /**
   * Returns the Cloudflare side: the fake API with the zones, the DNS server, the MX host, the
   * test CA.
   *
   * @return the Cloudflare laboratory
   * @throws IllegalStateException in a laboratory on Route 53
   */
  public CloudflareLab cloudflare() {
    if (cloudflare == null) {
      throw new IllegalStateException("this laboratory's domains are on Route 53");
    }
    return cloudflare;
  }

  /**
   * Returns the fake GitHub API.
   *
   * @return the fake
   */
  public FakeGitHubApi api() {
    return api;
  }

  /**
   * Returns the Pages edge.
   *
   * @return the edge
   */
  public PagesEdge edge() {
    return edge;
  }

  /**
   * Returns the address every {@code OWNER.github.io} resolves to.
   *
   * @return the edge's address
   */
  public InetAddress edgeAddress() {
    return edgeAddress;
  }

  /**
   * Returns the port the Pages edge serves HTTPS on, standing for 443.
   *
   * @return the port
   */
  public int httpsPort() {
    return httpsPort;
  }

  @Override
  public void close() throws Exception {
    edge.close();
    api.close();
    (aws != null ? aws : cloudflare).close();
  }
}

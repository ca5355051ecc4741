package io.github.mtasts.testlab;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A mail domain on Route 53 with its policy on GitHub Pages, on loopback: an {@link AwsLab} (moto's
 * Route 53 answered by {@link Route53DnsFront}, the domain's STARTTLS MX host), the
 * {@link FakeGitHubApi} with the user {@value #OWNER} and a token, and the {@link PagesEdge} that
 * serves its Pages sites. As on the Internet, {@code OWNER.github.io}, the target of a site's
 * CNAME record, resolves to the Pages edge, and GitHub's DNS check of a custom domain reads the
 * CNAME record where senders would find it: in moto's Route 53.
 */
public final class GitHubPagesLab implements AutoCloseable {

  /** The GitHub user that owns the policy repositories. */
  public static final String OWNER = "octo";

  private static final InetAddress EDGE = Loopback.address("127.0.41.1");
  private static final InetAddress API = Loopback.address("127.0.41.2");

  private final AwsLab aws;
  private final FakeGitHubApi api;
  private final PagesEdge edge;
  private final int httpsPort;

  private GitHubPagesLab(AwsLab aws, FakeGitHubApi api, PagesEdge edge, int httpsPort) {
    this.aws = aws;
    this.api = api;
    this.edge = edge;
    this.httpsPort = httpsPort;
  }

  /**
   * Starts the laboratory.
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
    AwsLab aws = AwsLab.start(moto, directory, domains);
    FakeGitHubApi api = null;
    try {
      api = FakeGitHubApi.start(API).user(OWNER).token(OWNER, token);
      int httpsPort = KnotServer.freePort(EDGE);
      PagesEdge edge = PagesEdge.start(EDGE, httpsPort, KnotServer.freePort(EDGE), api,
          aws.pki());
      GitHubPagesLab lab = new GitHubPagesLab(aws, api, edge, httpsPort);
      aws.dns().answerAddress("github.io", EDGE);
      api.dns(lab::cnameTarget);
      return lab;
    } catch (Exception | Error e) {
      if (api != null) {
        api.close();
      }
      aws.close();
      throw e;
    }
  }

  /** Where the CNAME record of a name points, as moto's Route 53 holds it. */
  private Optional<String> cnameTarget(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return aws.domains().stream().filter(domain -> lower.endsWith("." + domain)).findFirst()
        .flatMap(domain -> aws.recordSets(domain).stream()
            .filter(set -> set.typeAsString().equals("CNAME")
                && set.name().replaceAll("\\.$", "").equalsIgnoreCase(lower))
            .map(ResourceRecordSet::resourceRecords).filter(values -> !values.isEmpty())
            .map(values -> values.get(0).value().replaceAll("\\.$", "")).findFirst());
  }

  /**
   * Returns the AWS side: moto's Route 53, the DNS server, the MX host, the test CA.
   *
   * @return the AWS laboratory
   */
  public AwsLab aws() {
    return aws;
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
    return EDGE;
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
    aws.close();
  }
}

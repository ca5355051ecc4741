package io.github.mtasts.testlab;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS as an MTA-STS deployment sees it, on loopback: moto for the APIs (Route 53, ACM, S3,
 * CloudFront; started by the test), {@link Route53DnsFront} for the DNS that senders query,
 * {@link CloudFrontEdge} for the HTTPS traffic CloudFront would serve, and a STARTTLS SMTP server
 * for the domains' existing MX host. Each mail domain gets a hosted zone holding what a mail domain has before MTA-STS: an MX
 * record {@code 10 mx1.DOMAIN.} and the MX host's address.
 */
public final class AwsLab implements AutoCloseable {
  /** moto accepts any credentials; these are only for signing. */
  public static final String ACCESS_KEY = "AKIAMOTOTESTKEY";
  /** The secret key that goes with {@link #ACCESS_KEY}. */
  public static final String SECRET_KEY = "moto-test-secret";

  /**
   * The loopback addresses the laboratory's servers listen on, each on a free port.
   *
   * @param edge the HTTPS edge, where every distribution's domain name resolves
   * @param dns the DNS server that answers from moto's Route 53
   * @param mx the domains' MX host, the address of their {@code mx1} name
   */
  public record Addresses(InetAddress edge, InetAddress dns, InetAddress mx) {
    /** The tests' addresses: 127.0.77.1, 127.0.77.53 and 127.0.77.25. */
    public static final Addresses TESTS =
        new Addresses(Loopback.address("127.0.77.1"), Loopback.address("127.0.77.53"),
            Loopback.address("127.0.77.25"));
  }

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final Map<String, String> zoneIds = new LinkedHashMap<>();
  private final URI moto;
  private final Addresses addresses;
  private TestPki pki;
  private Route53Client route53;
  private CloudFrontClient cloudFront;
  private AcmClient acm;
  private S3Client s3;
  private CloudFrontEdge edge;
  private Route53DnsFront dns;
  private int httpsPort;
  private int smtpPort;

  /**
   * The environment of a Pulumi command whose plugin reaches moto through the AWS SDK's default
   * chain: moto's test keys, and no configuration file, so that a person's own AWS profile
   * stays out of the test or the sandbox.
   *
   * @param scratch a folder of the test or sandbox, where the (absent) configuration file is said
   *     to be
   * @return the variables
   */
  public static Map<String, String> awsEnvironment(Path scratch) {
    String noConfig = scratch.resolve("no-aws-config").toString();
    return Map.of(
        "AWS_ACCESS_KEY_ID", ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
        "AWS_CONFIG_FILE", noConfig,
        "AWS_SHARED_CREDENTIALS_FILE", noConfig,
        "AWS_EC2_METADATA_DISABLED", "true");
  }

  private AwsLab(URI moto, Addresses addresses) {
    this.moto = moto;
    this.addresses = addresses;
  }

  /**
   * Starts the laboratory for the given mail domains on the tests' addresses
   * ({@link Addresses#TESTS}).
   *
   * @param moto the endpoint of a running moto server, which the laboratory reads directly
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a hosted zone with its MX
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static AwsLab start(URI moto, Path directory, List<String> domains) throws Exception {
    return start(moto, directory, domains, Addresses.TESTS);
  }

  /**
   * Starts the laboratory for the given mail domains on the given addresses.
   *
   * @param moto the endpoint of a running moto server, which the laboratory reads directly
   * @param directory where the test CA's PEM file goes
   * @param domains the mail domains, each given a hosted zone with its MX
   * @param addresses where its servers listen
   * @return the running laboratory
   * @throws Exception when a part cannot be started
   */
  public static AwsLab start(URI moto, Path directory, List<String> domains, Addresses addresses)
      throws Exception {
    AwsLab lab = new AwsLab(moto, addresses);
    try {
      lab.startParts(directory, domains);
    } catch (Exception | Error e) {
      lab.close();
      throw e;
    }
    return lab;
  }

  private void startParts(Path directory, List<String> domains) throws Exception {
    route53 = client(Route53Client.builder(), Region.AWS_GLOBAL);
    cloudFront = client(CloudFrontClient.builder(), Region.AWS_GLOBAL);
    acm = client(AcmClient.builder(), Region.US_EAST_1);
    s3 = client(S3Client.builder().forcePathStyle(true), Region.US_EAST_1);
    pki = new TestPki(directory);
    httpsPort = KnotServer.freePort(addresses.edge());
    smtpPort = KnotServer.freePort(addresses.mx());
    edge = CloudFrontEdge.start(addresses.edge(), httpsPort,
        pki.server(domains.stream().map(d -> "mta-sts." + d).toArray(String[]::new)),
        cloudFront, acm, s3);
    resources.add(edge);
    resources.add(MxServer.start(addresses.mx(), smtpPort, pki, domains));
    dns = Route53DnsFront.start(addresses.dns(), route53, cloudFront, addresses.edge());
    resources.add(dns);
    for (String domain : domains) {
      String zoneId = route53.createHostedZone(b -> b.name(domain)
          .callerReference(UUID.randomUUID().toString())).hostedZone().id()
          .replace("/hostedzone/", "");
      zoneIds.put(domain, zoneId);
      change(zoneId, ChangeAction.CREATE, domain, RRType.MX, "10 mx1." + domain + ".");
      change(zoneId, ChangeAction.CREATE, "mx1." + domain, RRType.A, addresses.mx().getHostAddress());
    }
  }

  private <B extends AwsClientBuilder<B, C>, C> C client(B builder, Region region) {
    builder.region(region);
    builder.endpointOverride(moto);
    builder.credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    return builder.build();
  }

  /**
   * Creates, changes or deletes one single-valued record set in a zone, as a person editing the
   * zone outside the program would.
   *
   * @param zoneId the hosted zone
   * @param action what to do
   * @param name the record name
   * @param type the record type
   * @param value the record value in master-file form
   */
  public void change(String zoneId, ChangeAction action, String name, RRType type, String value) {
    route53.changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(
        ch -> ch.action(action).resourceRecordSet(r -> r.name(name).type(type).ttl(300L)
            .resourceRecords(v -> v.value(value))))));
  }

  /**
   * Returns the record sets of a domain's zone as moto holds them.
   *
   * @param domain the mail domain
   * @return every record set
   */
  public List<ResourceRecordSet> recordSets(String domain) {
    List<ResourceRecordSet> sets = new ArrayList<>();
    route53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId(domain)))
        .resourceRecordSets().forEach(sets::add);
    return sets;
  }

  /**
   * Returns the values of one record set of a domain's zone, as moto holds them (master-file
   * form: TXT quoted, names with their trailing dot).
   *
   * @param domain the mail domain whose zone holds the record set
   * @param name the record name, without the trailing dot
   * @param type the record type, e.g. {@code TXT}
   * @return the values, empty when there is no such record set
   */
  public List<String> values(String domain, String name, String type) {
    return recordSets(domain).stream()
        .filter(s -> s.name().replaceAll("\\.$", "").equals(name) && s.typeAsString().equals(type))
        .flatMap(s -> s.resourceRecords().stream().map(ResourceRecord::value))
        .toList();
  }

  /**
   * Returns a domain's zone as lines {@code NAME TYPE [VALUES]}, sorted, to compare a zone before
   * and after.
   *
   * @param domain the mail domain
   * @return the lines
   */
  public List<String> zoneListing(String domain) {
    return recordSets(domain).stream().map(s -> s.name() + " " + s.typeAsString() + " "
        + s.resourceRecords().stream().map(ResourceRecord::value).toList()).sorted().toList();
  }

  /**
   * Returns the mail domains that have a hosted zone here.
   *
   * @return the domains, in the order given at start
   */
  public List<String> domains() {
    return List.copyOf(zoneIds.keySet());
  }

  /**
   * Returns the hosted zone of a mail domain.
   *
   * @param domain the mail domain
   * @return the zone id without the {@code /hostedzone/} prefix
   */
  public String zoneId(String domain) {
    return zoneIds.get(domain);
  }

  /**
   * Returns the DNS server that answers from moto's Route 53, to make it answer more names.
   *
   * @return the server
   */
  public Route53DnsFront dns() {
    return dns;
  }

  /**
   * Returns the test CA that issued the edge's and the MX host's certificates.
   *
   * @return the CA
   */
  public TestPki pki() {
    return pki;
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
   * Returns the port the edge serves HTTPS on.
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
   * Returns the address of the stand-in for CloudFront's edge, which every distribution's domain
   * name resolves to.
   *
   * @return the address
   */
  public InetAddress edgeAddress() {
    return addresses.edge();
  }

  /**
   * Returns the address of the domains' MX host.
   *
   * @return the address
   */
  public InetAddress mxAddress() {
    return addresses.mx();
  }

  /**
   * Returns the stand-in for CloudFront's edge.
   *
   * @return the edge
   */
  public CloudFrontEdge edge() {
    return edge;
  }

  /**
   * Returns a client of moto's Route 53.
   *
   * @return the client
   */
  public Route53Client route53() {
    return route53;
  }

  /**
   * Returns a client of moto's CloudFront.
   *
   * @return the client
   */
  public CloudFrontClient cloudFront() {
    return cloudFront;
  }

  /**
   * Returns a client of moto's ACM in us-east-1.
   *
   * @return the client
   */
  public AcmClient acm() {
    return acm;
  }

  /**
   * Returns a client of moto's S3.
   *
   * @return the client
   */
  public S3Client s3() {
    return s3;
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable client : new AutoCloseable[] {route53, cloudFront, acm, s3}) {
      if (client != null) {
        client.close();
      }
    }
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }
}

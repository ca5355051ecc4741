package io.github.mtasts.testlab;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * A DNS server on loopback that answers from what moto holds, standing in for the public DNS a
 * sending mail server asks: names in a Route 53 hosted zone are answered with the zone's record
 * sets as moto stores them at the moment of the query (so a record the provider just wrote is
 * visible at once, as Route 53 answers once a change is INSYNC), and the domain name of a
 * CloudFront distribution resolves to the address of {@link CloudFrontEdge}, which serves that
 * distribution's traffic in place of CloudFront's edge network.
 *
 * <p>Every query is answered afresh from moto's API ({@link UdpDnsServer}). Names under a suffix
 * given to {@link #answerAddress} (such as {@code github.io}, standing for GitHub Pages'
 * addresses) resolve to that address; other names outside the emulated zones are refused.
 */
public final class Route53DnsFront implements AutoCloseable {
  private static final String CLOUDFRONT_SUFFIX = ".cloudfront.net";
  private static final long TTL = 60;

  private final Route53Client route53;
  private final CloudFrontClient cloudFront;
  private final InetAddress edgeAddress;
  private final Map<String, InetAddress> suffixes = new ConcurrentHashMap<>();
  private UdpDnsServer server;

  private Route53DnsFront(Route53Client route53, CloudFrontClient cloudFront, InetAddress edgeAddress) {
    this.route53 = route53;
    this.cloudFront = cloudFront;
    this.edgeAddress = edgeAddress;
  }

  /**
   * Starts the server.
   *
   * @param bind the loopback address to listen on (a free UDP port is chosen)
   * @param route53 a client of moto's Route 53
   * @param cloudFront a client of moto's CloudFront
   * @param edgeAddress the address every distribution's domain name resolves to
   * @return the running server
   * @throws IOException when the socket cannot be bound
   */
  public static Route53DnsFront start(InetAddress bind, Route53Client route53,
      CloudFrontClient cloudFront, InetAddress edgeAddress) throws IOException {
    Route53DnsFront front = new Route53DnsFront(route53, cloudFront, edgeAddress);
    front.server = UdpDnsServer.start(bind, "route53-dns-front", front::answer);
    return front;
  }

  /**
   * Returns the address as the verifier's {@code resolver} setting takes it.
   *
   * @return {@code HOST:PORT}
   */
  public String resolver() {
    return server.resolver();
  }

  /**
   * Answers every name under a suffix with an address, as the public DNS answers the names of a
   * hosting service: for example {@code github.io}, so that {@code OWNER.github.io}, the target
   * of a Pages site's CNAME, reaches a test Pages edge.
   *
   * @param suffix a domain, e.g. {@code github.io}; the names below it, not itself, resolve
   * @param address the address they resolve to
   */
  public void answerAddress(String suffix, InetAddress address) {
    suffixes.put("." + suffix.toLowerCase(Locale.ROOT), address);
  }

  /**
   * Answers one query, as the server does for each datagram.
   *
   * @param query the query
   * @return the answer
   * @throws IOException when a record set moto holds is not valid presentation text
   */
  public Message answer(Message query) throws IOException {
    return server.answer(query);
  }

  private void answer(Record question, Message response) throws TextParseException {
    Name name = question.getName();
    String text = name.toString(true).toLowerCase(Locale.ROOT);
    if (text.endsWith(CLOUDFRONT_SUFFIX)) {
      answerDistribution(response, name, text, question.getType());
      return;
    }
    Optional<InetAddress> hosted = suffixes.entrySet().stream()
        .filter(e -> text.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    if (hosted.isPresent()) {
      if (question.getType() == Type.A) {
        response.addRecord(new ARecord(name, DClass.IN, TTL, hosted.get()), Section.ANSWER);
      }
      return;
    }
    Optional<HostedZone> zone = zoneOf(text);
    if (zone.isEmpty()) {
      response.getHeader().setRcode(Rcode.REFUSED);
      return;
    }
    answerFromZone(response, name, text, question.getType(), zone.get());
  }

  /**
   * Whether a name is the domain name of a distribution moto holds, which CloudFront's DNS
   * answers with its edge's addresses.
   *
   * @param cloudFront a client of moto's CloudFront
   * @param name a host name, without the trailing dot
   * @return true when a distribution has that domain name
   */
  public static boolean isDistribution(CloudFrontClient cloudFront, String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(CLOUDFRONT_SUFFIX)
        && cloudFront.listDistributionsPaginator(b -> { }).stream()
            .flatMap(page -> page.distributionList().items().stream())
            .map(DistributionSummary::domainName)
            .anyMatch(domain -> domain.equalsIgnoreCase(name));
  }

  private void answerDistribution(Message response, Name name, String text, int type) {
    if (!isDistribution(cloudFront, text)) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    } else if (type == Type.A) {
      response.addRecord(new ARecord(name, DClass.IN, TTL, edgeAddress), Section.ANSWER);
    }
  }

  private Optional<HostedZone> zoneOf(String name) {
    HostedZone best = null;
    for (HostedZone zone : route53.listHostedZonesPaginator().hostedZones()) {
      String origin = stripDot(zone.name());
      if ((name.equals(origin) || name.endsWith("." + origin))
          && (best == null || origin.length() > stripDot(best.name()).length())) {
        best = zone;
      }
    }
    return Optional.ofNullable(best);
  }

  private void answerFromZone(Message response, Name name, String text, int type,
      HostedZone zone) throws TextParseException {
    List<ResourceRecordSet> sets = new ArrayList<>();
    route53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zone.id()))
        .resourceRecordSets().forEach(sets::add);
    List<ResourceRecordSet> atName = sets.stream()
        .filter(set -> stripDot(set.name()).equalsIgnoreCase(text)).toList();
    Optional<ResourceRecordSet> cname = atName.stream()
        .filter(set -> set.typeAsString().equals("CNAME")).findFirst();
    Optional<ResourceRecordSet> wanted = atName.stream()
        .filter(set -> set.typeAsString().equals(Type.string(type))).findFirst();
    if (wanted.isPresent()) {
      addAll(response, name, wanted.get(), Section.ANSWER);
    } else if (cname.isPresent()) {
      // The resolver follows the alias with a query of its own, as dnsjava's lookups do.
      addAll(response, name, cname.get(), Section.ANSWER);
    } else {
      boolean nameExists = !atName.isEmpty() || sets.stream()
          .anyMatch(set -> stripDot(set.name()).toLowerCase(Locale.ROOT).endsWith("." + text));
      if (!nameExists) {
        response.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      // RFC 2308 §3: a negative answer carries the zone's SOA in the authority section.
      Name origin = Name.fromString(zone.name(), Name.root);
      sets.stream().filter(set -> set.typeAsString().equals("SOA")).findFirst()
          .ifPresent(soa -> addAll(response, origin, soa, Section.AUTHORITY));
    }
  }

  /** Adds each value of a Route 53 record set; its values are master-file rdata text. */
  private static void addAll(Message response, Name name, ResourceRecordSet set, int section) {
    int type = Type.value(set.typeAsString());
    long ttl = set.ttl() == null ? TTL : set.ttl();
    for (ResourceRecord value : set.resourceRecords()) {
      try {
        response.addRecord(
            Record.fromString(name, type, DClass.IN, ttl, rdata(value.value()), Name.root), section);
      } catch (IOException e) {
        throw new IllegalStateException("moto holds unparseable " + set.typeAsString()
            + " data at " + set.name() + ": " + value.value(), e);
      }
    }
  }

  /**
   * The master-file text of a value, as Route 53 returns it (API reference, ResourceRecord: "Value:
   * the current or new DNS record value"). moto returns the value of a zone's default SOA record,
   * once the zone has been changed, as the text of a Python dictionary,
   * {@code {'Value': 'ns-2048.awsdns-64.com. hostmaster.example.com. 1 7200 900 1209600 86400'}};
   * unwrapped here, negative answers carry the SOA (RFC 2308 §3) instead of going unanswered.
   */
  static String rdata(String value) {
    String prefix = "{'Value': '";
    String suffix = "'}";
    return value.startsWith(prefix) && value.endsWith(suffix)
        ? value.substring(prefix.length(), value.length() - suffix.length())
        : value;
  }

  private static String stripDot(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}

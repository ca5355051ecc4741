package io.github.mtasts.testlab;

import io.github.mtasts.testlab.FakeCloudflareApi.DnsRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback that answers from what a {@link FakeCloudflareApi} holds, standing in
 * for Cloudflare's authoritative DNS as a sender's resolver reaches it: a name in one of the
 * fake's zones is answered with the zone's records at the moment of the query (so a record just
 * written is visible at once, as Cloudflare's API makes a change live when it answers).
 *
 * <p>As Cloudflare answers: the host name of a Workers custom domain with the address of the
 * edge that serves the Workers (docs "Custom Domains": Cloudflare creates the DNS records of a
 * custom domain, which point to the Worker), and a proxied record with that same address (here
 * one edge stands for Cloudflare's anycast addresses); a TXT record's content is its quoted
 * character-strings (TXTRecord.content), read as master-file text. A name outside the zones is
 * given to {@code elsewhere} (for example CloudFront's names), else refused.
 *
 * <p>Every query is answered afresh ({@link UdpDnsServer}).
 */
public final class CloudflareDnsFront implements AutoCloseable {
  private static final long TTL = 60;
  /** Cloudflare's automatic TTL, as the API description says ("1 means automatic"). */
  private static final long AUTOMATIC_TTL = 300;

  private final FakeCloudflareApi api;
  private final InetAddress edge;
  private final Function<String, Optional<InetAddress>> elsewhere;
  private UdpDnsServer server;

  private CloudflareDnsFront(FakeCloudflareApi api, InetAddress edge,
      Function<String, Optional<InetAddress>> elsewhere) {
    this.api = api;
    this.edge = edge;
    this.elsewhere = elsewhere;
  }

  /**
   * Starts the server.
   *
   * @param bind the loopback address to listen on (a free UDP port is chosen)
   * @param api the fake whose zones, records and custom domains are answered
   * @param edge the address custom domains and proxied records resolve to
   * @param elsewhere the address of a host outside the fake's zones, if it has one
   * @return the running server
   * @throws IOException when the socket cannot be bound
   */
  public static CloudflareDnsFront start(InetAddress bind, FakeCloudflareApi api, InetAddress edge,
      Function<String, Optional<InetAddress>> elsewhere) throws IOException {
    CloudflareDnsFront front = new CloudflareDnsFront(api, edge, elsewhere);
    front.server = UdpDnsServer.start(bind, "cloudflare-dns-front", front::answer);
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

  private void answer(Record question, Message response) throws TextParseException {
    Name name = question.getName();
    String text = name.toString(true).toLowerCase(Locale.ROOT);
    Optional<FakeCloudflareApi.Zone> zone = api.zones().stream()
        .filter(z -> text.equals(z.name()) || text.endsWith("." + z.name()))
        .max(Comparator.comparingInt(z -> z.name().length()));
    if (zone.isEmpty()) {
      Optional<InetAddress> other = elsewhere.apply(text);
      if (other.isEmpty()) {
        response.getHeader().setRcode(Rcode.REFUSED);
      } else if (question.getType() == Type.A) {
        response.addRecord(new ARecord(name, DClass.IN, TTL, other.get()), Section.ANSWER);
      }
      return;
    }
    answerFromZone(response, name, text, question.getType(), zone.get());
  }

  private void answerFromZone(Message response, Name name, String text, int type,
      FakeCloudflareApi.Zone zone) throws TextParseException {
    List<DnsRecord> records = api.records(zone.id());
    List<DnsRecord> atName = records.stream().filter(r -> r.name().equals(text)).toList();
    boolean customDomain = api.customDomains().stream().anyMatch(d -> d.hostname().equals(text));
    boolean proxied = atName.stream().anyMatch(DnsRecord::proxied);
    if (customDomain || proxied) {
      // Cloudflare answers with its own addresses; the record's value stays behind the proxy.
      if (type == Type.A) {
        response.addRecord(new ARecord(name, DClass.IN, TTL, edge), Section.ANSWER);
      }
      return;
    }
    List<DnsRecord> wanted = atName.stream().filter(r -> r.type().equals(Type.string(type))).toList();
    List<DnsRecord> cname = atName.stream().filter(r -> r.type().equals("CNAME")).toList();
    if (!wanted.isEmpty() || !cname.isEmpty()) {
      // A resolver follows a CNAME with a query of its own, as dnsjava's lookups do.
      for (DnsRecord record : wanted.isEmpty() ? cname : wanted) {
        response.addRecord(record(name, record), Section.ANSWER);
      }
      return;
    }
    boolean nameExists = !atName.isEmpty() || records.stream().anyMatch(r -> r.name().endsWith("." + text));
    if (!nameExists) {
      response.getHeader().setRcode(Rcode.NXDOMAIN);
    }
    // RFC 2308 §3: a negative answer carries the zone's SOA in the authority section.
    Name origin = Name.fromString(zone.name(), Name.root);
    response.addRecord(new SOARecord(origin, DClass.IN, TTL, Name.fromString("ns.cloudflare.test."),
        Name.fromString("dns.cloudflare.test."), 1, 10000, 2400, 604800, TTL), Section.AUTHORITY);
  }

  /**
   * One record from its content: TXT content is quoted character-strings, a CNAME's target has
   * no trailing dot; records that the laboratory adds outside the API (MX) are kept in
   * master-file form.
   */
  private static Record record(Name name, DnsRecord record) {
    long ttl = record.ttl() == 1 ? AUTOMATIC_TTL : record.ttl();
    String content = record.type().equals("CNAME") && !record.content().endsWith(".")
        ? record.content() + "." : record.content();
    try {
      return Record.fromString(name, Type.value(record.type()), DClass.IN, ttl, content, Name.root);
    } catch (IOException e) {
      throw new IllegalStateException("the fake holds unparseable " + record.type() + " content at "
          + record.name() + ": " + record.content(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}

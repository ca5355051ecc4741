package io.github.mtasts.testlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The DNS front answers as Cloudflare's DNS would for what the fake API holds, asked over UDP
 * the way the verifier's resolver asks.
 */
class CloudflareDnsFrontTest {

  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-Zz";

  private FakeCloudflareApi api;
  private CloudflareDnsFront front;
  private String zone;
  private final InetAddress edge = address("127.0.31.202");

  @BeforeEach
  void start() throws Exception {
    api = FakeCloudflareApi.start(address("127.0.31.201"), TOKEN, "0123456789abcdef0123456789abcdef");
    zone = api.addZone("example.com");
    front = CloudflareDnsFront.start(address("127.0.31.203"), api, edge,
        name -> name.equals("d111.cloudfront.net") ? Optional.of(address("127.0.31.204")) : Optional.empty());
  }

  @AfterEach
  void stop() throws Exception {
    front.close();
    api.close();
  }

  @Test
  void aTxtRecordIsAnsweredAsItsQuotedStrings() throws Exception {
    api.addRecord(zone, "_mta-sts.example.com", "TXT", "\"v=STSv1; \" \"id=1\"");
    List<Record> answer = ask("_mta-sts.example.com", Type.TXT).getSection(Section.ANSWER);
    assertEquals(List.of(List.of("v=STSv1; ", "id=1")),
        answer.stream().map(r -> ((TXTRecord) r).getStrings()).toList());
  }

  @Test
  void aCustomDomainAndAProxiedRecordAnswerWithTheEdge() throws Exception {
    api.addRecord(zone, "www.example.com", "CNAME", "origin.example.net");
    assertEquals(List.of("origin.example.net."), ask("www.example.com", Type.A).getSection(Section.ANSWER)
        .stream().map(Record::rdataToString).toList(), "an unproxied CNAME is the record itself");
    api.addRecord(zone, "mta-sts.example.com", "CNAME", "d111.cloudfront.net");
    assertEquals(List.of("d111.cloudfront.net."), ask("mta-sts.example.com", Type.A).getSection(Section.ANSWER)
        .stream().map(Record::rdataToString).toList());
    assertEquals(List.of("127.0.31.204"), ask("d111.cloudfront.net", Type.A).getSection(Section.ANSWER)
        .stream().map(Record::rdataToString).toList(), "a name outside the zones is asked elsewhere");
    assertEquals(Rcode.REFUSED, ask("example.net", Type.A).getRcode());
  }

  @Test
  void aNameWithoutRecordsIsNxdomainWithTheZonesSoa() throws Exception {
    Message answer = ask("_smtp._tls.example.com", Type.TXT);
    assertEquals(Rcode.NXDOMAIN, answer.getRcode());
    assertEquals(Type.SOA, answer.getSection(Section.AUTHORITY).get(0).getType());
  }

  private Message ask(String name, int type) throws Exception {
    String[] resolver = front.resolver().split(":");
    SimpleResolver simple = new SimpleResolver(resolver[0]);
    simple.setPort(Integer.parseInt(resolver[1]));
    simple.setTimeout(Duration.ofSeconds(5));
    return simple.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.github.mtasts.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.testlab.FaultProxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Route 53 as the store of the generic record model, against moto's Route 53. */
@ExtendWith(MotoExtension.class)
class Route53RecordStoreTest {

  private static final String RRSET_PATH = "/2013-04-01/hostedzone/[A-Z0-9]+/rrset/?";

  private AwsFixture aws;
  private Route53RecordStore store;
  private String zoneId;

  @BeforeEach
  void setUp(AwsFixture aws) {
    this.aws = aws;
    this.zoneId = aws.createHostedZone("example.com");
    this.store = new Route53RecordStore(aws.clients, aws.fastWait());
  }

  private DnsRecord txt(String name, String... texts) {
    return new DnsRecord(new RecordId(zoneId, name, RecordType.TXT), 300, List.of(texts));
  }

  @Test
  void createsReadsUpdatesAndDeletesThroughTheStoreContract() {
    DnsRecord created = store.create(txt("_mta-sts.example.com", "v=STSv1; id=1"));
    assertEquals(Optional.of(created), store.read(created.id()));

    DnsRecord changed = new DnsRecord(created.id(), 60, List.of("v=STSv1; id=2"));
    store.update(changed);
    assertEquals(Optional.of(changed), store.read(created.id()));

    store.delete(created.id());
    assertEquals(Optional.empty(), store.read(created.id()));
    store.delete(created.id()); // gone already: deleted
  }

  @Test
  void anExistingRecordSetIsReportedWithItsValuesAndNeverOverwritten() {
    DnsRecord theirs = txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:theirs@example.com");
    store.create(theirs);
    // moto refuses a CREATE only of identical values; Route 53 of any existing name and type.
    aws.proxy.failFirst(r -> r.getMethod().equals("POST") && r.getBody().utf8().contains("<Action>CREATE</Action>"), 1,
        FaultProxy.route53AlreadyExists("_smtp._tls.example.com.", "TXT"));

    RecordExistsException refused = assertThrows(RecordExistsException.class,
        () -> store.create(txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:ours@example.com")));

    assertEquals(theirs.id(), refused.id());
    assertEquals(Optional.of(theirs), refused.existing());
    assertTrue(aws.proxy.matching("POST", RRSET_PATH).stream().noneMatch(e -> e.body().contains("<Action>UPSERT</Action>")));
    assertEquals(Optional.of(theirs), store.read(theirs.id()));
  }

  @Test
  void whatRoute53RefusesIsFoundBeforeAnyCall() {
    assertEquals("zoneId", assertThrows(InvalidSpecException.class, () -> Route53RecordStore.recordSet(
        new DnsRecord(new RecordId("z-lower", "_mta-sts.example.com", RecordType.TXT), 300, List.of("x")))).field());
    assertEquals("values", assertThrows(InvalidSpecException.class, () -> Route53RecordStore.recordSet(
        txt("_mta-sts.example.com", "x".repeat(4000)))).field());
  }
}

package io.github.mtasts.cloudflare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.testlab.FakeCloudflareApi;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare as the record store of the record resource, against the fake API: a record set is
 * the Cloudflare records of one name and type, as the list operation's exact {@code name} and
 * {@code type} filters return them.
 */
class CloudflareRecordStoreTest extends FakeCloudflareTest {

  private io.github.mtasts.dns.DnsRecord txt(String name, String text) {
    return new io.github.mtasts.dns.DnsRecord(new RecordId(zone, name, RecordType.TXT), 300, List.of(text));
  }

  private CloudflareRecordStore store() {
    return new CloudflareRecordStore(client, waiter());
  }

  @Test
  void aRecordSetIsCreatedReadUpdatedAndDeleted() {
    var created = store().create(txt("_mta-sts.example.com", "v=STSv1; id=1"));
    assertEquals(txt("_mta-sts.example.com", "v=STSv1; id=1"), created);
    assertEquals(Optional.of(created), store().read(created.id()));

    var changed = new io.github.mtasts.dns.DnsRecord(created.id(), 3600, List.of("v=STSv1; id=2"));
    assertEquals(changed, store().update(changed));
    FakeCloudflareApi.DnsRecord stored = api.records(zone).get(0);
    assertEquals(List.of("\"v=STSv1; id=2\"", "3600"), List.of(stored.content(), String.valueOf(stored.ttl())));

    store().delete(created.id());
    store().delete(created.id());
    assertEquals(Optional.empty(), store().read(created.id()));
    assertEquals(List.of(), api.records(zone));
  }

  @Test
  void anExistingRecordOfTheNameIsReportedWithTheSetToImport() {
    api.addRecord(zone, "_mta-sts.example.com", "TXT", "\"v=STSv1; id=handmade\"");

    RecordExistsException e = assertThrows(RecordExistsException.class,
        () -> store().create(txt("_mta-sts.example.com", "v=STSv1; id=1")));

    assertEquals(zone + "/_mta-sts.example.com/TXT", e.id().toString());
    assertEquals(List.of("v=STSv1; id=handmade"), e.existing().orElseThrow().values());
    assertEquals(1, api.records(zone).size());
  }

  @Test
  void aCnameBesideARecordNoResourceCanManageNamesThatRecord() {
    // A CNAME has no other record beside it (RFC 1034 §3.6.2); Cloudflare refuses one with 81053.
    api.addRecord(zone, "mta-sts.example.com", "A", "192.0.2.1");

    CloudflareException e = assertThrows(CloudflareException.class, () -> store().create(
        new io.github.mtasts.dns.DnsRecord(new RecordId(zone, "mta-sts.example.com", RecordType.CNAME), 300,
            List.of("d111.cloudfront.net"))));

    assertFalse(e instanceof DnsRecordExistsException);
    assertTrue(e.getMessage().contains("A mta-sts.example.com") && e.getMessage().contains("Delete that record"),
        e.getMessage());
  }

  @Test
  void anUpdateLeavesTheSetWithExactlyTheDesiredValue() {
    // Cloudflare keeps a second TXT record of a name beside the first: an update of the set
    // leaves one, as an UPSERT of a Route 53 record set would.
    var created = store().create(txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:a@example.com"));
    api.addRecord(zone, "_smtp._tls.example.com", "TXT", "\"v=TLSRPTv1; rua=mailto:b@example.com\"");
    assertEquals(2, store().read(created.id()).orElseThrow().values().size());

    store().update(txt("_smtp._tls.example.com", "v=TLSRPTv1; rua=mailto:c@example.com"));

    assertEquals(List.of("\"v=TLSRPTv1; rua=mailto:c@example.com\""),
        api.records(zone).stream().map(FakeCloudflareApi.DnsRecord::content).toList());
  }

  @Test
  void aProxiedCnameIsWrittenAndReadBackProxied() {
    RecordId id = new RecordId(zone, "mta-sts.example.com", RecordType.CNAME);
    store().create(new io.github.mtasts.dns.DnsRecord(id, 300, List.of("d111.cloudfront.net"), true));

    assertTrue(api.records(zone).get(0).proxied());
    assertTrue(store().read(id).orElseThrow().proxied());
  }

  @Test
  void whatCloudflareRefusesIsFoundBeforeAnyCall() {
    assertEquals("values", assertThrows(InvalidSpecException.class, () -> CloudflareRecordStore.record(
        new io.github.mtasts.dns.DnsRecord(new RecordId(zone, "x.example.com", RecordType.TXT), 300,
            List.of("a", "b")))).field());
    assertEquals("ttl", assertThrows(InvalidSpecException.class, () -> CloudflareRecordStore.record(
        new io.github.mtasts.dns.DnsRecord(new RecordId(zone, "x.example.com", RecordType.TXT), 30,
            List.of("a")))).field());
    assertEquals("proxied", assertThrows(InvalidSpecException.class, () -> CloudflareRecordStore.record(
        new io.github.mtasts.dns.DnsRecord(new RecordId(zone, "x.example.com", RecordType.TXT), 300,
            List.of("a"), true))).field());
    assertEquals(List.of(), api.requests());
  }
}

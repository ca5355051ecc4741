package io.github.mtasts.aws;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.wait.WaitOptions;
import java.util.Optional;

/**
 * Route 53 as a {@link RecordStore}: the record sets of {@link Route53Records}, each change
 * waited on until Route 53 reports it {@code INSYNC}, within one operation's wait options.
 */
public final class Route53RecordStore implements RecordStore {

  private final Route53Records records;
  private final WaitOptions wait;

  /**
   * The store for one operation.
   *
   * @param clients the AWS clients
   * @param wait the operation's time budget and where its progress goes
   */
  public Route53RecordStore(AwsClients clients, WaitOptions wait) {
    this.records = new Route53Records(clients);
    this.wait = wait;
  }

  /**
   * The Route 53 record set of a record: what Route 53 refuses is found here, before any call.
   *
   * @param record the record
   * @return the record set
   * @throws InvalidSpecException for a zone id that is not a hosted zone id, a TTL beyond
   *     2147483647 seconds, a TXT value longer than Route 53 takes, or a proxied record (Route
   *     53 has no proxy that could answer for the name)
   */
  public static RecordSet recordSet(DnsRecord record) {
    if (record.proxied()) {
      throw new InvalidSpecException("proxied", true, "Route 53 answers with the record's values;"
          + " publish the record unproxied");
    }
    return RecordSet.builder()
        .zoneId(record.id().zone())
        .name(record.id().name())
        .type(RecordType.valueOf(record.id().type().name()))
        .ttl(record.ttl())
        .values(record.values())
        .build();
  }

  /** Route 53's create refuses an existing name and type whatever the values (CREATE, not UPSERT). */
  @Override
  public DnsRecord create(DnsRecord desired) {
    try {
      return record(records.create(recordSet(desired), wait));
    } catch (RecordSetExistsException e) {
      throw new RecordExistsException(desired.id(), e.existing().map(Route53RecordStore::record).orElse(null), e);
    }
  }

  @Override
  public Optional<DnsRecord> read(RecordId id) {
    return records.read(recordSetId(id)).map(Route53RecordStore::record);
  }

  @Override
  public DnsRecord update(DnsRecord desired) {
    return record(records.update(recordSet(desired), wait));
  }

  @Override
  public void delete(RecordId id) {
    records.delete(recordSetId(id), wait);
  }

  private static RecordSetId recordSetId(RecordId id) {
    return new RecordSetId(id.zone(), id.name(), RecordType.valueOf(id.type().name()));
  }

  /** A TXT or CNAME record set as a record; the ones mtasts reads through this store are. */
  private static DnsRecord record(RecordSet set) {
    return new DnsRecord(new RecordId(set.zoneId(), set.name(), io.github.mtasts.dns.RecordType.valueOf(set.type().name())),
        set.ttl(), set.values());
  }
}

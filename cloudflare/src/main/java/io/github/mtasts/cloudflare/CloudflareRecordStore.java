package io.github.mtasts.cloudflare;

import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.dns.RecordType;
import io.github.mtasts.wait.Waiter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cloudflare DNS as a {@link RecordStore}: the record set of a zone, name and type is the
 * Cloudflare records of that name and type (Cloudflare keeps each value as a record of its own).
 * mtasts writes one record per set, since each record it publishes has one value (one {@code
 * v=STSv1} record, RFC 8461 §3.1; one {@code v=TLSRPTv1} record, RFC 8460 §3; a CNAME, RFC 1034
 * §3.6.2), and {@link DnsRecords#create} never makes a second record at a name. Changes are live
 * once Cloudflare answers: its API has no change to wait for.
 */
public final class CloudflareRecordStore implements RecordStore {

  private final DnsRecords records;
  private final Waiter waiter;

  /**
   * The store for one operation.
   *
   * @param client the client
   * @param waiter the clock of the operation, whose deadline all its calls share
   */
  public CloudflareRecordStore(CloudflareClient client, Waiter waiter) {
    this.records = client.dnsRecords();
    this.waiter = waiter;
  }

  /**
   * The Cloudflare record of a record set: what Cloudflare refuses is found here, before any
   * call.
   *
   * @param set the record set
   * @return the record, without id
   * @throws InvalidSpecException for a zone id that is not one, a set of more than one value, a
   *     TTL Cloudflare does not take, or a proxied TXT record
   */
  public static DnsRecord record(io.github.mtasts.dns.DnsRecord set) {
    if (set.values().size() != 1) {
      throw new InvalidSpecException("values", set.values(), "give one value: mtasts keeps one"
          + " Cloudflare record per name and type (Cloudflare stores each value as a record of"
          + " its own)");
    }
    if (set.ttl() > Integer.MAX_VALUE) {
      throw new InvalidSpecException("ttl", set.ttl(), "use 1 (automatic) or 60 to 86400 seconds");
    }
    DnsRecord record = DnsRecord.builder()
        .zoneId(set.id().zone())
        .name(set.id().name())
        .type(set.id().type().name())
        .value(set.values().get(0))
        .ttl((int) set.ttl())
        .proxied(set.proxied())
        .build();
    record.checkWritable();
    return record;
  }

  @Override
  public io.github.mtasts.dns.DnsRecord create(io.github.mtasts.dns.DnsRecord desired) {
    try {
      return set(List.of(records.create(record(desired), waiter)));
    } catch (DnsRecordExistsException e) {
      // Name the record set an import adopts; a record of another type no resource can manage.
      Optional<DnsRecord> importable = e.existing().stream()
          .filter(r -> r.type().equals("TXT") || r.type().equals("CNAME")).findFirst();
      if (importable.isEmpty()) {
        throw new CloudflareException("Cloudflare zone " + desired.id().zone() + " already has "
            + e.existing().stream().map(r -> r.type() + " " + r.name() + " (id " + r.id().orElse("?") + ")")
                .collect(Collectors.joining(", "))
            + "; the " + desired.id().type() + " record " + desired.id().name() + " was not created and"
            + " nothing was changed. Delete that record (a CNAME has no other record beside it, RFC 1034"
            + " §3.6.2), then run again", 0, List.of(), e);
      }
      RecordId existing = new RecordId(desired.id().zone(), importable.get().name(),
          RecordType.valueOf(importable.get().type()));
      throw new RecordExistsException(existing, read(existing).orElse(null), e);
    }
  }

  @Override
  public Optional<io.github.mtasts.dns.DnsRecord> read(RecordId id) {
    List<DnsRecord> found = records.list(id.zone(), id.name(), Optional.of(id.type().name()), waiter);
    return found.isEmpty() ? Optional.empty() : Optional.of(set(found));
  }

  /** Patches the set's first record and deletes the others, or creates it when it is gone. */
  @Override
  public io.github.mtasts.dns.DnsRecord update(io.github.mtasts.dns.DnsRecord desired) {
    DnsRecord wanted = record(desired);
    RecordId id = desired.id();
    List<DnsRecord> found = records.list(id.zone(), id.name(), Optional.of(id.type().name()), waiter);
    if (found.isEmpty()) {
      return set(List.of(records.create(wanted, waiter)));
    }
    DnsRecord first = found.get(0);
    DnsRecord updated = records.update(first.toBuilder()
        .value(wanted.value()).ttl(wanted.ttl()).proxied(wanted.proxied()).build(), waiter);
    for (DnsRecord extra : found.subList(1, found.size())) {
      records.delete(id.zone(), extra.id().orElseThrow(), waiter);
    }
    return set(List.of(updated));
  }

  @Override
  public void delete(RecordId id) {
    for (DnsRecord record : records.list(id.zone(), id.name(), Optional.of(id.type().name()), waiter)) {
      records.delete(id.zone(), record.id().orElseThrow(), waiter);
    }
  }

  /** The record set of Cloudflare records of one name and type: their values, the first's TTL. */
  private static io.github.mtasts.dns.DnsRecord set(List<DnsRecord> found) {
    DnsRecord first = found.get(0);
    return new io.github.mtasts.dns.DnsRecord(
        new RecordId(first.zoneId(), first.name(), RecordType.valueOf(first.type())),
        first.ttl(), found.stream().map(DnsRecord::value).toList(),
        found.stream().anyMatch(DnsRecord::proxied));
  }
}

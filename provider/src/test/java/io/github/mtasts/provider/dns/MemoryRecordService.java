package io.github.mtasts.provider.dns;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordExistsException;
import io.github.mtasts.dns.RecordId;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.OperationContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A second DNS service behind the record resource, new classes only: zones kept in memory, with
 * the zone ids, TTL range and value limit of a service unlike Route 53, so that tests show what
 * the resource takes from its service and what it does the same for all.
 */
final class MemoryRecordService implements RecordService, RecordStore {

  /** The service's TTL range: one minute to a day, as some DNS APIs take. */
  static final long MIN_TTL = 60;
  static final long MAX_TTL = 86_400;
  /** The longest TXT text the service takes. */
  static final int MAX_TEXT = 100;

  final Map<RecordId, DnsRecord> records = new ConcurrentHashMap<>();

  @Override
  public String token() {
    // A token of the schema whose inputs are those of every record resource.
    return "mtasts:aws:Record";
  }

  @Override
  public String recordNoun() {
    return "memory record";
  }

  @Override
  public String zoneNoun() {
    return "memory zone";
  }

  @Override
  public String zoneExample() {
    return "zone-1";
  }

  @Override
  public String zone(String given) {
    if (!given.matches("zone-[0-9]+")) {
      throw new IllegalArgumentException("zoneId: invalid value \"" + given + "\": use a memory zone id such as zone-1");
    }
    return given;
  }

  @Override
  public long minTtl() {
    return MIN_TTL;
  }

  @Override
  public long maxTtl() {
    return MAX_TTL;
  }

  @Override
  public Optional<CheckResult.Failure> limits(DnsRecord record) {
    return record.values().stream().filter(value -> value.length() > MAX_TEXT).findFirst()
        .map(value -> new CheckResult.Failure("text", "a memory record holds at most " + MAX_TEXT + " characters"));
  }

  @Override
  public <T> T run(OperationContext context, String what, Duration timeout, Function<RecordStore, T> operation) {
    return operation.apply(this);
  }

  @Override
  public DnsRecord create(DnsRecord desired) {
    DnsRecord existing = records.putIfAbsent(desired.id(), desired);
    if (existing != null) {
      throw new RecordExistsException(desired.id(), existing, null);
    }
    return desired;
  }

  @Override
  public Optional<DnsRecord> read(RecordId id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public DnsRecord update(DnsRecord desired) {
    records.put(desired.id(), desired);
    return desired;
  }

  @Override
  public void delete(RecordId id) {
    records.remove(id);
  }
}

package io.github.mtasts.provider.cloudflare;

import io.github.mtasts.cloudflare.CloudflareRecordStore;
import io.github.mtasts.cloudflare.InvalidSpecException;
import io.github.mtasts.cloudflare.Zones;
import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.provider.dns.RecordService;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cloudflare DNS behind {@code mtasts:cloudflare:Record}: the records of a zone, one per name and
 * type, marked with the comment "managed by mtasts"; a change is live once Cloudflare answers.
 */
public final class CloudflareRecordService implements RecordService {

  /** The type token. */
  public static final String TOKEN = "mtasts:cloudflare:Record";

  /** The API description's {@code ttl}: 1 means automatic. */
  private static final long AUTOMATIC_TTL = 1;
  /** The API description's {@code ttl}: at most one day. */
  private static final long MAX_TTL = 86400;

  private final CloudflareAccess cloudflare;

  /**
   * Cloudflare reached through the provider's Cloudflare settings.
   *
   * @param cloudflare the provider's access to Cloudflare
   */
  public CloudflareRecordService(CloudflareAccess cloudflare) {
    this.cloudflare = cloudflare;
  }

  @Override
  public String token() {
    return TOKEN;
  }

  @Override
  public String recordNoun() {
    return "Cloudflare DNS record";
  }

  @Override
  public String zoneNoun() {
    return "Cloudflare zone";
  }

  @Override
  public String zoneExample() {
    return "023e105f4ecef8ad9ca31a8372d0c353";
  }

  /** Cloudflare's own form: 32 lower-case hexadecimal digits; a zone name is not an id. */
  @Override
  public String zone(String given) {
    try {
      return Zones.checkId("zoneId", given);
    } catch (InvalidSpecException e) {
      throw new IllegalArgumentException(e.getMessage() + "; a program finds the id of a zone"
          + " name with the function mtasts:cloudflare:getZone", e);
    }
  }

  @Override
  public long minTtl() {
    return AUTOMATIC_TTL;
  }

  @Override
  public long maxTtl() {
    return MAX_TTL;
  }

  /** What Cloudflare refuses: one value per record, a TTL from 2 to 59, a proxied TXT record. */
  @Override
  public Optional<CheckResult.Failure> limits(DnsRecord record) {
    try {
      CloudflareRecordStore.record(record);
      return Optional.empty();
    } catch (InvalidSpecException e) {
      return Optional.of(new CheckResult.Failure(e.field(), e.getMessage()));
    }
  }

  /** Cloudflare's records may be proxied: its input record holds {@code proxied} too. */
  @Override
  public DnsRecord record(PropertyMap inputs) {
    return CloudflareRecordInputs.of(inputs).record();
  }

  @Override
  public <T> T run(OperationContext context, String what, Duration timeout, Function<RecordStore, T> operation) {
    return cloudflare.run(context, what, timeout,
        (client, waiter) -> operation.apply(new CloudflareRecordStore(client, waiter)));
  }
}

package io.github.mtasts.provider.aws;

import io.github.mtasts.aws.InvalidSpecException;
import io.github.mtasts.aws.RecordSet;
import io.github.mtasts.aws.Route53RecordStore;
import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.provider.dns.RecordService;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.OperationContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route 53 behind {@code mtasts:aws:Record}: record sets of a hosted zone, each change waited on
 * until Route 53 reports it INSYNC on all its name servers.
 */
public final class Route53RecordService implements RecordService {

  /** The type token. */
  public static final String TOKEN = "mtasts:aws:Record";

  /** Route 53 takes TTLs up to 2^31 - 1 seconds. */
  private static final long MAX_TTL = Integer.MAX_VALUE;

  private final AwsAccess aws;

  /**
   * Route 53 reached through the provider's AWS settings.
   *
   * @param aws the AWS clients of the provider
   */
  public Route53RecordService(AwsAccess aws) {
    this.aws = aws;
  }

  @Override
  public String token() {
    return TOKEN;
  }

  @Override
  public String recordNoun() {
    return "Route 53 record set";
  }

  @Override
  public String zoneNoun() {
    return "hosted zone";
  }

  @Override
  public String zoneExample() {
    return "Z0123456789ABC";
  }

  /** Route 53's own form: upper-case letters and digits; a {@code /hostedzone/} prefix is dropped. */
  @Override
  public String zone(String given) {
    return RecordSet.normalizeZoneId(given);
  }

  @Override
  public long minTtl() {
    return 0;
  }

  @Override
  public long maxTtl() {
    return MAX_TTL;
  }

  @Override
  public Optional<CheckResult.Failure> limits(DnsRecord record) {
    try {
      Route53RecordStore.recordSet(record);
      return Optional.empty();
    } catch (InvalidSpecException e) {
      return Optional.of(new CheckResult.Failure(e.field(), e.getMessage()));
    }
  }

  @Override
  public <T> T run(OperationContext context, String what, Duration timeout, Function<RecordStore, T> operation) {
    return aws.run(context, what, timeout, (clients, wait) -> operation.apply(new Route53RecordStore(clients, wait)));
  }
}

package io.github.mtasts.provider.dns;

import io.github.mtasts.dns.DnsRecord;
import io.github.mtasts.dns.RecordStore;
import io.github.mtasts.provider.host.CheckResult;
import io.github.mtasts.provider.host.OperationContext;
import io.github.mtasts.provider.host.PropertyMap;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a DNS service gives the {@link RecordResource}: its type token, its words and zone ids,
 * its limits, and its {@link RecordStore} for one operation. Serving records in another DNS
 * service is one implementation of this interface and one of {@link RecordStore}.
 */
public interface RecordService {

  /**
   * The type token of the service's record resource.
   *
   * @return for example {@code mtasts:aws:Record}
   */
  String token();

  /**
   * What the service calls a record set, for messages.
   *
   * @return for example "Route 53 record set"
   */
  String recordNoun();

  /**
   * What the service calls a zone, for messages.
   *
   * @return for example "hosted zone"
   */
  String zoneNoun();

  /**
   * A zone id in the service's form, for messages that show the shape of an import id.
   *
   * @return for example {@code Z0123456789ABC}
   */
  String zoneExample();

  /**
   * A zone id in the service's own form.
   *
   * @param given the zone id as given
   * @return the id as the service keeps it
   * @throws IllegalArgumentException naming the input, the value and the fix when it is no zone id of the service
   */
  String zone(String given);

  /**
   * The shortest TTL the service takes.
   *
   * @return seconds
   */
  long minTtl();

  /**
   * The longest TTL the service takes.
   *
   * @return seconds
   */
  long maxTtl();

  /**
   * What the service refuses of a record beyond the rules every service shares (such as a
   * longest value), found before any call.
   *
   * @param record a record that passed the shared rules
   * @return the input to fix and why, or empty when the service takes the record
   */
  Optional<CheckResult.Failure> limits(DnsRecord record);

  /**
   * The record set that checked inputs declare. A service whose schema declares inputs of its
   * own (Cloudflare's {@code proxied}) decodes them with its own input record.
   *
   * @param inputs checked, known inputs
   * @return the record set
   * @throws io.github.mtasts.dns.InvalidRecordException when a rule every DNS service shares fails
   */
  default DnsRecord record(PropertyMap inputs) {
    return RecordInputs.of(inputs).record();
  }

  /**
   * Runs one operation on the service's store: within the time budget, with its progress shown
   * as the resource's status line, stopped by the engine's Cancel, and with the service's
   * failures turned into messages for the user.
   *
   * @param context the resource operation
   * @param what the operation in words, for a cancellation message
   * @param timeout the time budget of all its waits together
   * @param operation the operation, given the store
   * @param <T> its result
   * @return its result
   */
  <T> T run(OperationContext context, String what, Duration timeout, Function<RecordStore, T> operation);
}

package io.github.mtasts.sdk;

import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.aws.Record;
import io.github.mtasts.sdk.aws.RecordArgs;
import io.github.mtasts.sdk.aws.enums.RecordType;
import java.util.List;
import java.util.regex.Pattern;

/** Records in a Route 53 hosted zone, each a {@link Record} ({@code mtasts:aws:Record}). */
final class Route53Dns implements Dns {
  private static final String LONG_FORM_PREFIX = "/hostedzone/";
  // Route 53 zone ids are upper-case letters and digits (for example Z0123456789ABCDEFGHIJ).
  private static final Pattern ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");

  private final String zoneId;

  /**
   * Checks the id and drops the {@code /hostedzone/} prefix.
   *
   * @param zoneId the hosted zone id
   * @throws InvalidInputException when the id cannot be a hosted zone id
   */
  Route53Dns(String zoneId) {
    String given = zoneId == null ? "" : zoneId.strip();
    String id = given.startsWith(LONG_FORM_PREFIX)
        ? given.substring(LONG_FORM_PREFIX.length()) : given;
    if (!ZONE_ID.matcher(id).matches()) {
      throw new InvalidInputException(List.of(Problem.error("dns", 0, given,
          "MtaStsArgs.dns: Route 53 hosted zone id '" + given + "' is not a zone id: give the"
              + " id of the zone that holds the domain, as `aws route53 list-hosted-zones` shows"
              + " it, such as Z0123456789ABCDEFGHIJ.")));
    }
    this.zoneId = id;
  }

  /**
   * Returns the hosted zone id.
   *
   * @return the id without the {@code /hostedzone/} prefix
   */
  String zoneId() {
    return zoneId;
  }

  @Override
  public PublishedRecord publish(DnsRecord record) {
    var resource = new Record(record.resourceName(), RecordArgs.builder()
        .zoneId(zoneId)
        .name(record.name())
        .type(RecordType.valueOf(record.type().name()))
        .values(record.values())
        .build(), record.options());
    return new PublishedRecord(resource, resource.fqdn());
  }

  @Override
  public String describe() {
    return "Dns.route53(\"" + zoneId + "\")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Route53Dns route53 && route53.zoneId.equals(zoneId);
  }

  @Override
  public int hashCode() {
    return zoneId.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}

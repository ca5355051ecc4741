package io.github.mtasts.sdk;

import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.github.mtasts.policy.CloudflareZones;
import io.github.mtasts.policy.Excerpt;
import io.github.mtasts.policy.InvalidInputException;
import io.github.mtasts.policy.Problem;
import io.github.mtasts.sdk.cloudflare.CloudflareFunctions;
import io.github.mtasts.sdk.cloudflare.Record;
import io.github.mtasts.sdk.cloudflare.RecordArgs;
import io.github.mtasts.sdk.cloudflare.enums.RecordType;
import io.github.mtasts.sdk.cloudflare.inputs.GetZoneArgs;
import io.github.mtasts.sdk.cloudflare.outputs.GetZoneResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in a Cloudflare zone, each a {@link Record} ({@code mtasts:cloudflare:Record}), never
 * proxied: resolvers must see the TXT records themselves, a certificate authority the validation
 * CNAME's target, and senders the host the {@code mta-sts} CNAME names. A zone given by name is
 * looked up by the provider ({@code mtasts:cloudflare:getZone}, in previews too) once per
 * component.
 */
final class CloudflareDns implements Dns {
  private final String zone;
  private final boolean byId;
  /** The zone id looked up for each parent, so that a component asks once. */
  private final Map<Optional<Resource>, Output<String>> lookups = new HashMap<>();

  /**
   * Checks the zone: an id, or a domain name.
   *
   * @param zoneIdOrName the zone id or the zone's name
   * @throws InvalidInputException when it is neither
   */
  CloudflareDns(String zoneIdOrName) {
    CloudflareZones.problem(zoneIdOrName).ifPresent(fix -> {
      throw new InvalidInputException(List.of(Problem.error("dns", 0, String.valueOf(zoneIdOrName),
          "MtaStsArgs.dns: Cloudflare zone " + Excerpt.quote(String.valueOf(zoneIdOrName))
              + " is neither a zone id nor a zone name: " + fix + "; the zone is the one that"
              + " holds the domain, such as Dns.cloudflare(\"example.com\").")));
    });
    this.zone = CloudflareZones.canonical(zoneIdOrName);
    this.byId = CloudflareZones.isId(zone);
  }

  /**
   * Returns the zone id for the resources of a component, looked up when the zone was given by
   * name.
   *
   * @param options the options of the resource that takes it: its parent's provider asks
   * @return the zone id
   */
  synchronized Output<String> zoneId(CustomResourceOptions options) {
    if (byId) {
      return Output.of(zone);
    }
    Optional<Resource> parent = options.getParent();
    return lookups.computeIfAbsent(parent, key -> {
      InvokeOptions.Builder invoke = InvokeOptions.builder();
      key.ifPresent(invoke::parent);
      return CloudflareFunctions.getZone(GetZoneArgs.builder().zone(zone).build(), invoke.build())
          .applyValue(GetZoneResult::id);
    });
  }

  @Override
  public PublishedRecord publish(DnsRecord record) {
    var resource = new Record(record.resourceName(), RecordArgs.builder()
        .zoneId(zoneId(record.options()))
        .name(record.name())
        .type(RecordType.valueOf(record.type().name()))
        .values(record.values())
        .proxied(false)
        .build(), record.options());
    return new PublishedRecord(resource, resource.fqdn());
  }

  @Override
  public String describe() {
    return "Dns.cloudflare(\"" + zone + "\")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloudflareDns cloudflare && cloudflare.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
